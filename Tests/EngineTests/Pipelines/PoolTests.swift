import XCTest
@testable import Engine

final class PoolTests: XCTestCase {
    func testPoolOfTwoWithFiveReadySteps() throws {
        let steps = (1...5).map { PT.sim("s\($0)", 10 * Int64($0), pool: "gpu") }
        let engine = try PT.engine(PT.project([PipelineSpec(id: "p", steps: steps)], pools: [PoolSpec(id: "gpu", size: 2)]))
        let run = engine.triggerRun("p")
        var summary = engine.summary(run)
        XCTAssertEqual(summary.steps.map(\.state), [.running, .running, .queued, .queued, .queued])
        XCTAssertEqual(summary.steps[2].reason, "queued: pool gpu full (2/2)")
        XCTAssertEqual(try engine.steps(run: run).map(\.reason)[4], "queued: pool gpu full (2/2)", "the queued reason is stored")
        engine.advance(to: PT.t(10))   // s1 done -> s3 starts
        summary = engine.summary(run)
        XCTAssertEqual(summary.steps.map(\.state), [.succeeded, .running, .running, .queued, .queued])
        engine.advance(to: PT.t(1000))
        summary = engine.summary(run)
        // s1 0-10, s2 0-20, s3 10-40, s4 20-60, s5 40-90: FIFO in step order.
        XCTAssertEqual(summary.steps.map { $0.attemptSpans.first?.start }, [PT.t(0), PT.t(0), PT.t(10), PT.t(20), PT.t(40)])
        XCTAssertEqual(summary.state, .succeeded)
    }

    func testPoolsAreSharedAcrossPipelinesAndOrderedByReadyTimeThenRunID() throws {
        let a = PipelineSpec(id: "a", maxActiveRuns: 2, steps: [PT.sim("x", 10, pool: "cpu")])
        let b = PipelineSpec(id: "b", steps: [PT.sim("first", 5), PT.sim("y", needs: ["first"], 10, pool: "cpu")])
        let engine = try PT.engine(PT.project([a, b], pools: [PoolSpec(id: "cpu", size: 1)]))
        let runA1 = engine.triggerRun("a")        // takes the slot 0-10
        let runB = engine.triggerRun("b")         // y ready at 5
        engine.advance(to: PT.t(1))
        let runA2 = engine.triggerRun("a")        // queued at 1 -> behind y? no: ready at 1, before y (5)
        engine.advance(to: PT.t(100))
        XCTAssertEqual(engine.step(runA1, "x")?.attemptSpans.first?.start, PT.t(0))
        XCTAssertEqual(engine.step(runA2, "x")?.attemptSpans.first?.start, PT.t(10), "ready at 1s, before y (5s)")
        XCTAssertEqual(engine.step(runB, "y")?.attemptSpans.first?.start, PT.t(20))
    }
}
