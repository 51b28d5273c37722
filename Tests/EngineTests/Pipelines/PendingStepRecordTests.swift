import XCTest
@testable import Engine

/// Steps that have not started have no record in the run history until
/// they do; the engine's reads fill them in, in pipeline order.
final class PendingStepRecordTests: XCTestCase {
    // File order differs from start order: c starts first, then b, then a.
    private let project = PT.project([PipelineSpec(id: "p", steps: [
        PT.sim("a", needs: ["b"], 10), PT.sim("b", needs: ["c"], 10), PT.sim("c", 10),
    ])])

    func testPendingStepsAreNotWrittenButAreRead() throws {
        let store = InMemoryRunStore()
        let engine = try PT.engine(project, store: store)
        let run = engine.triggerRun("p")
        XCTAssertEqual(try store.steps(run: run).map(\.step), ["c"], "only the started step is written")
        let steps = try engine.steps(run: run)
        XCTAssertEqual(steps.map(\.step), ["a", "b", "c"])
        XCTAssertEqual(steps.map(\.state), [.pending, .pending, .running])
        XCTAssertEqual(steps.map(\.reason), ["pending: waiting for b", "pending: waiting for c", "running"])
        XCTAssertEqual(steps.map(\.reason), engine.summary(run).steps.map(\.reason), "the same reasons as the screens show")

        engine.advance(to: PT.t(15))
        XCTAssertEqual(try store.steps(run: run).map(\.step), ["c", "b"])
        XCTAssertEqual(try engine.steps(run: run).map(\.state), [.pending, .running, .succeeded])
        engine.advance(to: PT.t(100))
        XCTAssertEqual(try engine.steps(run: run).map(\.step), ["a", "b", "c"], "pipeline order, not start order")
        XCTAssertEqual(try engine.attempts(run: run).map(\.key.step), ["a", "b", "c"])
        XCTAssertEqual(try store.steps(run: run).count, 3, "a finished run has every step on record")
    }

    func testRestartRecordsNeverStartedStepsAsInterrupted() throws {
        let store = InMemoryRunStore()
        let run: RunID
        do {
            let engine = try PT.engine(project, store: store)
            run = engine.triggerRun("p")
            engine.advance(to: PT.t(5))
        }
        XCTAssertEqual(try store.steps(run: run).count, 1)
        let engine = try PT.engine(project, store: store)
        XCTAssertEqual(try store.steps(run: run).map(\.step).sorted(), ["a", "b", "c"], "written by the recovery")
        XCTAssertEqual(try engine.steps(run: run).map(\.state), [.interrupted, .interrupted, .interrupted])
        XCTAssertEqual(try engine.steps(run: run).map(\.attempts), [0, 0, 1])
        XCTAssertTrue(engine.apply(.rerunFromFailure(run)).isApplied)
        engine.advance(to: PT.t(100))
        XCTAssertEqual(engine.run(run)?.state, .succeeded)
        XCTAssertEqual(try engine.steps(run: run).map(\.attempts), [1, 1, 2])
    }

    func testAQueuedRunThatIsCancelledRecordsEveryStep() throws {
        let store = InMemoryRunStore()
        let engine = try PT.engine(PT.project([PipelineSpec(id: "p", maxActiveRuns: 1, steps: project.pipelines[0].steps)]), store: store)
        _ = engine.triggerRun("p")
        let queued = engine.triggerRun("p")
        XCTAssertEqual(try store.steps(run: queued), [])
        XCTAssertEqual(try engine.steps(run: queued).map(\.reason), ["pending: waiting for b", "pending: waiting for c", "pending: run not started"])
        XCTAssertTrue(engine.apply(.cancelRun(queued)).isApplied)
        XCTAssertEqual(try store.steps(run: queued).map(\.state), [.cancelled, .cancelled, .cancelled])
    }
}
