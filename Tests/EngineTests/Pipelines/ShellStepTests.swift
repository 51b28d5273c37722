import XCTest
@testable import Engine

final class ShellStepTests: XCTestCase {
    private func runOne(_ script: FakeShellLauncher.Script, timeout: SimDuration? = nil) throws -> (Engine, RunID) {
        let shell = FakeShellLauncher()
        shell.script("job", script)
        let engine = try PT.engine(PT.project([PipelineSpec(id: "p", steps: [PT.shell("job", "./job.sh", timeout: timeout), PT.sim("after", needs: ["job"], 5)])]),
                                   shell: shell)
        let run = engine.triggerRun("p")
        engine.advance(to: PT.t(1))
        return (engine, run)
    }

    func testExitCodeIsKeptAndQuotedDownstream() throws {
        let (engine, run) = try runOne(.init(outcome: ShellOutcome(exitCode: 3, realDurationMilliseconds: 40)))
        XCTAssertEqual(engine.step(run, "job")?.reason, "failed (exit 3)")
        XCTAssertEqual(try engine.attempts(run: run).first?.exitCode, 3)
        XCTAssertEqual(engine.step(run, "after")?.reason, "upstream_failed: job failed (exit 3)")
        XCTAssertEqual(engine.run(run)?.reason, "failed: job failed (exit 3)")
    }

    func testTimeoutSignalAndLaunchErrors() throws {
        var (engine, run) = try runOne(.init(outcome: ShellOutcome(signal: 9, timedOut: true, realDurationMilliseconds: 600_000)), timeout: .minutes(10))
        XCTAssertEqual(engine.step(run, "job")?.reason, "timed out after 10m")
        XCTAssertEqual(try engine.attempts(run: run).first?.state, .timedOut)
        XCTAssertEqual(engine.run(run)?.reason, "failed: job timed out after 10m")
        (engine, run) = try runOne(.init(outcome: ShellOutcome(signal: 9)))
        XCTAssertEqual(engine.step(run, "job")?.reason, "failed: killed by signal 9")
        (engine, run) = try runOne(.init(outcome: ShellOutcome(launchError: "no such directory /proj")))
        XCTAssertEqual(engine.step(run, "job")?.reason, "failed: could not start: no such directory /proj")
    }

    func testTimeoutIsPassedToTheLauncher() throws {
        let shell = FakeShellLauncher()
        let engine = try PT.engine(PT.project([PipelineSpec(id: "p", steps: [PT.shell("job", "sleep 60", timeout: .seconds(2))])]), shell: shell)
        _ = engine.triggerRun("p")
        XCTAssertEqual(shell.launched.first?.timeout, .seconds(2))
    }

    func testOutputLinesBecomeLogLinesWithSequences() throws {
        let (engine, run) = try runOne(.init(lines: [(.stdout, "one"), (.stderr, "warn"), (.stdout, "two")]))
        let logs = try engine.logs(run: run, step: "job")
        XCTAssertEqual(logs.map(\.text), ["one", "warn", "two"])
        XCTAssertEqual(logs.map(\.stream), [.stdout, .stderr, .stdout])
        XCTAssertEqual(logs.map(\.sequence), [0, 1, 2])
        XCTAssertEqual(logs.map(\.realOffsetMilliseconds), [0, 1, 2])
        XCTAssertEqual(try engine.logTail(run: run, step: "job", limit: 2).map(\.text), ["warn", "two"])
        XCTAssertEqual(engine.step(run, "job")?.state, .succeeded)
    }

    func testWithoutALauncherShellStepsFailClearly() throws {
        let engine = try PT.engine(PT.project([PipelineSpec(id: "p", steps: [PT.shell("job", "true")])]))
        let run = engine.triggerRun("p")
        engine.advance(to: PT.t(1))
        XCTAssertEqual(engine.step(run, "job")?.reason, "failed: could not start: no shell launcher")
    }

    func testRunUntilIdleWaitsForShellWithoutAdvancingTime() throws {
        let shell = FakeShellLauncher()
        let engine = try PT.engine(PT.project([PipelineSpec(id: "p", steps: [PT.sim("a", 30), PT.shell("job", "true", needs: ["a"])])]), shell: shell)
        let run = engine.triggerRun("p")
        engine.runUntilIdle(maxTime: PT.t(3600), waitForShell: true) { $0.run(run)?.state.isFinal == true }
        XCTAssertEqual(engine.run(run)?.state, .succeeded)
        XCTAssertEqual(engine.now, PT.t(30), "stopped by the predicate, at the time the shell result was applied")
        engine.runUntilIdle(maxTime: PT.t(3600), waitForShell: true)
        XCTAssertEqual(engine.now, PT.t(3600))
    }
}
