import XCTest
import SimKernel

final class DurationDistributionTests: XCTestCase {
    func testParsesEveryForm() throws {
        XCTAssertEqual(try DurationDistribution(parsing: "45s"), .fixed(.seconds(45)))
        XCTAssertEqual(try DurationDistribution(parsing: "lognormal(30s, 0.5)"), .lognormal(median: .seconds(30), sigma: 0.5))
        XCTAssertEqual(try DurationDistribution(parsing: "uniform(10s, 60s)"), .uniform(min: .seconds(10), max: .seconds(60)))
        XCTAssertEqual(try DurationDistribution(parsing: "exponential(2m)"), .exponential(mean: .minutes(2)))
        XCTAssertEqual(try DurationDistribution(parsing: "  uniform ( 1m30s ,2m )  "), .uniform(min: .seconds(90), max: .minutes(2)))
        XCTAssertEqual(try DurationDistribution(parsing: "lognormal(1h,2)"), .lognormal(median: .hours(1), sigma: 2))
    }

    func testDescriptionRoundTrips() throws {
        let values: [DurationDistribution] = [
            .fixed(.seconds(45)), .fixed(.zero),
            .lognormal(median: .seconds(30), sigma: 0.5), .lognormal(median: .minutes(90), sigma: 1),
            .uniform(min: .seconds(10), max: .minutes(1)), .exponential(mean: .minutes(2)),
        ]
        for value in values {
            XCTAssertEqual(try DurationDistribution(parsing: value.description), value, value.description)
        }
        XCTAssertEqual(DurationDistribution.lognormal(median: .seconds(30), sigma: 0.5).description, "lognormal(30s, 0.5)")
        XCTAssertEqual(DurationDistribution.uniform(min: .seconds(10), max: .seconds(60)).description, "uniform(10s, 1m)")
    }

    private func parseError(_ text: String) -> DurationParseError? {
        do {
            _ = try DurationDistribution(parsing: text)
            return nil
        } catch {
            return error
        }
    }

    func testErrorsNameTheColumn() throws {
        let unknown = try XCTUnwrap(parseError("gaussian(30s, 2s)"))
        XCTAssertEqual(unknown.offset, 0)
        XCTAssertEqual(unknown.expected, DurationDistribution.expectedForm)

        let missingParen = try XCTUnwrap(parseError("lognormal 30s"))
        XCTAssertEqual(missingParen.offset, 10)

        let badMedian = try XCTUnwrap(parseError("lognormal(30, 0.5)"))
        XCTAssertEqual(badMedian.offset, 12)

        let badSigma = try XCTUnwrap(parseError("lognormal(30s, x)"))
        XCTAssertEqual(badSigma.offset, 15)
        XCTAssertTrue(badSigma.expected.contains("sigma"))

        let missingSecond = try XCTUnwrap(parseError("uniform(10s)"))
        XCTAssertEqual(missingSecond.offset, 11)

        let reversed = try XCTUnwrap(parseError("uniform(60s, 10s)"))
        XCTAssertEqual(reversed.offset, 13)

        let unclosed = try XCTUnwrap(parseError("exponential(2m"))
        XCTAssertEqual(unclosed.offset, 14)

        let extra = try XCTUnwrap(parseError("exponential(2m) x"))
        XCTAssertEqual(extra.offset, 16)

        let empty = try XCTUnwrap(parseError(""))
        XCTAssertEqual(empty.offset, 0)
    }

    func testFixedSampleDrawsNothing() {
        var generator = Xoshiro256StarStar(seed: 40)
        let before = generator
        XCTAssertEqual(DurationDistribution.fixed(.seconds(45)).sample(using: &generator), .seconds(45))
        XCTAssertEqual(generator, before)
    }

    func testSamplesStayInRangeAndMatchTheMean() {
        let cases: [(DurationDistribution, Double)] = [
            (.uniform(min: .seconds(10), max: .seconds(60)), 35_000),
            (.exponential(mean: .minutes(2)), 120_000),
            (.lognormal(median: .seconds(30), sigma: 0.5), 30_000 * PortableMath.exp(0.125)),
        ]
        for (index, (distribution, mean)) in cases.enumerated() {
            XCTAssertLessThan(abs(distribution.meanMilliseconds - mean), 1e-6 * mean)
            var generator = Xoshiro256StarStar(seed: 41 + UInt64(index))
            var sum = 0.0
            let draws = 50_000
            for _ in 0..<draws {
                let sample = distribution.sample(using: &generator)
                XCTAssertGreaterThanOrEqual(sample, .zero)
                if case let .uniform(min, max) = distribution {
                    XCTAssertTrue(sample >= min && sample <= max)
                }
                sum += Double(sample.milliseconds)
            }
            XCTAssertLessThan(abs(sum / Double(draws) - mean) / mean, 0.02, distribution.description)
        }
    }

    func testZeroSpreadDistributions() {
        var generator = Xoshiro256StarStar(seed: 50)
        XCTAssertEqual(DurationDistribution.lognormal(median: .seconds(30), sigma: 0).sample(using: &generator), .seconds(30))
        XCTAssertEqual(DurationDistribution.uniform(min: .seconds(5), max: .seconds(5)).sample(using: &generator), .seconds(5))
        XCTAssertEqual(DurationDistribution.exponential(mean: .zero).sample(using: &generator), .zero)
    }
}
