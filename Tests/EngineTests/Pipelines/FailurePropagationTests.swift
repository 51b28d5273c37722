import XCTest
@testable import Engine

final class FailurePropagationTests: XCTestCase {
    func testFailureFlowsDownTheChainAndFailsTheRun() throws {
        let steps = [
            PT.sim("sample", 10), PT.sim("train", needs: ["sample"], 20, fail: 1), PT.sim("evaluate", needs: ["train"], 5),
            PT.sim("register", needs: ["evaluate"], 5), PT.sim("notify", needs: ["register"], 1, rule: .allDone),
        ]
        let engine = try PT.engine(PT.project([PipelineSpec(id: "retrain", steps: steps)]))
        let run = engine.triggerRun("retrain")
        engine.advance(to: PT.t(100))
        let summary = engine.summary(run)
        XCTAssertEqual(summary.steps.map(\.state), [.succeeded, .failed, .upstreamFailed, .upstreamFailed, .succeeded])
        XCTAssertEqual(summary.steps[1].reason, "failed: simulated failure")
        XCTAssertEqual(summary.steps[2].reason, "upstream_failed: train failed: simulated failure")
        XCTAssertEqual(summary.steps[3].reason, "upstream_failed: train failed: simulated failure", "the root cause is quoted, not the middle step")
        XCTAssertEqual(summary.state, .failed, "a run with a failed step fails even when an all_done step after it succeeded")
        XCTAssertEqual(summary.reason, "failed: train failed: simulated failure")
        XCTAssertEqual(summary.endedAt, PT.t(31))
        XCTAssertEqual(engine.snapshot().recentEvents.last?.kind, .runFinished)
    }

    func testSucceededRunReason() throws {
        let engine = try PT.engine(PT.project([PipelineSpec(id: "p", steps: [PT.sim("a", 10), PT.sim("b", needs: ["a"], 20)])]))
        let run = engine.triggerRun("p")
        engine.advance(to: PT.t(100))
        XCTAssertEqual(engine.run(run)?.state, .succeeded)
        XCTAssertEqual(engine.run(run)?.reason, "succeeded: 2 steps in 30s")
        XCTAssertEqual(engine.step(run, "b")?.reason, "succeeded in 20s")
    }
}
