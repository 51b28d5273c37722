import XCTest
import Engine

final class AnalysisRunTests: XCTestCase {
    private typealias F = RolloutFixtures

    private func window(_ version: Int, requests: Int, errors: Int = 0, p99: Double = 100, labelled: Int? = nil, correct: Int? = nil,
                        mirrored: Int = 0, mirroredErrors: Int = 0, compared: Int = 0, agreed: Int = 0) -> VersionWindowMetrics {
        VersionWindowMetrics(version: version, window: .minutes(5), end: .zero, requests: requests, errors: errors, mirrored: mirrored,
                             p50LatencyMs: 20, p95LatencyMs: 60, p99LatencyMs: requests + mirrored > 0 ? p99 : nil,
                             labelled: labelled ?? requests, correct: correct ?? (requests * 9 / 10),
                             compared: compared, agreed: agreed, mirroredErrors: mirroredErrors)
    }

    func testFailingConditionNamesMetricValueAndThreshold() {
        let check = AnalysisRun.check(F.p99, candidate: window(3, requests: 500, p99: 182), stable: window(2, requests: 500),
                                      stableTotals: VersionTotals(version: 2), minRequests: 200)
        XCTAssertEqual(check.outcome, .fail)
        XCTAssertEqual(check.value, 182)
        XCTAssertEqual(check.threshold, 150)
        XCTAssertEqual(check.detail, "p99_latency_ms 182 >= 150 (threshold 150)")
    }

    func testStableRelativeThresholdIsResolvedAgainstTheStableWindow() {
        let candidate = window(3, requests: 1000, labelled: 1000, correct: 850)
        let stable = window(2, requests: 1000, labelled: 1000, correct: 900)
        let check = AnalysisRun.check(F.accuracy, candidate: candidate, stable: stable, stableTotals: VersionTotals(version: 2), minRequests: 200)
        XCTAssertEqual(check.outcome, .fail)
        XCTAssertEqual(check.threshold ?? 0, 0.88, accuracy: 1e-12)
        XCTAssertEqual(check.detail, "accuracy 0.85 < 0.88 (threshold stable 0.9 - 0.02 = 0.88)")
        let better = AnalysisRun.check(F.accuracy, candidate: window(3, requests: 1000, labelled: 1000, correct: 890), stable: stable,
                                       stableTotals: VersionTotals(version: 2), minRequests: 200)
        XCTAssertEqual(better.outcome, .pass)
    }

    func testStableWithoutTrafficFallsBackToItsTotals() {
        let candidate = window(3, requests: 1000, labelled: 1000, correct: 890)
        let idle = window(2, requests: 0)
        let totals = VersionTotals(version: 2, requests: 50_000, labelled: 50_000, correct: 45_000)
        XCTAssertEqual(AnalysisRun.check(F.accuracy, candidate: candidate, stable: idle, stableTotals: totals, minRequests: 200).outcome, .pass)
        let unknown = AnalysisRun.check(F.accuracy, candidate: candidate, stable: idle, stableTotals: VersionTotals(version: 2), minRequests: 200)
        XCTAssertEqual(unknown.outcome, .inconclusive)
        XCTAssertEqual(unknown.detail, "stable v2: only 0 labelled requests (< 200)")
    }

    func testTooFewRequestsLabelsOrComparisonsAreInconclusive() {
        let small = window(3, requests: 120, labelled: 40, correct: 40, mirrored: 0, compared: 10, agreed: 10)
        let stable = window(2, requests: 5000)
        let totals = VersionTotals(version: 2)
        let error = AnalysisRun.check(F.errorRate, candidate: small, stable: stable, stableTotals: totals, minRequests: 200)
        XCTAssertEqual(error.outcome, .inconclusive)
        XCTAssertEqual(error.detail, "only 120 requests (< 200)")
        let labelled = AnalysisRun.check(F.accuracy, candidate: window(3, requests: 5000, labelled: 40, correct: 40), stable: stable,
                                         stableTotals: totals, minRequests: 200)
        XCTAssertEqual(labelled.detail, "only 40 labelled requests (< 200)")
        let agreement = AnalysisRun.check(F.agreement, candidate: small, stable: stable, stableTotals: totals, minRequests: 200)
        XCTAssertEqual(agreement.detail, "only 10 compared requests (< 200)")
    }

    func testMirroredRequestsCountForErrorRate() {
        let shadow = window(3, requests: 0, mirrored: 1000, mirroredErrors: 40)
        let check = AnalysisRun.check(F.errorRate, candidate: shadow, stable: window(2, requests: 1000), stableTotals: VersionTotals(version: 2),
                                      minRequests: 200)
        XCTAssertEqual(check.outcome, .fail)
        XCTAssertEqual(check.value ?? 0, 0.04, accuracy: 1e-12)
    }

    func testPassesAfterCountConclusiveMeasurements() {
        var run = AnalysisRun(spec: F.analysis([F.errorRate, F.p99], count: 2), at: .zero)
        let good = FixedMetrics(windows: [window(3, requests: 600), window(2, requests: 600)])
        XCTAssertFalse(run.measureIfDue(at: SimTime(sinceEpoch: .seconds(299)), candidate: 3, stable: 2, metrics: good), "not due before the interval")
        XCTAssertTrue(run.measureIfDue(at: SimTime(milliseconds: 300_000), candidate: 3, stable: 2, metrics: good))
        XCTAssertEqual(run.outcome, .running)
        XCTAssertEqual(run.nextMeasurementAt, SimTime(sinceEpoch: .minutes(10)))
        run.measureIfDue(at: SimTime(sinceEpoch: .minutes(10)), candidate: 3, stable: 2, metrics: good)
        XCTAssertEqual(run.outcome, .passed)
        XCTAssertEqual(run.verdict, "passed 2/2 measurements")
    }

    func testInconclusiveMeasurementsNeverPassAndHitTheirLimit() {
        var spec = F.analysis([F.errorRate], count: 1)
        spec.inconclusiveLimit = 1
        var run = AnalysisRun(spec: spec, at: .zero)
        let thin = FixedMetrics(windows: [window(3, requests: 50), window(2, requests: 600)])
        run.measureIfDue(at: SimTime(sinceEpoch: .minutes(5)), candidate: 3, stable: 2, metrics: thin)
        XCTAssertEqual(run.outcome, .running, "one inconclusive measurement is within the limit but not a pass")
        run.measureIfDue(at: SimTime(sinceEpoch: .minutes(10)), candidate: 3, stable: 2, metrics: thin)
        XCTAssertEqual(run.outcome, .inconclusive)
        XCTAssertEqual(run.verdict, "inconclusive: only 50 requests (< 200)")
        XCTAssertEqual(run.passed, 0)
    }

    func testFailureLimitAllowsThatManyFailures() {
        var spec = F.analysis([F.p99], count: 3)
        spec.failureLimit = 1
        var run = AnalysisRun(spec: spec, at: .zero)
        let slow = FixedMetrics(windows: [window(3, requests: 600, p99: 170), window(2, requests: 600)])
        let fast = FixedMetrics(windows: [window(3, requests: 600, p99: 90), window(2, requests: 600)])
        run.measureIfDue(at: SimTime(sinceEpoch: .minutes(5)), candidate: 3, stable: 2, metrics: slow)
        XCTAssertEqual(run.outcome, .running, "the first failure is within the limit")
        run.measureIfDue(at: SimTime(sinceEpoch: .minutes(10)), candidate: 3, stable: 2, metrics: fast)
        run.measureIfDue(at: SimTime(sinceEpoch: .minutes(15)), candidate: 3, stable: 2, metrics: slow)
        XCTAssertEqual(run.outcome, .failed)
        XCTAssertEqual(run.reason, "p99_latency_ms 170 >= 150 (threshold 150)")

        var tolerant = AnalysisRun(spec: spec, at: .zero)
        for (minute, metrics) in [(5, slow), (10, fast), (15, fast)] {
            tolerant.measureIfDue(at: SimTime(sinceEpoch: .minutes(Int64(minute))), candidate: 3, stable: 2, metrics: metrics)
        }
        XCTAssertEqual(tolerant.outcome, .passed)
        XCTAssertEqual(tolerant.verdict, "passed 2/3 measurements")
    }
}
