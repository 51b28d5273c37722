import XCTest
@testable import Engine

/// Small builders for pipeline tests.
enum PT {
    static func sim(_ id: String, needs: [String] = [], _ duration: Int64 = 10, fail: Double = 0, rule: TriggerRule = .allSuccess,
                    retries: Int = 0, retryDelay: SimDuration = .seconds(30), backoff: BackoffSpec = .fixed,
                    timeout: SimDuration? = nil, pool: String? = nil) -> StepSpec {
        StepSpec(id: id, needs: needs, action: .simulate(duration: .fixed(.seconds(duration)), failureProbability: fail),
                 retries: retries, retryDelay: retryDelay, backoff: backoff, timeout: timeout, triggerRule: rule, pool: pool)
    }

    static func shell(_ id: String, _ command: String, needs: [String] = [], env: [EnvironmentEntry] = [], retries: Int = 0,
                      timeout: SimDuration? = nil, outputs: [String] = []) -> StepSpec {
        StepSpec(id: id, needs: needs, action: .shell(command), retries: retries, retryDelay: .seconds(10), timeout: timeout,
                 env: env, outputs: outputs)
    }

    static func project(_ pipelines: [PipelineSpec], pools: [PoolSpec] = [], seed: UInt64 = 42, directory: String? = "/proj") -> ProjectSpec {
        ProjectSpec(name: "test", seed: seed, pools: pools, pipelines: pipelines, directory: directory)
    }

    static func engine(_ project: ProjectSpec, store: RunStore? = nil, shell: ShellLauncher? = nil, hasher: ArtifactHasher? = nil,
                       builtins: BuiltinRegistry = .standard, startTime: SimTime = .zero, seed: UInt64 = 42) throws -> Engine {
        try Engine(configuration: EngineConfiguration(projectName: project.name, seed: seed, startTime: startTime), project: project,
                   store: store, shell: shell, artifactHasher: hasher, builtins: builtins)
    }

    static func t(_ seconds: Int64) -> SimTime { SimTime(milliseconds: seconds * 1000) }
}

extension Engine {
    /// Triggers a manual run and returns its id (fails the test when refused).
    func triggerRun(_ pipeline: String, _ params: [ParamBinding] = [], by: String? = nil,
                    file: StaticString = #filePath, line: UInt = #line) -> RunID {
        let result = apply(.trigger(pipeline: pipeline, params: params, by: by))
        XCTAssertTrue(result.isApplied, result.message, file: file, line: line)
        return runs(pipeline: pipeline).first?.id ?? RunID(-1)
    }

    /// The in-memory summary of a run (fails the test when missing).
    func summary(_ id: RunID, file: StaticString = #filePath, line: UInt = #line) -> RunSummary {
        guard let summary = runSummary(id) else {
            XCTFail("no run \(id)", file: file, line: line)
            return RunSummary(id: id, pipeline: "", number: 0, state: .failed, reason: "", trigger: "", params: [],
                              queuedAt: .zero, startedAt: nil, endedAt: nil, steps: [])
        }
        return summary
    }

    func stepState(_ id: RunID, _ step: String) -> StepState? {
        runSummary(id)?.steps.first { $0.id == step }?.state
    }

    func step(_ id: RunID, _ step: String) -> StepSummary? {
        runSummary(id)?.steps.first { $0.id == step }
    }
}
