import Engine

/// A small project on simulated steps for the Pipelines screen's tests.
enum PipelinesFixture {
    static func project() -> ProjectSpec {
        let quick = StepAction.simulate(duration: try! DurationDistribution(parsing: "30s"), failureProbability: 0)
        let failing = StepAction.simulate(duration: try! DurationDistribution(parsing: "20s"), failureProbability: 1)
        return ProjectSpec(
            name: "fraud-detection",
            seed: 7,
            pools: [PoolSpec(id: "cpu", size: 1)],
            pipelines: [
                PipelineSpec(
                    id: "retrain", description: "Retrain the model",
                    params: [ParamSpec(name: "rows", defaultValue: .int(20000)), ParamSpec(name: "region", defaultValue: .string("eu"))],
                    steps: [
                        StepSpec(id: "sample", action: quick),
                        StepSpec(id: "validate", needs: ["sample"], action: quick),
                        StepSpec(id: "train", needs: ["validate"], action: failing, retries: 1, retryDelay: .seconds(10), pool: "cpu"),
                        StepSpec(id: "evaluate", needs: ["train"], action: quick),
                        StepSpec(id: "notify", needs: ["evaluate"], action: quick, triggerRule: .allDone),
                    ]
                ),
                PipelineSpec(id: "report", steps: [StepSpec(id: "build", action: quick)]),
            ]
        )
    }

    /// An engine with one finished failing run of `retrain` and one
    /// succeeded run of `report`.
    static func engine() throws -> Engine {
        let engine = try Engine(configuration: EngineConfiguration(projectName: "fraud-detection", seed: 7), project: project())
        _ = engine.apply(.trigger(pipeline: "retrain", params: [], by: "alice"))
        _ = engine.apply(.trigger(pipeline: "report", params: [], by: "alice"))
        engine.advance(to: SimTime(milliseconds: 10 * 60_000))
        return engine
    }
}
