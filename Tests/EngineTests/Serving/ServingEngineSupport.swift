import Foundation
import XCTest
@testable import Engine

/// A small project with one deployment whose strategy the test chooses:
/// `fraud` v1 is bootstrapped at start; a concept drift at 10m makes it
/// worse, so a version retrained after it is better (tests of a weak
/// candidate move the drift out of the way); pipeline params make a
/// candidate slow (`serving_latency_ms`) or weak (`l2`).
enum ServingScenario {
    static func yaml(strategy: String, policy: String = "{auto: \"auc > 0\"}", rate: Int = 40, labelDelay: String = "1m",
                     driftAt: String = "10m", extraDeployments: String = "") -> String {
        """
        project: serving-test
        seed: 11
        data:
          features:
            amount: {normal: {mean: 50, sd: 20}, min: 0}
            merchant: {categorical: {online: 0.6, store: 0.3, atm: 0.1}}
            hour: {uniform: {min: 0, max: 24}}
            card_age: {exponential: {mean: 300}}
          label: {intercept: -1, weights: {amount: 0.03, merchant=online: 1.5, card_age: -0.004}, noise: 0.1}
          drift:
            - {concept: {intercept: 1, weights: {amount: -0.03, merchant=online: -1.5, card_age: 0.004}}, at: \(driftAt)}
        models:
          fraud: {policy: \(policy), bootstrap: {rows: 3000}}
        pipelines:
          retrain:
            params: {rows: 6000, serving_latency_ms: 20, l2: 0.0001}
            steps:
              sample: {builtin: sample}
              train: {needs: [sample], builtin: train}
              evaluate: {needs: [train], builtin: evaluate}
              register: {needs: [evaluate], builtin: register, when: "auc > champion.auc - 1"}
        deployments:
          api:
            model: fraud
            mode: {realtime: {rate: \(rate)}}
            replicas: {count: 4, capacity: 100}
            latency: {median: 20ms, p99: 60ms}
            error_rate: 0.001
            label_delay: \(labelDelay)
            promote_alias: champion
            strategy:
        \(strategy.split(separator: "\n", omittingEmptySubsequences: false).map { "      " + $0 }.joined(separator: "\n"))
        \(extraDeployments)
        """
    }

    /// A good candidate: retrained after the drift.
    static let good: [ParamBinding] = []
    /// A slow candidate: p99 far above 150 ms.
    static let slow = [ParamBinding(name: "serving_latency_ms", value: "400")]
    /// A weak candidate: regularised until it predicts almost nothing.
    static let weak = [ParamBinding(name: "l2", value: "1000")]

    static func engine(_ text: String, directory: String, servingStore: InMemoryServingStore = InMemoryServingStore(),
                       registryStore: InMemoryRegistryStore = InMemoryRegistryStore(), runStore: InMemoryRunStore = InMemoryRunStore()) throws -> Engine {
        try Engine(configuration: EngineConfiguration(projectName: "serving-test", seed: 11), project: try BT.project(text), store: runStore,
                   workingDirectory: directory, registryStore: registryStore, servingStore: servingStore)
    }

    /// Moves past the drift, registers a candidate with `params`, and runs
    /// until the deployment's rollout ends (or `limit` passes).
    @discardableResult
    static func rollOut(_ engine: Engine, params: [ParamBinding], limit: SimDuration = .hours(24),
                        file: StaticString = #filePath, line: UInt = #line) -> DeploymentSummary? {
        engine.advance(to: engine.now + .minutes(15))
        let run = engine.triggerRun("retrain", params, file: file, line: line)
        _ = engine.runUntilIdle(maxTime: engine.now + .hours(1), waitForShell: false) { $0.run(run)?.state.isFinal == true }
        XCTAssertEqual(engine.run(run)?.state, .succeeded, file: file, line: line)
        XCTAssertEqual(api(engine)?.candidateVersion, 2, "the new version became the candidate", file: file, line: line)
        _ = engine.runUntilIdle(maxTime: engine.now + limit, waitForShell: false) { engine in
            guard let phase = api(engine)?.phase else { return true }
            return !phase.isActive
        }
        return api(engine)
    }

    static func api(_ engine: Engine) -> DeploymentSummary? {
        engine.snapshot(recentEventLimit: 0, recentRunLimit: 0).deployments.first { $0.id == "api" }
    }
}
