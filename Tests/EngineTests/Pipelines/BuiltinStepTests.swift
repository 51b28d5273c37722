import XCTest
@testable import Engine

final class BuiltinStepTests: XCTestCase {
    private struct Slow: BuiltinTask {
        var succeed: Bool
        func run(_ context: BuiltinContext) -> BuiltinResult {
            BuiltinResult(succeeded: succeed, reason: succeed ? "" : "auc 0.61 below 0.70",
                          logLines: ["rows=\(context.param("rows") ?? "?")", "attempt \(context.key.attempt)"], duration: .minutes(3))
        }
    }

    private func registry() -> BuiltinRegistry {
        var registry = BuiltinRegistry.standard
        registry.register("good", Slow(succeed: true))
        registry.register("bad", Slow(succeed: false))
        return registry
    }

    func testNoopSucceedsAtOnceAndLogsALine() throws {
        XCTAssertEqual(BuiltinRegistry.standard.names, ["noop", "sample", "validate", "train", "evaluate", "register"])
        let engine = try PT.engine(PT.project([PipelineSpec(id: "p", steps: [StepSpec(id: "n", action: .builtin("noop"))])]))
        let run = engine.triggerRun("p")
        engine.advance(to: engine.now)
        XCTAssertEqual(engine.step(run, "n")?.state, .succeeded)
        XCTAssertEqual(engine.step(run, "n")?.kind, "builtin noop")
        XCTAssertEqual(try engine.logs(run: run, step: "n").map(\.text), ["noop: nothing to do"])
    }

    func testBuiltinDurationFailureReasonLogsAndTimeout() throws {
        let pipeline = PipelineSpec(id: "p", params: [ParamSpec(name: "rows", defaultValue: .int(10))], steps: [
            StepSpec(id: "g", action: .builtin("good")),
            StepSpec(id: "b", action: .builtin("bad")),
            StepSpec(id: "t", action: .builtin("good"), timeout: .minutes(1)),
        ])
        let engine = try PT.engine(PT.project([pipeline]), builtins: registry())
        let run = engine.triggerRun("p")
        engine.advance(to: PT.t(179))
        XCTAssertEqual(engine.step(run, "g")?.state, .running)
        XCTAssertEqual(engine.step(run, "t")?.reason, "timed out after 1m")
        engine.advance(to: PT.t(180))
        XCTAssertEqual(engine.step(run, "g")?.state, .succeeded)
        XCTAssertEqual(engine.step(run, "b")?.reason, "failed: auc 0.61 below 0.70")
        XCTAssertEqual(try engine.logs(run: run, step: "g").map(\.text), ["rows=10", "attempt 1"])
    }

    func testSimulatedTimeout() throws {
        let engine = try PT.engine(PT.project([PipelineSpec(id: "p", steps: [PT.sim("s", 3600, timeout: .minutes(10))])]))
        let run = engine.triggerRun("p")
        engine.advance(to: PT.t(600))
        XCTAssertEqual(engine.step(run, "s")?.reason, "timed out after 10m")
        XCTAssertEqual(try engine.attempts(run: run).first?.state, .timedOut)
        XCTAssertEqual(try engine.attempts(run: run).first?.endedAt, PT.t(600))
    }
}
