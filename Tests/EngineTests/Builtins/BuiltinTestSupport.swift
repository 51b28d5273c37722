import Foundation
import XCTest
@testable import Engine

/// A small project whose pipelines chain the model builtins, run in a
/// temporary working directory.
enum BT {
    static func yaml(rows: Int = 2000, nulls: Double = 0.01, strictWhen: String = "auc > champion.auc + 0.005") -> String {
        """
        project: builtins-test
        seed: 7
        data:
          features:
            amount: {normal: {mean: 50, sd: 20}, min: 0, nulls: \(nulls)}
            merchant: {categorical: {online: 0.6, store: 0.3, atm: 0.1}}
            hour: {uniform: {min: 0, max: 24}}
            card_age: {exponential: {mean: 300}}
          label: {intercept: -2, weights: {amount: 0.03, merchant=online: 1.0, card_age: -0.002}, noise: 0.2}
        models:
          fraud: {policy: manual}
        pipelines:
          retrain:
            params: {rows: \(rows), model: fraud}
            steps:
              sample: {builtin: sample}
              validate: {needs: [sample], builtin: validate}
              train: {needs: [validate], builtin: train}
              evaluate: {needs: [train], builtin: evaluate}
              register: {needs: [evaluate], builtin: register, when: "\(strictWhen)"}
              notify: {needs: [register], trigger_rule: all_done, builtin: noop}
          retrain-loose:
            params: {rows: \(rows)}
            steps:
              sample: {builtin: sample}
              train: {needs: [sample], builtin: train}
              evaluate: {needs: [train], builtin: evaluate}
              register: {needs: [evaluate], builtin: register, when: "auc > champion.auc - 0.5"}
        """
    }

    static func project(_ text: String) throws -> ProjectSpec {
        switch ProjectLoader.parse(text: text, source: "test.yaml", directory: nil, builtins: BuiltinRegistry.standard.names) {
        case .success(let spec): return spec
        case .failure(let errors): throw NSError(domain: "project", code: 1, userInfo: [NSLocalizedDescriptionKey: "\(errors)"])
        }
    }

    static func directory() throws -> String {
        let path = NSTemporaryDirectory() + "flightdeck-builtins-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static let runtime = RuntimeEnvironment(flightdeckVersion: "0.4.0", swiftVersion: "6.3.1", os: "Debian 13")

    static func engine(_ text: String, directory: String, seed: UInt64 = 7) throws -> Engine {
        var configuration = EngineConfiguration(projectName: "builtins-test", seed: seed)
        configuration.runtime = runtime
        let engine = try Engine(configuration: configuration, project: try project(text), builtins: .standard, workingDirectory: directory)
        engine.codeVersion = "v1.2-3-gabc"
        return engine
    }

    /// Triggers `pipeline` and runs until it finishes.
    static func run(_ engine: Engine, _ pipeline: String, _ params: [ParamBinding] = []) -> RunID {
        let id = engine.triggerRun(pipeline, params)
        _ = engine.runUntilIdle(maxTime: engine.now + .hours(1), waitForShell: false) { $0.run(id)?.state.isFinal == true }
        return id
    }
}
