import XCTest
@testable import Engine

/// Sampled columns match the parameters they were drawn from.
final class DistributionSamplingTests: XCTestCase {
    private let rows = 50_000

    /// Mean and sd of 50k draws against the distribution's own, within
    /// `tolerance` of the sd (a few standard errors).
    /// Also returns the statistics for further checks.
    @discardableResult
    private func assertMatches(_ distribution: NumericDistribution, tolerance: Double = 0.03,
                               file: StaticString = #filePath, line: UInt = #line) throws -> NumericStatistics {
        let dataset = DataTestSupport.sample(DataTestSupport.numericSpec(distribution), rows: rows)
        let stats = try XCTUnwrap(dataset.summary(of: "x")?.numeric, file: file, line: line)
        let sd = distribution.standardDeviation
        XCTAssertEqual(stats.mean, distribution.mean, accuracy: tolerance * sd, "mean of \(distribution)", file: file, line: line)
        XCTAssertEqual(stats.sd, sd, accuracy: 2 * tolerance * sd, "sd of \(distribution)", file: file, line: line)
        return stats
    }

    func testNormal() throws {
        try assertMatches(.normal(mean: 50, sd: 20))
        try assertMatches(.normal(mean: -3, sd: 0.5))
        XCTAssertEqual(NumericDistribution.normal(mean: 50, sd: 20).mean, 50)
    }

    func testLognormal() throws {
        let distribution = NumericDistribution.lognormal(mu: 3, sigma: 0.5)
        XCTAssertEqual(distribution.mean, 22.76, accuracy: 0.01)  // e^(3 + 0.125)
        let stats = try assertMatches(distribution)
        XCTAssertEqual(stats.p50, 20.09, accuracy: 0.3, "median e^mu")
    }

    func testUniform() throws {
        let stats = try assertMatches(.uniform(min: 10, max: 30))
        XCTAssertGreaterThanOrEqual(stats.min, 10)
        XCTAssertLessThan(stats.max, 30)
        XCTAssertEqual(stats.min, 10, accuracy: 0.01)
        XCTAssertEqual(stats.max, 30, accuracy: 0.01)
    }

    func testBeta() throws {
        try assertMatches(.beta(a: 0.5, b: 0.5))
        let stats = try assertMatches(.beta(a: 2, b: 5))
        XCTAssertGreaterThanOrEqual(stats.min, 0)
        XCTAssertLessThanOrEqual(stats.max, 1)
    }

    func testExponential() throws {
        let stats = try assertMatches(.exponential(mean: 4))
        XCTAssertEqual(stats.p50, 4 * 0.6931, accuracy: 0.1, "median mean·ln 2")
    }

    func testCategoricalFrequencies() {
        let dataset = DataTestSupport.sample(DataTestSupport.merchantSpec(), rows: rows)
        XCTAssertEqual(DataTestSupport.share(dataset, "merchant", "online"), 0.6, accuracy: 0.01)
        XCTAssertEqual(DataTestSupport.share(dataset, "merchant", "store"), 0.3, accuracy: 0.01)
        XCTAssertEqual(DataTestSupport.share(dataset, "merchant", "atm"), 0.1, accuracy: 0.01)
        XCTAssertEqual(dataset.summary(of: "merchant")?.nulls, 0)
    }

    func testClippingRaisesAndLowersValues() throws {
        let dataset = DataTestSupport.sample(DataTestSupport.numericSpec(.normal(mean: 0, sd: 10), min: -5, max: 5), rows: 10_000)
        let values = DataTestSupport.numbers(dataset, "x")
        XCTAssertEqual(values.min(), -5)
        XCTAssertEqual(values.max(), 5)
        // About 31.7% of a normal lies beyond one sd: both tails pile up at the bounds.
        let atBounds = values.filter { $0 == -5 || $0 == 5 }.count
        XCTAssertEqual(Double(atBounds) / 10_000, 0.617, accuracy: 0.02)
    }

    func testNullShare() throws {
        let numeric = DataTestSupport.sample(DataTestSupport.numericSpec(.normal(mean: 0, sd: 1), nulls: 0.1), rows: rows)
        let summary = try XCTUnwrap(numeric.summary(of: "x"))
        XCTAssertEqual(summary.nullShare, 0.1, accuracy: 0.006)
        XCTAssertEqual(summary.count + summary.nulls, rows)
        XCTAssertEqual(DataTestSupport.numbers(numeric, "x").filter(\.isNaN).count, summary.nulls)
        XCTAssertEqual(summary.numeric?.mean ?? .nan, 0, accuracy: 0.03, "statistics ignore missing values")

        let categorical = DataTestSupport.sample(DataTestSupport.merchantSpec(nulls: 0.2), rows: rows)
        XCTAssertEqual(try XCTUnwrap(categorical.summary(of: "merchant")).nullShare, 0.2, accuracy: 0.006)
        XCTAssertEqual(DataTestSupport.codes(categorical, "merchant").filter { $0 == -1 }.count, categorical.summary(of: "merchant")?.nulls)
    }

    func testLabelRateFollowsTheRule() {
        // P(y) = sigmoid(-1 + 2·[online]): 0.731 for online (60%), 0.269 otherwise.
        var spec = DataTestSupport.merchantSpec()
        spec.label = LabelRule(intercept: -1, weights: [LabelWeight(feature: "merchant", category: "online", weight: 2)])
        let dataset = DataTestSupport.sample(spec, rows: rows)
        XCTAssertEqual(dataset.positiveRate, 0.6 * 0.7311 + 0.4 * 0.2689, accuracy: 0.01)
    }
}
