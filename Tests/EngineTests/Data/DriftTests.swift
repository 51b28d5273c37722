import XCTest
@testable import Engine

/// Each drift kind moves the distribution as declared, at the right
/// simulated times.
final class DriftTests: XCTestCase {
    private func time(_ text: String) -> SimTime { DataTestSupport.time(text) }

    private func numeric(_ spec: DataSpec, at text: String, _ name: String = "x") throws -> NumericDistribution {
        let feature = try XCTUnwrap(DataGenerator(spec: spec).parameters(at: time(text)).feature(name))
        guard case .numeric(let distribution) = feature.distribution else { throw XCTSkip("not numeric") }
        return distribution
    }

    private func categorical(_ spec: DataSpec, at text: String) throws -> CategoricalDistribution {
        let feature = try XCTUnwrap(DataGenerator(spec: spec).parameters(at: time(text)).feature("merchant"))
        guard case .categorical(let distribution) = feature.distribution else { throw XCTSkip("not categorical") }
        return distribution
    }

    func testGradualMovesLinearlyBetweenFromAndTo() throws {
        let spec = DataTestSupport.numericSpec(.normal(mean: 50, sd: 20), drift: [
            .gradual(feature: "x", from: .hours(2), to: .hours(6), targets: [ParameterValue("mean", 80)]),
        ])
        XCTAssertEqual(try numeric(spec, at: "0s").parameters, [50, 20])
        XCTAssertEqual(try numeric(spec, at: "2h").parameters, [50, 20])
        XCTAssertEqual(try numeric(spec, at: "3h").parameters, [57.5, 20])
        XCTAssertEqual(try numeric(spec, at: "4h").parameters, [65, 20], "halfway at the midpoint")
        XCTAssertEqual(try numeric(spec, at: "6h").parameters, [80, 20])
        XCTAssertEqual(try numeric(spec, at: "7d").parameters, [80, 20])
        let sampled = try XCTUnwrap(DataTestSupport.sample(spec, rows: 20_000, at: time("4h")).summary(of: "x")?.numeric)
        XCTAssertEqual(sampled.mean, 65, accuracy: 0.5)
    }

    func testSuddenSwitchesAtItsTime() throws {
        let spec = DataTestSupport.numericSpec(.normal(mean: 50, sd: 20), drift: [
            .sudden(feature: "x", at: .hours(3), targets: [ParameterValue("sd", 5), ParameterValue("nulls", 0.3)]),
        ])
        let before = DataGenerator(spec: spec).parameters(at: time("3h") - .milliseconds(1))
        let after = DataGenerator(spec: spec).parameters(at: time("3h"))
        XCTAssertEqual(before.feature("x")?.distribution, .numeric(.normal(mean: 50, sd: 20)))
        XCTAssertEqual(before.feature("x")?.nulls, 0)
        XCTAssertEqual(after.feature("x")?.distribution, .numeric(.normal(mean: 50, sd: 5)))
        XCTAssertEqual(after.feature("x")?.nulls, 0.3)
        let early = try XCTUnwrap(DataTestSupport.sample(spec, rows: 20_000, at: time("2h")).summary(of: "x"))
        let late = try XCTUnwrap(DataTestSupport.sample(spec, rows: 20_000, at: time("4h")).summary(of: "x"))
        XCTAssertEqual(early.numeric?.sd ?? 0, 20, accuracy: 0.5)
        XCTAssertEqual(late.numeric?.sd ?? 0, 5, accuracy: 0.2)
        XCTAssertEqual(early.nulls, 0)
        XCTAssertEqual(late.nullShare, 0.3, accuracy: 0.015)
    }

    func testSeasonalFollowsADailySine() throws {
        let spec = DataTestSupport.numericSpec(.normal(mean: 50, sd: 20), drift: [
            .seasonal(feature: "x", amplitudes: [ParameterValue("mean", 10)], period: .days(1), phase: 0),
        ])
        func mean(_ text: String) throws -> Double { try numeric(spec, at: text).parameters[0] }
        XCTAssertEqual(try mean("0s"), 50)
        XCTAssertEqual(try mean("6h"), 60)
        XCTAssertEqual(try mean("12h"), 50)
        XCTAssertEqual(try mean("18h"), 40)
        XCTAssertEqual(try mean("3h"), 50 + 10 * 0.5.squareRoot(), accuracy: 1e-12)
        for text in ["1h", "5h", "13h", "20h"] {
            XCTAssertEqual(try mean(text), try mean("1d" + text), "one period later (\(text))")
            XCTAssertEqual(try mean(text), try mean("\(3)d" + text))
        }
        XCTAssertEqual(try numeric(spec, at: "6h").parameters[1], 20, "other parameters untouched")
    }

    func testSeasonalPeriodAndPhase() throws {
        let spec = DataTestSupport.numericSpec(.normal(mean: 0, sd: 1), drift: [
            .seasonal(feature: "x", amplitudes: [ParameterValue("mean", 2)], period: .hours(4), phase: Double.pi / 2),
        ])
        XCTAssertEqual(try numeric(spec, at: "0s").parameters[0], 2, accuracy: 1e-12, "phase pi/2 starts at the peak")
        XCTAssertEqual(try numeric(spec, at: "2h").parameters[0], -2, accuracy: 1e-12)
        XCTAssertEqual(try numeric(spec, at: "4h").parameters[0], 2, accuracy: 1e-12)
    }

    func testNewCategoryAppearsOnlyAfterItsTime() throws {
        let spec = DataTestSupport.merchantSpec(drift: [.newCategory(feature: "merchant", category: "crypto", at: .hours(4), probability: 0.1)])
        XCTAssertEqual(spec.schema.features[0].kind, .categorical(["online", "store", "atm", "crypto"]))
        let before = try categorical(spec, at: "3h")
        XCTAssertEqual(before.categories, ["online", "store", "atm", "crypto"])
        XCTAssertEqual(before.probabilities, [0.6, 0.3, 0.1, 0], "declared probabilities summing to 1 are kept as written")
        let after = try categorical(spec, at: "4h")
        XCTAssertEqual(after.probabilities[3], 0.1, accuracy: 1e-12)
        XCTAssertEqual(after.probabilities[0], 0.54, accuracy: 1e-12, "the others give up 10%")
        XCTAssertEqual(after.probabilities[1], 0.27, accuracy: 1e-12)

        let early = DataTestSupport.sample(spec, rows: 20_000, at: time("3h"))
        let late = DataTestSupport.sample(spec, rows: 20_000, at: time("5h"))
        XCTAssertEqual(early.summary(of: "merchant")?.count(of: "crypto"), 0)
        XCTAssertEqual(DataTestSupport.share(late, "merchant", "crypto"), 0.1, accuracy: 0.01)
        XCTAssertEqual(early.schema, late.schema, "the schema is the same before and after")
    }

    func testConceptDriftChangesTheLabelRate() throws {
        var spec = DataTestSupport.fraudSpec
        spec.drift = [.concept(LabelChange(weights: [LabelWeight(feature: "amount", weight: 0.04)]), .at(.hours(8)))]
        let generator = DataGenerator(spec: spec)
        XCTAssertEqual(generator.parameters(at: time("7h")).label.weight("amount"), 0.02)
        XCTAssertEqual(generator.parameters(at: time("8h")).label.weight("amount"), 0.04)
        XCTAssertEqual(generator.parameters(at: time("8h")).label.weight("merchant=online"), 1.0, "unlisted weights stay")
        let before = DataTestSupport.sample(spec, rows: 20_000, at: time("7h"))
        let after = DataTestSupport.sample(spec, rows: 20_000, at: time("9h"))
        // logit -3 + 0.02·50 (+1 online) vs -3 + 0.04·50 (+1): about 0.21 vs 0.41.
        XCTAssertEqual(before.positiveRate, 0.21, accuracy: 0.03)
        XCTAssertEqual(after.positiveRate, 0.41, accuracy: 0.03)
        XCTAssertEqual(generator.parameters(at: time("9h")).features, generator.parameters(at: time("7h")).features,
                       "concept drift leaves the features alone")
    }

    func testGradualConceptDriftAndNewWeights() {
        var spec = DataTestSupport.fraudSpec
        spec.drift = [.concept(LabelChange(intercept: -1, weights: [LabelWeight(feature: "merchant", category: "atm", weight: 2)], noise: 0),
                               .between(.hours(2), .hours(4)))]
        let middle = DataGenerator(spec: spec).parameters(at: time("3h")).label
        XCTAssertEqual(middle.intercept, -2)
        XCTAssertEqual(middle.weight("merchant=atm"), 1, "a new weight starts from 0")
        XCTAssertEqual(middle.noise, 0.1)
        XCTAssertEqual(DataGenerator(spec: spec).parameters(at: time("1h")).label, spec.label)
    }

    func testDriftAppliesInFileOrder() throws {
        let gradualThenSudden = DataTestSupport.numericSpec(.normal(mean: 0, sd: 1), drift: [
            .gradual(feature: "x", from: .hours(0), to: .hours(10), targets: [ParameterValue("mean", 100)]),
            .sudden(feature: "x", at: .hours(5), targets: [ParameterValue("mean", -10)]),
        ])
        XCTAssertEqual(try numeric(gradualThenSudden, at: "4h").parameters[0], 40)
        XCTAssertEqual(try numeric(gradualThenSudden, at: "6h").parameters[0], -10, "the later item wins")
        let suddenThenGradual = DataTestSupport.numericSpec(.normal(mean: 0, sd: 1), drift: [
            .sudden(feature: "x", at: .hours(5), targets: [ParameterValue("mean", -10)]),
            .gradual(feature: "x", from: .hours(0), to: .hours(10), targets: [ParameterValue("mean", 100)]),
        ])
        XCTAssertEqual(try numeric(suddenThenGradual, at: "6h").parameters[0], -10 + 0.6 * 110, accuracy: 1e-12,
                       "moves from the value the earlier item left")
    }

    func testCategoryProbabilitiesDriftAndRenormalise() throws {
        let spec = DataTestSupport.merchantSpec(drift: [
            .gradual(feature: "merchant", from: .hours(1), to: .hours(3), targets: [ParameterValue("online", 0.2), ParameterValue("store", 0.7)]),
        ])
        let middle = try categorical(spec, at: "2h")
        XCTAssertEqual(middle.probabilities[0], 0.4, accuracy: 1e-12)
        XCTAssertEqual(middle.probabilities[1], 0.5, accuracy: 1e-12)
        let after = try categorical(spec, at: "3h")
        XCTAssertEqual(after.probabilities[0], 0.2, accuracy: 1e-12)
        XCTAssertEqual(after.probabilities[1], 0.7, accuracy: 1e-12)
        XCTAssertEqual(after.probabilities.reduce(0, +), 1, accuracy: 1e-12)
    }

    func testParametersPushedOutOfTheirDomainAreClamped() throws {
        let spec = DataTestSupport.numericSpec(.normal(mean: 5, sd: 1), drift: [
            .seasonal(feature: "x", amplitudes: [ParameterValue("sd", 3), ParameterValue("nulls", 1)], period: .days(1), phase: 0),
        ])
        let trough = DataGenerator(spec: spec).parameters(at: time("18h")).feature("x")
        XCTAssertEqual(trough?.distribution, .numeric(.normal(mean: 5, sd: 0)))
        XCTAssertEqual(trough?.nulls, 0)
        let values = DataTestSupport.numbers(DataTestSupport.sample(spec, rows: 100, at: time("18h")), "x")
        XCTAssertEqual(Set(values), [5], "sd 0 draws the mean")
        XCTAssertEqual(NumericDistribution.uniform(min: 3, max: 1).clampedToDomain(), .uniform(min: 1, max: 3))
        XCTAssertEqual(NumericDistribution.beta(a: -1, b: 2).clampedToDomain(), .beta(a: NumericDistribution.minimumBetaShape, b: 2))
        XCTAssertEqual(NumericDistribution.exponential(mean: -1).clampedToDomain(), .exponential(mean: 0))
    }

    func testPortableSineMatchesTheSine() {
        for step in 0...1000 {
            let turns = Double(step) / 137 - 3
            XCTAssertEqual(PortableSine.sin(turns: turns), Foundation.sin(2 * Double.pi * turns), accuracy: 1e-14, "\(turns)")
        }
        XCTAssertEqual(PortableSine.sin(turns: 0.25), 1)
        XCTAssertEqual(PortableSine.sin(turns: 0.5), 0)
        XCTAssertEqual(PortableSine.sin(turns: -0.25), -1)
    }
}
