import XCTest
import SimKernel
@testable import Engine

/// The drift policy: default methods by kind and window size, thresholds
/// and verdicts, overrides and rejected methods, insufficient samples, the
/// significant-but-tiny note and dataset drift.
final class FeatureDriftEvaluatorTests: XCTestCase {
    private let evaluator = FeatureDriftEvaluator()

    private func normals(_ count: Int, mean: Double = 0, sd: Double = 1, seed: UInt64) -> SortedSample {
        var generator = Xoshiro256StarStar(seed: seed)
        return SortedSample((0..<count).map { _ in Sampling.normal(mean: mean, standardDeviation: sd, using: &generator) })
    }

    func testDefaultMethodsAndThresholds() throws {
        XCTAssertEqual(evaluator.defaultMethod(isCategorical: false, referenceCount: 999, currentCount: 5000), .ks)
        XCTAssertEqual(evaluator.defaultMethod(isCategorical: false, referenceCount: 1000, currentCount: 1000), .psi)
        XCTAssertEqual(evaluator.defaultMethod(isCategorical: true, referenceCount: 5000, currentCount: 999), .chiSquare)
        XCTAssertEqual(evaluator.defaultMethod(isCategorical: true, referenceCount: 1000, currentCount: 1000), .jensenShannon)
        XCTAssertEqual(FeatureDriftEvaluator.defaultThresholds(for: .psi), DriftThresholds(warn: 0.1, alert: 0.2))
        XCTAssertEqual(FeatureDriftEvaluator.defaultThresholds(for: .ks), DriftThresholds(warn: 0.05, alert: 0.01))
        XCTAssertEqual(FeatureDriftEvaluator.defaultThresholds(for: .chiSquare), DriftThresholds(warn: 0.05, alert: 0.01))
        XCTAssertEqual(FeatureDriftEvaluator.defaultThresholds(for: .jensenShannon), DriftThresholds(warn: 0.1, alert: 0.2))
        XCTAssertEqual(FeatureDriftEvaluator.defaultThresholds(for: .wasserstein), DriftThresholds(warn: 0.1, alert: 0.2))

        let small = try evaluator.evaluate(feature: "amount", reference: normals(500, seed: 1), current: normals(400, seed: 2), spec: nil)
        XCTAssertEqual(small.method, .ks)
        XCTAssertNotNil(small.statistic)
        let large = try evaluator.evaluate(feature: "amount", reference: normals(2000, seed: 1), current: normals(1000, seed: 2), spec: nil)
        XCTAssertEqual(large.method, .psi)
        XCTAssertEqual(large.thresholds, DriftThresholds(warn: 0.1, alert: 0.2))
        XCTAssertNil(large.statistic)
        XCTAssertEqual(large.referenceCount, 2000)
        XCTAssertEqual(large.currentCount, 1000)
        XCTAssertTrue(large.history.isEmpty)
    }

    func testStatesFromThresholds() {
        let pValues = DriftThresholds(warn: 0.05, alert: 0.01)
        XCTAssertEqual(FeatureDriftEvaluator.state(of: 0.2, method: .ks, thresholds: pValues), .ok)
        XCTAssertEqual(FeatureDriftEvaluator.state(of: 0.05, method: .ks, thresholds: pValues), .ok)
        XCTAssertEqual(FeatureDriftEvaluator.state(of: 0.049, method: .chiSquare, thresholds: pValues), .warning)
        XCTAssertEqual(FeatureDriftEvaluator.state(of: 0.009, method: .ks, thresholds: pValues), .drift)
        let distances = DriftThresholds(warn: 0.1, alert: 0.2)
        XCTAssertEqual(FeatureDriftEvaluator.state(of: 0.099, method: .psi, thresholds: distances), .ok)
        XCTAssertEqual(FeatureDriftEvaluator.state(of: 0.1, method: .psi, thresholds: distances), .warning)
        XCTAssertEqual(FeatureDriftEvaluator.state(of: 0.2, method: .wasserstein, thresholds: distances), .drift)
        XCTAssertEqual(FeatureDriftEvaluator.state(of: 0.5, method: .jensenShannon, thresholds: distances), .drift)
    }

    func testNumericVerdictsAndBins() throws {
        let reference = normals(3000, seed: 5)
        let shifted = try evaluator.evaluate(feature: "x", reference: reference, current: normals(3000, mean: 1, seed: 6), spec: nil)
        XCTAssertEqual(shifted.method, .psi)
        XCTAssertEqual(shifted.state, .drift)
        XCTAssertEqual(shifted.binLabels.count, 10)
        XCTAssertTrue(shifted.binLabels[0].hasPrefix("<"))
        XCTAssertTrue(shifted.binLabels[9].hasPrefix(">="))
        XCTAssertTrue(shifted.binLabels[4].contains("-"))
        XCTAssertEqual(Set(shifted.binLabels).count, 10)
        assertRelative(shifted.referenceShares.reduce(0, +), 1, 1e-12, "shares")
        XCTAssertEqual(shifted.referenceShares[0], 0.1, accuracy: 1e-3)
        XCTAssertGreaterThan(shifted.currentShares[9], 0.3)
        let same = try evaluator.evaluate(feature: "x", reference: reference, current: normals(3000, seed: 7), spec: nil)
        XCTAssertEqual(same.state, .ok)
        XCTAssertNil(same.note)
    }

    func testBinLabels() {
        XCTAssertEqual(FeatureDriftEvaluator.binLabels(innerEdges: [12.3, 25, 80.1]), ["<12.3", "12.3-25", "25-80.1", ">=80.1"])
        XCTAssertEqual(FeatureDriftEvaluator.binLabels(innerEdges: [-1.2852, -0.8506]), ["<-1.29", "-1.29--0.85", ">=-0.85"])
    }

    func testSpecOverridesMethodAndThresholds() throws {
        let spec = FeatureDriftSpec(feature: "x", method: .wasserstein, thresholds: DriftThresholds(warn: 0.05, alert: 0.5))
        let summary = try evaluator.evaluate(feature: "x", reference: normals(800, seed: 1), current: normals(900, mean: 0.2, seed: 2), spec: spec)
        XCTAssertEqual(summary.method, .wasserstein)
        XCTAssertEqual(summary.thresholds, DriftThresholds(warn: 0.05, alert: 0.5))
        let raw = try XCTUnwrap(summary.rawDistance)
        let value = try XCTUnwrap(summary.value)
        XCTAssertGreaterThan(raw, 0.1)
        XCTAssertEqual(summary.state, .warning)
        XCTAssertEqual(value, DriftStatistics.wasserstein(normals(800, seed: 1), normals(900, mean: 0.2, seed: 2)).normalised)
        // Method only: the method's default thresholds.
        let js = try evaluator.evaluate(feature: "x", reference: normals(800, seed: 1), current: normals(900, seed: 2),
                                        spec: FeatureDriftSpec(feature: "x", method: .jensenShannon))
        XCTAssertEqual(js.method, .jensenShannon)
        XCTAssertEqual(js.thresholds, DriftThresholds(warn: 0.1, alert: 0.2))
    }

    func testMethodsThatDoNotApplyAreRejected() {
        XCTAssertThrowsError(try evaluator.evaluate(feature: "amount", reference: normals(100, seed: 1), current: normals(100, seed: 2),
                                                    spec: FeatureDriftSpec(feature: "amount", method: .chiSquare))) { error in
            XCTAssertEqual(error as? FeatureDriftError, .methodNotApplicable(feature: "amount", method: .chiSquare, isCategorical: false))
            XCTAssertEqual(String(describing: error),
                           "feature 'amount': method chi_square does not apply to a numeric feature (use psi, ks, wasserstein, js)")
        }
        for method in [DriftMethod.psi, .ks, .wasserstein] {
            XCTAssertThrowsError(try evaluator.evaluate(feature: "country", categories: ["DE", "US"], referenceCounts: [50, 50],
                                                        currentCounts: [40, 60], spec: FeatureDriftSpec(feature: "country", method: method))) { error in
                XCTAssertEqual(error as? FeatureDriftError, .methodNotApplicable(feature: "country", method: method, isCategorical: true))
            }
        }
        XCTAssertThrowsError(try evaluator.evaluate(feature: "country", categories: ["DE"], referenceCounts: [50, 50],
                                                    currentCounts: [40, 60], spec: nil))
    }

    func testInsufficientSamples() throws {
        let summary = try evaluator.evaluate(feature: "x", reference: normals(500, seed: 1), current: normals(12, seed: 2), spec: nil)
        XCTAssertEqual(summary.state, .insufficient)
        XCTAssertEqual(summary.note, "insufficient: 12 < 30 values")
        XCTAssertNil(summary.value)
        XCTAssertEqual(summary.method, .ks)
        XCTAssertEqual(summary.currentCount, 12)
        let categorical = try evaluator.evaluate(feature: "c", categories: ["a", "b"], referenceCounts: [10, 19], currentCounts: [100, 100], spec: nil)
        XCTAssertEqual(categorical.state, .insufficient)
        XCTAssertEqual(categorical.note, "insufficient: 29 < 30 values")
        XCTAssertEqual(categorical.binLabels, ["a", "b"])
        let enough = try evaluator.evaluate(feature: "x", reference: normals(30, seed: 1), current: normals(30, seed: 2), spec: nil)
        XCTAssertNotEqual(enough.state, .insufficient)
    }

    func testSignificantButTinyShiftIsNoted() throws {
        let spec = FeatureDriftSpec(feature: "x", method: .ks)
        let summary = try evaluator.evaluate(feature: "x", reference: normals(20_000, seed: 21), current: normals(25_000, mean: 0.07, seed: 22), spec: spec)
        XCTAssertEqual(summary.state, .drift)
        let d = try XCTUnwrap(summary.statistic)
        XCTAssertLessThan(d, 0.05)
        let note = try XCTUnwrap(summary.note)
        XCTAssertTrue(note.hasPrefix("significant but tiny: D 0.0"), note)
        XCTAssertTrue(note.hasSuffix(" on 20,000 vs 25,000"), note)
        // A large shift is not tiny.
        let big = try evaluator.evaluate(feature: "x", reference: normals(2000, seed: 21), current: normals(2000, mean: 1, seed: 22), spec: spec)
        XCTAssertEqual(big.state, .drift)
        XCTAssertNil(big.note)
    }

    func testCategoricalVerdicts() throws {
        // mixed_4k_6k's country column: a real shift (chi-square p 2.2e-18).
        let small = try evaluator.evaluate(feature: "country", categories: ["DE", "GB", "US"], referenceCounts: [78, 81, 240],
                                           currentCounts: [158, 91, 350], spec: nil)
        XCTAssertEqual(small.method, .chiSquare)
        XCTAssertNotNil(small.statistic)
        let large = try evaluator.evaluate(feature: "country", categories: ["DE", "GB", "US"], referenceCounts: [788, 809, 2403],
                                           currentCounts: [1583, 913, 3504], spec: nil)
        XCTAssertEqual(large.method, .jensenShannon)
        XCTAssertEqual(large.state, .ok, "JS 0.065 is below the 0.1 warning")
        let chi = try evaluator.evaluate(feature: "country", categories: ["DE", "GB", "US"], referenceCounts: [788, 809, 2403],
                                         currentCounts: [1583, 913, 3504], spec: FeatureDriftSpec(feature: "country", method: .chiSquare))
        XCTAssertEqual(chi.state, .drift)
        assertRelative(try XCTUnwrap(chi.value), 2.2038666287377973e-18, 1e-10, "p")
        XCTAssertNil(chi.note, "JS 0.065 is not a tiny shift")
        XCTAssertEqual(chi.referenceShares, [788.0 / 4000, 809.0 / 4000, 2403.0 / 4000])
        // A tiny shift on large counts is significant but noted as tiny.
        let tiny = try evaluator.evaluate(feature: "country", categories: ["DE", "GB", "US"], referenceCounts: [20_000, 20_000, 60_000],
                                          currentCounts: [20_600, 19_700, 59_700], spec: FeatureDriftSpec(feature: "country", method: .chiSquare))
        XCTAssertEqual(tiny.state, .drift)
        let note = try XCTUnwrap(tiny.note)
        XCTAssertTrue(note.hasPrefix("significant but tiny: JS 0.0"), note)
        XCTAssertTrue(note.hasSuffix(" on 100,000 vs 100,000"), note)
    }

    func testNoDriftReferenceIsNotDriftAtDefaults() throws {
        let reference = SortedSample(try DriftReferenceData.numbers(DriftReferenceData.csvColumns("no_drift_20k_25k", "reference.csv")["x"]))
        let current = SortedSample(try DriftReferenceData.numbers(DriftReferenceData.csvColumns("no_drift_20k_25k", "current.csv")["x"]))
        let summary = try evaluator.evaluate(feature: "x", reference: reference, current: current, spec: nil)
        XCTAssertEqual(summary.method, .psi)
        XCTAssertEqual(summary.state, .ok)
        for method in [DriftMethod.ks, .psi, .wasserstein, .jensenShannon] {
            let each = try evaluator.evaluate(feature: "x", reference: reference, current: current, spec: FeatureDriftSpec(feature: "x", method: method))
            XCTAssertEqual(each.state, .ok, "\(method)")
        }
    }

    func testDatasetDriftShare() throws {
        func feature(_ state: DriftState) -> FeatureDriftSummary {
            FeatureDriftSummary(feature: "f", isCategorical: false, method: .psi, value: nil, statistic: nil, rawDistance: nil,
                                thresholds: DriftThresholds(warn: 0.1, alert: 0.2), referenceCount: 0, currentCount: 0, state: state,
                                note: nil, history: [], binLabels: [], referenceShares: [], currentShares: [])
        }
        let features = [feature(.drift), feature(.ok), feature(.insufficient), feature(.warning)]
        let half = evaluator.datasetDrift(features, share: 0.3)
        XCTAssertEqual(half.watched, 3)
        XCTAssertEqual(half.drifting, 1)
        XCTAssertTrue(half.isDrifting)
        XCTAssertEqual(half.threshold, 0.3)
        XCTAssertFalse(evaluator.datasetDrift(features, share: 0.5).isDrifting)
        XCTAssertTrue(evaluator.datasetDrift([feature(.drift), feature(.insufficient)], share: 1).isDrifting)
        let none = evaluator.datasetDrift([feature(.insufficient)], share: 0)
        XCTAssertEqual(none.watched, 0)
        XCTAssertFalse(none.isDrifting)
    }
}
