import XCTest
@testable import Engine

final class OperatorCommandTests: XCTestCase {
    private func chain(failTrain: Double = 1) -> ProjectSpec {
        PT.project([PipelineSpec(id: "retrain", steps: [
            PT.sim("sample", 10), PT.sim("train", needs: ["sample"], 20, fail: failTrain), PT.sim("evaluate", needs: ["train"], 5),
            PT.sim("side", needs: ["sample"], 5),
        ])])
    }

    func testCancelEndsRunningAndPendingSteps() throws {
        let shell = FakeShellLauncher()
        shell.script("build", .init(held: true))
        let project = PT.project([PipelineSpec(id: "p", steps: [
            PT.shell("build", "make"), PT.sim("sim", 100), PT.sim("after", needs: ["build", "sim"], 5),
        ])])
        let engine = try PT.engine(project, shell: shell)
        let run = engine.triggerRun("p")
        engine.advance(to: PT.t(10))
        let result = engine.apply(.cancelRun(run, by: "alice"))
        XCTAssertEqual(result.message, "cancelled p run 1 (#1)")
        XCTAssertEqual(shell.cancelled, [AttemptKey(run: run, step: "build", attempt: 1)])
        let summary = engine.summary(run)
        XCTAssertEqual(summary.state, .cancelled)
        XCTAssertEqual(summary.reason, "cancelled by alice")
        XCTAssertEqual(summary.steps.map(\.state), [.cancelled, .cancelled, .cancelled])
        XCTAssertEqual(try engine.attempts(run: run).map(\.state), [.cancelled, .cancelled])
        XCTAssertEqual(engine.pendingEventCount, 0, "the simulated step's completion was dropped")
        engine.advance(to: PT.t(200))   // the launcher's late cancelled report is ignored
        XCTAssertEqual(engine.summary(run).steps.map(\.state), [.cancelled, .cancelled, .cancelled])
        XCTAssertEqual(engine.apply(.cancelRun(run)).outcome, .unchanged)
        XCTAssertEqual(engine.snapshot().recentEvents.last?.kind, .runCancelled)
    }

    func testCancelAQueuedRun() throws {
        let engine = try PT.engine(PT.project([PipelineSpec(id: "p", steps: [PT.sim("a", 60)])]))
        _ = engine.triggerRun("p")
        let queued = engine.triggerRun("p")
        XCTAssertTrue(engine.apply(.cancelRun(queued)).isApplied)
        engine.advance(to: PT.t(1000))
        XCTAssertEqual(engine.run(queued)?.state, .cancelled)
        XCTAssertNil(engine.run(queued)?.startedAt)
    }

    func testRerunFromFailureKeepsSucceededStepsAndContinuesAttempts() throws {
        let engine = try PT.engine(chain())
        let run = engine.triggerRun("retrain")
        engine.advance(to: PT.t(100))
        XCTAssertEqual(engine.run(run)?.state, .failed)
        XCTAssertEqual(engine.apply(.rerunFromFailure(RunID(99))).outcome, .rejected)
        let result = engine.apply(.rerunFromFailure(run, by: "bob"))
        XCTAssertTrue(result.isApplied, result.message)
        XCTAssertEqual(engine.run(run)?.state, .running)
        XCTAssertEqual(engine.run(run)?.reason, "running: rerun from failure by bob")
        XCTAssertEqual(engine.step(run, "train")?.state, .running)
        XCTAssertEqual(engine.step(run, "evaluate")?.reason, "pending: waiting for train")
        engine.advance(to: PT.t(200))
        let summary = engine.summary(run)
        XCTAssertEqual(summary.steps.map(\.attempts), [1, 2, 0, 1], "sample and side kept, train's attempts continue")
        XCTAssertEqual(summary.steps[1].attemptSpans.map(\.attempt), [1, 2])
        XCTAssertEqual(summary.state, .failed, "train still fails (probability 1)")
        XCTAssertEqual(engine.runs().count, 1, "same run id")
        XCTAssertEqual(engine.apply(.rerunFromFailure(run)).isApplied, true)
        XCTAssertEqual(engine.apply(.rerunFromFailure(run)).outcome, .rejected, "a running run cannot be rerun")
    }

    func testClearStepRerunsItAndItsDownstream() throws {
        let engine = try PT.engine(chain(failTrain: 0))
        let run = engine.triggerRun("retrain")
        engine.advance(to: PT.t(100))
        XCTAssertEqual(engine.run(run)?.state, .succeeded)
        let result = engine.apply(.clearStep(run, step: "train", by: "carol"))
        XCTAssertEqual(result.message, "cleared train of retrain run 1 and its downstream")
        XCTAssertEqual(engine.run(run)?.state, .running)
        XCTAssertEqual(engine.summary(run).steps.map(\.state), [.succeeded, .running, .pending, .succeeded])
        engine.advance(to: PT.t(200))
        XCTAssertEqual(engine.summary(run).steps.map(\.attempts), [1, 2, 2, 1])
        XCTAssertEqual(engine.run(run)?.state, .succeeded)
        XCTAssertEqual(engine.apply(.clearStep(run, step: "nope")).message, "run 1 has no step nope")
    }

    func testClearARunningStepCancelsItsAttempt() throws {
        let engine = try PT.engine(chain(failTrain: 0))
        let run = engine.triggerRun("retrain")
        engine.advance(to: PT.t(15))
        XCTAssertTrue(engine.apply(.clearStep(run, step: "train")).isApplied)
        let train = try XCTUnwrap(engine.step(run, "train"))
        XCTAssertEqual(train.attemptSpans.map(\.state), [.cancelled, .running])
        XCTAssertEqual(train.attemptSpans.last?.start, PT.t(15))
        engine.advance(to: PT.t(100))
        XCTAssertEqual(engine.run(run)?.state, .succeeded)
    }

    func testMarkSuccessLetsDownstreamProceed() throws {
        let engine = try PT.engine(chain())
        let run = engine.triggerRun("retrain")
        engine.advance(to: PT.t(100))
        XCTAssertEqual(engine.step(run, "evaluate")?.state, .upstreamFailed)
        let result = engine.apply(.markStep(run, step: "train", succeeded: true, by: "dave"))
        XCTAssertEqual(result.message, "marked train of retrain run 1 success")
        XCTAssertEqual(engine.step(run, "train")?.reason, "marked success by dave")
        XCTAssertEqual(engine.step(run, "evaluate")?.state, .running)
        engine.advance(to: PT.t(200))
        XCTAssertEqual(engine.run(run)?.state, .succeeded)
        XCTAssertEqual(engine.apply(.markStep(run, step: "train", succeeded: true)).outcome, .unchanged)
    }

    func testMarkFailedWhileRunning() throws {
        let engine = try PT.engine(chain(failTrain: 0))
        let run = engine.triggerRun("retrain")
        engine.advance(to: PT.t(15))
        XCTAssertTrue(engine.apply(.markStep(run, step: "train", succeeded: false, by: "erin")).isApplied)
        XCTAssertEqual(engine.step(run, "train")?.attemptSpans.map(\.state), [.cancelled])
        XCTAssertEqual(engine.step(run, "evaluate")?.reason, "upstream_failed: train marked failed by erin")
        engine.advance(to: PT.t(100))
        XCTAssertEqual(engine.run(run)?.state, .failed)
        XCTAssertEqual(engine.run(run)?.reason, "failed: train marked failed by erin")
    }

    func testMarkingTheOnlyFailedLeafDecidesTheRunAgain() throws {
        let engine = try PT.engine(PT.project([PipelineSpec(id: "p", steps: [PT.sim("a", 10, fail: 1)])]))
        let run = engine.triggerRun("p")
        engine.advance(to: PT.t(100))
        XCTAssertEqual(engine.run(run)?.state, .failed)
        XCTAssertTrue(engine.apply(.markStep(run, step: "a", succeeded: true)).isApplied)
        XCTAssertEqual(engine.run(run)?.state, .succeeded)
        XCTAssertEqual(engine.snapshot().pipelines.first?.activeRuns, 0)
    }

    func testCommandsWithoutAProjectAreRejected() {
        let engine = Engine(configuration: EngineConfiguration(projectName: "x", seed: 1))
        XCTAssertEqual(engine.apply(.trigger(pipeline: "p", params: [], by: nil)).outcome, .rejected)
        XCTAssertTrue(engine.snapshot().pipelines.isEmpty)
    }
}
