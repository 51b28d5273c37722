import XCTest
@testable import Engine

final class MaxActiveRunsTests: XCTestCase {
    func testExtraManualRunsQueueWithAReasonAndStartInOrder() throws {
        let engine = try PT.engine(PT.project([PipelineSpec(id: "retrain", maxActiveRuns: 1, steps: [PT.sim("train", 60)])]))
        let first = engine.triggerRun("retrain")
        let result = engine.apply(.trigger(pipeline: "retrain", params: [], by: "alice"))
        XCTAssertTrue(result.isApplied)
        XCTAssertEqual(result.message, "retrain run 2 (#2) queued: 1 run of retrain active (max_active_runs 1)")
        let third = engine.triggerRun("retrain")
        let second = RunID(2)
        XCTAssertEqual(engine.run(second)?.state, .queued)
        XCTAssertEqual(engine.run(second)?.reason, "queued: 1 run of retrain active (max_active_runs 1)")
        XCTAssertEqual(engine.run(second)?.trigger, "manual by alice")
        XCTAssertEqual(engine.step(second, "train")?.state, .pending)
        XCTAssertEqual(engine.snapshot().pipelines.first?.queuedRuns, 2)
        XCTAssertEqual(engine.snapshot().pipelines.first?.activeRuns, 1)
        engine.advance(to: PT.t(60))
        XCTAssertEqual(engine.run(first)?.state, .succeeded)
        XCTAssertEqual(engine.run(second)?.state, .running)
        XCTAssertEqual(engine.run(second)?.startedAt, PT.t(60))
        XCTAssertEqual(engine.run(third)?.state, .queued)
        engine.advance(to: PT.t(180))
        XCTAssertEqual(engine.runs(pipeline: "retrain").map(\.state), [.succeeded, .succeeded, .succeeded])
        XCTAssertEqual(engine.run(third)?.startedAt, PT.t(120))
    }

    func testTwoActiveRunsAllowed() throws {
        let engine = try PT.engine(PT.project([PipelineSpec(id: "p", maxActiveRuns: 2, steps: [PT.sim("a", 60)])]))
        _ = engine.triggerRun("p")
        _ = engine.triggerRun("p")
        let third = engine.triggerRun("p")
        XCTAssertEqual(engine.runs().map(\.state), [.queued, .running, .running])
        XCTAssertEqual(engine.run(third)?.reason, "queued: 2 runs of p active (max_active_runs 2)")
    }

    func testParamsAreBoundAndTypeChecked() throws {
        let pipeline = PipelineSpec(id: "p", params: [ParamSpec(name: "rows", defaultValue: .int(100)), ParamSpec(name: "lr", defaultValue: .double(0.1))],
                                    steps: [PT.sim("a")])
        let engine = try PT.engine(PT.project([pipeline]))
        let run = engine.triggerRun("p", [ParamBinding(name: "lr", value: "0.5")])
        XCTAssertEqual(engine.run(run)?.params, [ParamBinding(name: "rows", value: "100"), ParamBinding(name: "lr", value: "0.5")])
        var result = engine.apply(.trigger(pipeline: "p", params: [ParamBinding(name: "rows", value: "many")], by: nil))
        XCTAssertEqual(result.outcome, .rejected)
        XCTAssertEqual(result.message, "param rows must be an integer, not 'many'")
        result = engine.apply(.trigger(pipeline: "p", params: [ParamBinding(name: "epochs", value: "3")], by: nil))
        XCTAssertEqual(result.message, "unknown param 'epochs' for pipeline p (known: rows, lr)")
        result = engine.apply(.trigger(pipeline: "nope", params: [], by: nil))
        XCTAssertEqual(result.message, "no pipeline nope (pipelines: p)")
        XCTAssertEqual(engine.runs().count, 1, "refused triggers create no run")
    }
}
