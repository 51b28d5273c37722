import XCTest
@testable import Engine

final class PipelineSnapshotTests: XCTestCase {
    func testPipelineSummariesAndRunSummaries() throws {
        let pipelines = [
            PipelineSpec(id: "ok", description: "always fine", schedule: .every(.hours(1)), maxActiveRuns: 5, steps: [PT.sim("a", 10), PT.sim("b", needs: ["a"], 10)]),
            PipelineSpec(id: "flaky", steps: [StepSpec(id: "x", action: .simulate(duration: try DurationDistribution(parsing: "lognormal(30s, 0.5)"), failureProbability: 1))]),
        ]
        let engine = try PT.engine(PT.project(pipelines))
        for _ in 0..<3 { _ = engine.triggerRun("ok") }
        let failed = engine.triggerRun("flaky")
        engine.advance(to: PT.t(600))
        let snapshot = engine.snapshot(recentRunLimit: 2)
        XCTAssertEqual(snapshot.pipelines.map(\.id), ["ok", "flaky"])
        let ok = snapshot.pipelines[0]
        XCTAssertEqual(ok.description, "always fine")
        XCTAssertEqual(ok.stepCount, 2)
        XCTAssertEqual(ok.successRate, 1)
        XCTAssertEqual(ok.finishedRunsCounted, 3)
        XCTAssertEqual(ok.lastRunID, RunID(3))
        XCTAssertEqual(ok.lastRunState, .succeeded)
        XCTAssertEqual(ok.nextScheduledAt, PT.t(3600))
        XCTAssertEqual(snapshot.pipelines[1].successRate, 0)
        XCTAssertNil(snapshot.pipelines[1].scheduleText)
        XCTAssertEqual(snapshot.runs.map(\.id), [failed, RunID(3)])
        let steps = snapshot.runs[1].steps
        XCTAssertEqual(steps.map(\.id), ["a", "b"])
        XCTAssertEqual(steps[1].needs, ["a"])
        XCTAssertEqual(steps[1].attemptSpans, [AttemptSpan(attempt: 1, start: PT.t(10), end: PT.t(20), state: .succeeded)])
        XCTAssertEqual(steps[0].kind, "simulate 10s")
        XCTAssertEqual(snapshot.runs[0].steps[0].kind, "simulate lognormal(30s, 0.5)")
    }

    func testCurrentAttemptStartWhileRunning() throws {
        let engine = try PT.engine(PT.project([PipelineSpec(id: "p", steps: [PT.sim("a", 10), PT.sim("b", needs: ["a"], 100)])]))
        let run = engine.triggerRun("p")
        engine.advance(to: PT.t(50))
        XCTAssertEqual(engine.step(run, "b")?.currentAttemptStart, PT.t(10))
        XCTAssertNil(engine.step(run, "a")?.currentAttemptStart)
    }
}
