import XCTest
import SimKernel
@testable import Engine

/// `strategy:`: every strategy with its keys and defaults, and the plan
/// errors (exactly one strategy, step order, ranges, limits).
final class DeploymentStrategyTests: XCTestCase {
    private typealias S = DeploymentTestSupport

    private func strategy(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> StrategySpec? {
        S.deployment(S.body(strategy: "    strategy: \(text)", rate: "1000"), file: file, line: line)?.strategy
    }

    /// Errors of a deployment whose strategy is `text` (the strategy is on line 8, from column 15).
    private func errors(_ text: String) -> [String] {
        S.errors(S.body(strategy: "    strategy: \(text)", rate: "1000"))
    }

    private let errorRate = AnalysisCondition(metric: .errorRate, comparison: .less, threshold: .value(0.01), text: "error_rate < 1%")

    func testBasic() {
        XCTAssertEqual(strategy("basic"), .basic(BasicStrategy()))
        XCTAssertEqual(strategy("{basic: }"), .basic(BasicStrategy()))
        XCTAssertEqual(strategy("{basic: {downtime: 30s}}"), .basic(BasicStrategy(downtime: .seconds(30))))
    }

    func testShadow() {
        XCTAssertEqual(strategy("{shadow: {mirror: 50, approval: false, analysis: {conditions: [\"error_rate < 1%\"], window: 10m}}}"),
                       .shadow(ShadowStrategy(mirrorPercent: 50, analysis: AnalysisSpec(conditions: [errorRate], window: .minutes(10)),
                                              requiresApproval: false)))
        XCTAssertEqual(strategy("{shadow: {analysis: {conditions: [\"error_rate < 1%\"]}}}"),
                       .shadow(ShadowStrategy(analysis: AnalysisSpec(conditions: [errorRate]))))
        XCTAssertEqual(errors("shadow"), ["8:15: shadow has no analysis; expected analysis: {conditions: [\"agreement >= 95%\", ...], window: 10m} "
            + "to compare the candidate's answers"])
        XCTAssertEqual(errors("{shadow: {mirror: 0, analysis: {conditions: [\"error_rate < 1%\"]}}}"),
                       ["8:33: mirror: expected an integer percent from 1 to 100, found 0"])
    }

    func testCanaryWithEveryStepKind() throws {
        let spec = try XCTUnwrap(strategy("""

              canary:
                steps: [{weight: 10}, {pause: 10m}, analysis, approval, {weight: 50}, {analysis: {conditions: ["p99_latency_ms < 150"]}}, {weight: 100}]
                analysis: {window: 5m, interval: 1m, count: 2, min_requests: 200, failure_limit: 1, inconclusive_limit: 0,
                           conditions: ["error_rate < 1%", "p99_latency_ms < 150", "accuracy >= stable - 0.02"]}
        """))
        let analysis = AnalysisSpec(conditions: [
            errorRate,
            AnalysisCondition(metric: .p99LatencyMs, comparison: .less, threshold: .value(150), text: "p99_latency_ms < 150"),
            AnalysisCondition(metric: .accuracy, comparison: .greaterOrEqual, threshold: .stablePlus(-0.02), text: "accuracy >= stable - 0.02"),
        ], window: .minutes(5), interval: .minutes(1), count: 2, minRequests: 200, failureLimit: 1, inconclusiveLimit: 0)
        let own = AnalysisSpec(conditions: [AnalysisCondition(metric: .p99LatencyMs, comparison: .less, threshold: .value(150), text: "p99_latency_ms < 150")])
        XCTAssertEqual(spec, .canary(CanaryStrategy(steps: [.weight(10), .pause(.minutes(10)), .analysis(nil), .approval, .weight(50),
                                                             .analysis(own), .weight(100)], analysis: analysis)))
    }

    func testABTest() {
        XCTAssertEqual(strategy("ab_test"), .abTest(ABTestStrategy()))
        XCTAssertEqual(strategy("{ab_test: {split: 20, kpi: error_rate, min_samples: 500, alpha: 0.01, max_duration: 6h, approval: false}}"),
                       .abTest(ABTestStrategy(candidatePercent: 20, kpi: .errorRate, minSamples: 500, alpha: 0.01, maxDuration: .hours(6),
                                              requiresApproval: false)))
        XCTAssertEqual(errors("{ab_test: {split: 100, kpi: acuracy, alpha: 1, min_samples: 0}}"), [
            "8:33: split: expected an integer percent from 1 to 99, found 100",
            "8:43: kpi: unknown KPI 'acuracy'; did you mean 'accuracy'? expected accuracy or error_rate",
            "8:59: alpha: expected a number above 0 and below 1, found '1'",
            "8:75: min_samples: expected an integer >= 1, found 0",
        ])
    }

    func testBlueGreen() {
        XCTAssertEqual(strategy("blue_green"), .blueGreen(BlueGreenStrategy()))
        let analysis = AnalysisSpec(conditions: [errorRate])
        XCTAssertEqual(strategy("""
            {blue_green: {preview_mirror: 20, pre_promotion: {conditions: ["error_rate < 1%"]}, auto_promote: true,
                                  post_promotion: {conditions: ["error_rate < 1%"]}, scale_down_delay: 10m}}
            """),
                       .blueGreen(BlueGreenStrategy(previewMirrorPercent: 20, prePromotionAnalysis: analysis, autoPromote: true,
                                                    postPromotionAnalysis: analysis, scaleDownDelay: .minutes(10))))
        XCTAssertEqual(errors("{blue_green: {preview_mirror: 101, auto_promote: maybe}}"), [
            "8:45: preview_mirror: expected an integer percent from 0 to 100, found 101",
            "8:64: auto_promote: expected true or false, found 'maybe'",
        ])
    }

    func testBandit() {
        XCTAssertEqual(strategy("bandit"), .bandit(BanditStrategy()))
        XCTAssertEqual(strategy("{bandit: {algorithm: {epsilon_greedy: 0.1}, update_every: 30s, min_pulls: 100, confidence: 0.9, max_duration: 4h, approval: true}}"),
                       .bandit(BanditStrategy(algorithm: .epsilonGreedy(epsilon: 0.1), updateEvery: .seconds(30), minPulls: 100, confidence: 0.9,
                                              maxDuration: .hours(4), requiresApproval: true)))
        XCTAssertEqual(strategy("{bandit: {algorithm: thompson}}"), .bandit(BanditStrategy(algorithm: .thompson)))
        XCTAssertEqual(errors("{bandit: {algorithm: thomson, confidence: 0.5}}"), [
            "8:36: algorithm: unknown algorithm 'thomson'; did you mean 'thompson'? expected thompson or epsilon_greedy",
            "8:57: confidence: expected a number above 0.5 and below 1, found '0.5'",
        ])
        XCTAssertEqual(errors("{bandit: {algorithm: epsilon_greedy}}"), ["8:36: algorithm: epsilon_greedy needs its epsilon; expected {epsilon_greedy: 0.1}"])
        XCTAssertEqual(errors("{bandit: {algorithm: {epsilon_greedy: 1.2}}}"), ["8:53: epsilon_greedy: expected a number from 0 to 1, found 1.2"])
    }

    func testRolling() {
        XCTAssertEqual(strategy("rolling"), .rolling(RollingStrategy()))
        XCTAssertEqual(strategy("{rolling: {max_unavailable: 0, max_surge: 2, interval: 1m, analysis: {conditions: [\"error_rate < 1%\"]}}}"),
                       .rolling(RollingStrategy(maxUnavailable: 0, maxSurge: 2, interval: .minutes(1), analysis: AnalysisSpec(conditions: [errorRate]))))
        XCTAssertEqual(errors("{rolling: {max_unavailable: 0, max_surge: 0}}"),
                       ["8:46: rolling: max_unavailable + max_surge is 0, so no replica could ever be replaced; expected at least 1 of either"])
    }

    func testFeatureFlag() {
        XCTAssertEqual(strategy("{feature_flag: {steps: [{cohort: 0}, approval, {cohort: 10}, {pause: 30m}, {cohort: 100}]}}"),
                       .featureFlag(FeatureFlagStrategy(steps: [.weight(0), .approval, .weight(10), .pause(.minutes(30)), .weight(100)])))
        XCTAssertEqual(errors("{feature_flag: {steps: [{weight: 10}, {cohort: 100}]}}"),
                       ["8:40: step 1: unknown key 'weight'; a feature flag switches the candidate on for a cohort of users: expected {cohort: PERCENT}"])
        XCTAssertEqual(errors("{canary: {steps: [{cohort: 100}]}}"),
                       ["8:34: step 1: unknown key 'cohort'; a canary sets the candidate's weight: expected {weight: PERCENT}"])
    }

    func testExactlyOneStrategy() {
        XCTAssertEqual(errors("{basic: {}, canary: {steps: [{weight: 100}]}}"),
                       ["8:27: canary: the strategy already is basic (at 8:16); expected exactly one strategy"])
        XCTAssertEqual(errors("{}"), ["8:15: strategy: expected one of basic, shadow, canary, ab_test, blue_green, bandit, rolling or feature_flag, "
            + "like {canary: {steps: [{weight: 10}, {pause: 10m}, {weight: 100}]}}, found an empty mapping"])
        XCTAssertEqual(errors("{blue-green: {}}"), ["8:16: unknown key 'blue-green' in strategy; did you mean 'blue_green'?"])
        XCTAssertEqual(errors("{canary: {stepz: []}}"), ["8:25: unknown key 'stepz' in canary; did you mean 'steps'?"])
        XCTAssertEqual(errors("canary"), ["8:15: canary has no steps; expected steps: [{weight: 10}, {pause: 10m}, analysis, approval, {weight: 100}]"])
        XCTAssertEqual(errors("{basic: 3}"), ["8:23: basic: expected a mapping of its settings (downtime, analysis), found '3'"])
    }

    func testStepErrors() {
        XCTAssertEqual(errors("{canary: {steps: [{weight: 50}, {weight: 20}, {weight: 100}]}}"),
                       ["8:47: weight: 20 is below the previous weight 50 (at 8:33); expected weights that never decrease"])
        XCTAssertEqual(errors("{canary: {steps: [{weight: 10}, {pause: 5m}, {weight: 50}]}}"),
                       ["8:60: weight: the last weight is 50; expected the plan to reach {weight: 100} (add a final {weight: 100} step)"])
        XCTAssertEqual(errors("{canary: {steps: [approval]}}"),
                       ["8:32: steps: the plan never sets a weight; expected steps ending with {weight: 100}"])
        XCTAssertEqual(errors("{canary: {steps: [{weight: 120}, analysis, pause, aproval, {pause: 0s}, {weight: 10, pause: 1m}, 7]}}"), [
            "8:42: weight: expected an integer percent from 0 to 100, found 120",
            "8:48: step 2: an analysis step needs an analysis; expected analysis: {conditions: [...]} in canary or the step written as "
                + "{analysis: {conditions: [...]}}",
            "8:58: step 3: pause needs a value; expected {pause: 10m}",
            "8:65: step 4: unknown step 'aproval'; did you mean 'approval'? expected {weight: PERCENT}, {pause: DURATION}, approval, analysis or {analysis: {...}}",
            "8:82: pause: expected a duration above 0s, found '0s'",
            "8:87: step 6: expected one of {weight: PERCENT}, {pause: DURATION}, approval, analysis or {analysis: {...}} (one key per step), found weight and pause",
            "8:112: step 7: unknown step '7'; expected {weight: PERCENT}, {pause: DURATION}, approval, analysis or {analysis: {...}}",
        ])
        XCTAssertEqual(errors("{canary: {steps: [{weight: 10%}, {weight: 100}]}}"),
                       ["8:42: weight: expected an integer percent from 0 to 100 (write the number without %), found '10%'"])
        XCTAssertEqual(errors("{canary: {steps: []}}"),
                       ["8:32: steps: expected at least one step like [{weight: 10}, {pause: 10m}, analysis, approval, {weight: 100}], found an empty list"])
        // Steps after the last weight (a bake period) are fine.
        XCTAssertEqual(strategy("{canary: {steps: [{weight: 100}, {pause: 10m}]}}"),
                       .canary(CanaryStrategy(steps: [.weight(100), .pause(.minutes(10))])))
    }

    func testAnalysisErrors() {
        XCTAssertEqual(errors("{rolling: {analysis: {window: 0s, count: 0, min_requests: 0, failure_limit: -1, inconclusive_limit: x}}}"), [
            "8:36: analysis: missing conditions; expected an analysis like {conditions: [\"error_rate < 1%\", \"p99_latency_ms < 150\"], window: 5m}",
            "8:45: window: expected a duration above 0s, found '0s'",
            "8:56: count: expected an integer >= 1, found 0",
            "8:73: min_requests: expected an integer >= 1, found 0",
            "8:91: failure_limit: expected an integer >= 0, found -1",
            "8:115: inconclusive_limit: expected an integer >= 0, found 'x'",
        ])
        XCTAssertEqual(errors("{rolling: {analysis: {conditions: [\"error_rate < 1%\"], count: 2, failure_limit: 2}}}"),
                       ["8:95: failure_limit: 2 failed measurements are allowed out of count (2), so the analysis could never fail; expected a failure_limit below count"])
        XCTAssertEqual(errors("{rolling: {analysis: {conditions: []}}}"),
                       ["8:49: conditions: expected at least one condition like \"error_rate < 1%\", found an empty list"])
        XCTAssertEqual(errors("{rolling: {analysis: {conditions: [\"error_rate < 1%\", \"latency < 5\"]}}}"),
                       ["8:70: conditions: invalid condition 'latency < 5': unknown metric 'latency'; expected one of: error_rate, p50_latency_ms, "
                        + "p95_latency_ms, p99_latency_ms, accuracy, agreement"])
        XCTAssertEqual(errors("{rolling: {analysis: {conditions: [\"accuracy >= stabel\"]}}}"),
                       ["8:63: conditions: invalid condition 'accuracy >= stabel': expected a number like 0.02 or a percentage like 1% or stable, found 'stabel'"])
    }
}
