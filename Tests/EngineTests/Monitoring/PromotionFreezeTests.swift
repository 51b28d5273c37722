import Foundation
import XCTest
@testable import Engine

/// `freeze_promotions: true`: while an SLO's error budget is spent, a
/// rollout holds at its current step with the reason on it; rollbacks and
/// measurements go on.
final class PromotionFreezeTests: XCTestCase {
    private func project(freeze: Bool) throws -> ProjectSpec {
        let text = """
        project: freeze
        data:
          features:
            amount: {normal: {mean: 50, sd: 20}, min: 0}
          label: {intercept: -2, weights: {amount: 0.03}}
        pipelines:
          retrain:
            params: {rows: 2000}
            steps:
              sample: {builtin: sample}
              train: {needs: [sample], builtin: train}
              evaluate: {needs: [train], builtin: evaluate}
              register: {needs: [evaluate], builtin: register, when: "auc > 0"}
        models:
          m: {policy: manual, bootstrap: {rows: 1000}}
        deployments:
          api:
            model: m
            mode: {realtime: {rate: 20}}
            error_rate: 5%
            strategy:
              canary: {steps: [{weight: 10}, {pause: 5m}, {weight: 100}]}
        monitors:
          health:
            deployment: api
            slos:
              availability: {availability: 99.9%, period: 1d}
            freeze_promotions: \(freeze)
        """
        return try ProjectLoader.parse(text: text, source: "freeze.yaml", directory: nil, builtins: BuiltinRegistry.standard.names).get()
    }

    private func rollout(freeze: Bool) throws -> DeploymentSummary {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("flightdeck-freeze-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let spec = try project(freeze: freeze)
        let engine = try Engine(configuration: EngineConfiguration(projectName: spec.name, seed: 7), project: spec,
                                workingDirectory: directory.path)
        // Five minutes of 5% errors spend a 0.1% budget at once.
        engine.runUntilIdle(maxTime: .zero + .minutes(5), waitForShell: false)
        XCTAssertEqual(engine.apply(.trigger(pipeline: "retrain", params: [], by: "test")).outcome, .applied)
        engine.runUntilIdle(maxTime: .zero + .minutes(30), waitForShell: false)
        let snapshot = engine.snapshot()
        let slo = try XCTUnwrap(snapshot.monitors.first?.slos.first)
        XCTAssertLessThanOrEqual(slo.budgetRemaining, 0)
        XCTAssertEqual(slo.freezesPromotions, freeze)
        XCTAssertEqual(snapshot.audit.contains { $0.action == "freeze-promotions" && $0.source == .automatic }, freeze,
                       "the freeze is audited: \(snapshot.audit.map(\.action))")
        return try XCTUnwrap(snapshot.deployments.first)
    }

    func testASpentBudgetHoldsTheRolloutAtItsStep() throws {
        let held = try rollout(freeze: true)
        XCTAssertEqual(held.phase, .progressing)
        XCTAssertEqual(held.candidateVersion, 2)
        XCTAssertTrue(held.reason.contains("held, promotions frozen"), held.reason)
        XCTAssertEqual(held.routing.percent(of: 2), 10)
    }

    func testWithoutTheFreezeTheSameRolloutCompletes() throws {
        let done = try rollout(freeze: false)
        XCTAssertEqual(done.phase, .promoted, done.reason)
        XCTAssertEqual(done.stableVersion, 2)
    }
}
