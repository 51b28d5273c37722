import XCTest
import SimKernel
@testable import Engine

/// Load-time plan warnings: analyses that cannot see enough candidate
/// requests, and A/B tests or bandits that cannot reach their minimum
/// samples within their max duration.
final class DeploymentPlanWarningTests: XCTestCase {
    private typealias S = DeploymentTestSupport
    private let advice = ", so it will be inconclusive; raise the weight, the window or the traffic, or lower min_requests"

    private func warnings(strategy: String, rate: String = "5", extra: String = "") -> [String] {
        S.warnings(S.body(strategy: "    strategy: \(strategy)", rate: rate, extra: extra))
    }

    func testCanaryStepWithTooLittleTraffic() {
        let strategy = "{canary: {steps: [{weight: 10}, analysis, {weight: 100}], analysis: {window: 5m, conditions: [\"error_rate < 1%\"]}}}"
        XCTAssertEqual(warnings(strategy: strategy), [
            "flightdeck.yaml:8:47: warning: deployment 'api': the analysis of step 2 (weight 10%) expects about 150 candidate requests "
                + "per 5m window (5/s × 10% × 300s), below its min_requests 200" + advice,
        ])
        // 7/s gives 210 requests: enough.
        XCTAssertEqual(warnings(strategy: strategy, rate: "7"), [])
    }

    func testLabelledRequestsShortenedByTheLabelDelay() {
        let strategy = "{canary: {steps: [{weight: 10}, {analysis: {conditions: [\"accuracy >= stable - 0.02\"]}}, {weight: 100}]}}"
        XCTAssertEqual(warnings(strategy: strategy, rate: "50", extra: "    label_delay: 4m\n"), [])
        XCTAssertEqual(warnings(strategy: strategy, rate: "50", extra: "    label_delay: 4m30s\n"), [
            "flightdeck.yaml:9:47: warning: deployment 'api': the analysis of step 2 (weight 10%) expects about 150 labelled candidate requests "
                + "per 5m window for accuracy (50/s × 10% × (300s − 270s label delay)), below its min_requests 200" + advice,
        ])
    }

    func testBackgroundAnalysisOfAFeatureFlag() {
        let strategy = "{feature_flag: {steps: [{cohort: 0}, approval, {cohort: 5}, {pause: 10m}, {cohort: 100}], "
            + "analysis: {conditions: [\"error_rate < 1%\"]}}}"
        XCTAssertEqual(warnings(strategy: strategy, rate: "10"), [
            "flightdeck.yaml:8:115: warning: deployment 'api': the background analysis at step 3 (cohort 5%) expects about 150 candidate requests "
                + "per 5m window (10/s × 5% × 300s), below its min_requests 200" + advice,
        ])
    }

    func testShadowBlueGreenAndRolling() {
        XCTAssertEqual(warnings(strategy: "{shadow: {mirror: 10, analysis: {conditions: [\"agreement >= 95%\"]}}}", rate: "1").count, 1)
        XCTAssertEqual(warnings(strategy: "{shadow: {mirror: 10, analysis: {conditions: [\"agreement >= 95%\"]}}}", rate: "1").first?
            .contains("the shadow analysis (mirror 10%) expects about 30 candidate requests per 5m window (1/s × 10% × 300s)"), true)
        let batch = S.warnings("""
            model: fraud
            mode: {batch: {every: 1h, rows: 1000, throughput: 100}}
            strategy: {blue_green: {pre_promotion: {conditions: ["error_rate < 1%"]}, post_promotion: {window: 1h, conditions: ["error_rate < 1%"]}}}
        """)
        XCTAssertEqual(batch, [
            "flightdeck.yaml:8:44: warning: deployment 'api': the pre-promotion analysis (preview_mirror 100%) expects about 83 candidate requests "
                + "per 5m window (0.278/s on average (1000 rows every 1h) × 100% × 300s), below its min_requests 200" + advice,
        ])
        let edge = S.warnings("""
            model: fraud
            mode: {edge: {devices: 100, online: 0.5, sync_every: 5m, rate: 0.01}}
            replicas: {count: 4}
            strategy: {rolling: {analysis: {conditions: ["p99_latency_ms < 100"]}}}
        """)
        XCTAssertEqual(edge, [
            "flightdeck.yaml:9:36: warning: deployment 'api': the analysis after the first batch (1 of 4 replicas, 25% of traffic) expects about 37 "
                + "candidate requests per 5m window (0.5/s (100 devices × 50% online × 0.01/s) × 25% × 300s), below its min_requests 200" + advice,
        ])
    }

    func testABTestAndBanditSampleTime() {
        XCTAssertEqual(warnings(strategy: "{ab_test: {split: 10, min_samples: 2000, max_duration: 1h}}", extra: "    label_delay: 10m\n"), [
            "flightdeck.yaml:9:56: warning: deployment 'api': the A/B test needs about 1h16m to collect its min_samples 2000 labelled requests "
                + "on its smaller arm (5/s × 10%, plus the 10m label delay), longer than its max_duration 1h, so it will end without enough "
                + "samples; raise the traffic or max_duration, or lower min_samples",
        ])
        XCTAssertEqual(warnings(strategy: "{ab_test: {split: 10, min_samples: 2000, max_duration: 2h}}", extra: "    label_delay: 10m\n"), [])
        XCTAssertEqual(warnings(strategy: "{ab_test: {split: 90, kpi: error_rate, min_samples: 2000, max_duration: 1h}}"), [
            "flightdeck.yaml:8:73: warning: deployment 'api': the A/B test needs about 1h06m to collect its min_samples 2000 requests "
                + "on its smaller arm (5/s × 10%), longer than its max_duration 1h, so it will end without enough "
                + "samples; raise the traffic or max_duration, or lower min_samples",
        ])
        XCTAssertEqual(warnings(strategy: "{bandit: {min_pulls: 200, max_duration: 5m}}", rate: "1"), [
            "flightdeck.yaml:8:41: warning: deployment 'api': the bandit needs about 6m40s to collect its min_pulls 200 labelled requests "
                + "on each arm at an even split (1/s × 50%), longer than its max_duration 5m, so it will end without enough "
                + "samples; raise the traffic or max_duration, or lower min_pulls",
        ])
        // Without max_duration, the warning sits at the strategy's name.
        XCTAssertEqual(warnings(strategy: "bandit", rate: "0.001").first?.hasPrefix("flightdeck.yaml:8:15: warning: deployment 'api': the bandit needs about"), true)
    }

    func testWarningsAreSortedAndDoNotStopLoading() throws {
        let text = DeploymentTestSupport.project("""
            model: fraud
            mode: {realtime: {rate: 1}}
            strategy: {canary: {steps: [{weight: 10}, analysis, {weight: 50}, analysis, {weight: 100}], analysis: {conditions: ["error_rate < 1%"]}}}
          other:
            model: fraud
            mode: {realtime: {rate: 0.001}}
            strategy: bandit
        """)
        let spec = try XCTUnwrap(ProjectTestSupport.spec(text))
        XCTAssertEqual(spec.deployments.map(\.id), ["api", "other"])
        XCTAssertEqual(spec.warnings.map { $0.split(separator: " ").first ?? "" }, ["flightdeck.yaml:8:47:", "flightdeck.yaml:8:71:", "flightdeck.yaml:12:15:"])
        XCTAssertTrue(spec.warnings[1].contains("step 4 (weight 50%) expects about 150 candidate requests"), spec.warnings[1])
    }

    func testNoWarningsWithEnoughTraffic() {
        XCTAssertEqual(warnings(strategy: "{canary: {steps: [{weight: 5}, analysis, {weight: 100}], analysis: {conditions: [\"accuracy > 0.9\"]}}}",
                                rate: "1000", extra: "    label_delay: 1m\n"), [])
        XCTAssertEqual(warnings(strategy: "bandit", rate: "100"), [])
        XCTAssertEqual(warnings(strategy: "ab_test", rate: "100"), [])
    }
}
