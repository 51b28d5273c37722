import Foundation
import XCTest
@testable import Engine

/// Every strategy end to end on the engine: real versions trained by the
/// pipeline, real requests through the serving simulator. A good candidate
/// reaches full promotion (and becomes champion); a bad one is rolled back
/// on its own, with the failing metric, its value and threshold in the reason.
final class StrategyScenarioTests: XCTestCase {
    private var directory: String!

    override func setUpWithError() throws {
        directory = try BT.directory()
    }

    override func tearDown() {
        try? FileManager.default.removeItem(atPath: directory)
    }

    static let analysis = """
        {window: 5m, interval: 5m, count: 1, min_requests: 100, conditions: ["error_rate < 2%", "p99_latency_ms < 150"]}
        """

    static let strategies: [(name: String, yaml: String, bad: [ParamBinding], badReason: String)] = [
        ("basic", "basic: {downtime: 0s, analysis: \(analysis)}", ServingScenario.slow, "p99_latency_ms"),
        ("shadow", "shadow: {mirror: 100, approval: false, analysis: \(analysis)}", ServingScenario.slow, "p99_latency_ms"),
        ("canary", "canary:\n  steps: [{weight: 20}, {pause: 5m}, analysis, approval, {weight: 60}, {pause: 5m}, {weight: 100}]\n  analysis: \(analysis)",
         ServingScenario.slow, "p99_latency_ms"),
        ("ab_test", "ab_test: {split: 50, kpi: accuracy, min_samples: 1500, alpha: 0.05, max_duration: 12h, approval: false}",
         ServingScenario.weak, "accuracy"),
        ("blue_green", "blue_green: {preview_mirror: 100, pre_promotion: \(analysis), auto_promote: true, scale_down_delay: 10m}",
         ServingScenario.slow, "p99_latency_ms"),
        ("bandit", "bandit: {algorithm: thompson, update_every: 1m, min_pulls: 300, confidence: 0.95, max_duration: 12h, approval: false}",
         ServingScenario.weak, "v1"),
        ("rolling", "rolling: {max_unavailable: 1, max_surge: 1, interval: 2m, analysis: \(analysis)}", ServingScenario.slow, "p99_latency_ms"),
        ("feature_flag", "feature_flag:\n  steps: [{cohort: 25}, {pause: 5m}, analysis, {cohort: 100}]\n  analysis: \(analysis)",
         ServingScenario.slow, "p99_latency_ms"),
    ]

    func testEveryStrategyPromotesAGoodCandidate() throws {
        for strategy in Self.strategies {
            let engine = try ServingScenario.engine(ServingScenario.yaml(strategy: strategy.yaml), directory: directory + "/" + strategy.name + "-good")
            XCTAssertEqual(ServingScenario.api(engine)?.stableVersion, 1, strategy.name)
            let summary = try XCTUnwrap(ServingScenario.rollOut(engine, params: ServingScenario.good), strategy.name)
            XCTAssertEqual(summary.phase, .promoted, "\(strategy.name): \(summary.reason)")
            XCTAssertEqual(summary.stableVersion, 2, strategy.name)
            XCTAssertEqual(summary.routing.percent(of: 2), 100, strategy.name)
            XCTAssertEqual(engine.registry?.champion("fraud")?.version, 2, "\(strategy.name): promote_alias moved champion")
        }
    }

    func testEveryStrategyRollsBackABadCandidateWithTheReason() throws {
        for strategy in Self.strategies {
            // Without the drift the bootstrapped stable version stays right, so
            // a weak candidate is measurably worse.
            let text = ServingScenario.yaml(strategy: strategy.yaml, driftAt: "30d")
            let engine = try ServingScenario.engine(text, directory: directory + "/" + strategy.name + "-bad")
            let ended = try XCTUnwrap(ServingScenario.rollOut(engine, params: strategy.bad), strategy.name)
            XCTAssertEqual(ended.phase, .rolledBack, "\(strategy.name): \(ended.reason)")
            XCTAssertTrue(ended.reason.contains(strategy.badReason), "\(strategy.name): \(ended.reason)")
            // A rolling rollback restores replicas batch by batch.
            engine.advance(to: engine.now + .hours(1))
            let summary = try XCTUnwrap(ServingScenario.api(engine))
            XCTAssertEqual(summary.stableVersion, 1, strategy.name)
            XCTAssertEqual(summary.routing.percent(of: 1), 100, strategy.name)
            XCTAssertEqual(engine.registry?.champion("fraud")?.version, 1, strategy.name)
        }
    }
}
