import XCTest
@testable import Engine

final class RestartRecoveryTests: XCTestCase {
    private let project = PT.project([PipelineSpec(id: "retrain", steps: [
        PT.sim("sample", 10), PT.sim("train", needs: ["sample"], 100), PT.sim("evaluate", needs: ["train"], 5),
    ])])

    func testInFlightRunsAreInterruptedAndCanBeRerun() throws {
        let store = InMemoryRunStore()
        let done: RunID, inFlight: RunID
        do {
            let engine = try PT.engine(project, store: store)
            done = engine.triggerRun("retrain")
            engine.advance(to: PT.t(200))
            inFlight = engine.triggerRun("retrain")
            engine.advance(to: PT.t(250))   // sample done, train running since 210
            XCTAssertEqual(engine.step(inFlight, "train")?.state, .running)
        }
        let engine = try PT.engine(project, store: store)
        XCTAssertEqual(engine.now, PT.t(250), "the clock is restored")
        XCTAssertEqual(engine.run(done)?.state, .succeeded)
        let run = try XCTUnwrap(engine.run(inFlight))
        XCTAssertEqual(run.state, .interrupted)
        XCTAssertEqual(run.reason, "interrupted: engine stopped before it finished")
        XCTAssertEqual(run.number, 2)
        XCTAssertEqual(try store.steps(run: inFlight).map(\.state), [.succeeded, .interrupted, .interrupted])
        let attempts = try store.attempts(run: inFlight)
        XCTAssertEqual(attempts.map(\.state), [.succeeded, .interrupted])
        XCTAssertEqual(attempts.last?.endedAt, PT.t(250))
        XCTAssertEqual(engine.snapshot().recentEvents.contains { $0.kind == .runInterrupted }, true)

        XCTAssertTrue(engine.apply(.rerunFromFailure(inFlight)).isApplied)
        engine.advance(to: PT.t(400))
        XCTAssertEqual(engine.run(inFlight)?.state, .succeeded)
        XCTAssertEqual(engine.summary(inFlight).steps.map(\.attempts), [1, 2, 1])
        let next = engine.triggerRun("retrain")
        XCTAssertEqual(next, RunID(3), "run ids continue")
        XCTAssertEqual(engine.run(next)?.number, 3)
    }

    func testEvictedRunsAreReadBackFromTheStore() throws {
        let store = InMemoryRunStore()
        let engine = try PT.engine(PT.project([PipelineSpec(id: "p", maxActiveRuns: 100, steps: [PT.sim("a", 10, fail: 1)])]), store: store)
        let first = engine.triggerRun("p")
        for _ in 0..<60 { _ = engine.triggerRun("p") }
        engine.advance(to: PT.t(100))
        XCTAssertNil(engine.pipelineScheduler?.runs[first], "the oldest finished runs leave memory")
        XCTAssertEqual(engine.summary(first).steps.first?.state, .failed)
        XCTAssertTrue(engine.apply(.rerunFromFailure(first)).isApplied)
        engine.advance(to: PT.t(200))
        XCTAssertEqual(engine.summary(first).steps.first?.attempts, 2)
    }

    func testStoreFailuresAreReportedAndRetried() throws {
        struct DiskFull: Error, CustomStringConvertible { var description: String { "disk full" } }
        let store = InMemoryRunStore()
        let engine = try PT.engine(project, store: store)
        store.failNextAppend = DiskFull()
        let run = engine.triggerRun("retrain")
        XCTAssertEqual(engine.storeError, "could not write the run history: disk full")
        XCTAssertEqual(engine.snapshot().storeError, engine.storeError)
        XCTAssertTrue(try store.runs(pipeline: nil, limit: nil).isEmpty)
        engine.advance(to: PT.t(1))
        XCTAssertNil(engine.storeError)
        XCTAssertEqual(try store.runs(pipeline: nil, limit: nil).map(\.id), [run], "the kept changes were written on the next flush")
    }
}
