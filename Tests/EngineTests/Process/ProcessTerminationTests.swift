import Engine
import Glibc
import XCTest

/// Timeouts, cancellation and process-group cleanup of `ProcessShellLauncher`.
final class ProcessTerminationTests: XCTestCase {
    func testTimeoutEndsARealSleep() {
        let started = ShellTestSupport.monotonicSeconds()
        let run = ShellTestSupport.run(ShellTestSupport.request("sleep 60", timeout: .seconds(1)))
        let elapsed = ShellTestSupport.monotonicSeconds() - started
        XCTAssertLessThan(elapsed, 20, "the timeout must end the sleep long before 60 s")
        XCTAssertGreaterThanOrEqual(elapsed, 0.9)
        XCTAssertEqual(run.outcome?.timedOut, true)
        XCTAssertEqual(run.outcome?.cancelled, false)
        XCTAssertEqual(run.outcome?.signal, SIGTERM)
        XCTAssertEqual(run.outcome?.succeeded, false)
        XCTAssertGreaterThanOrEqual(run.outcome?.realDurationMilliseconds ?? 0, 900)
        ShellTestSupport.assertNoZombieChildren()
    }

    func testAProcessIgnoringSigtermIsKilledAfterTheGracePeriod() {
        let started = ShellTestSupport.monotonicSeconds()
        let run = ShellTestSupport.run(ShellTestSupport.request(
            "trap '' TERM; echo ready; sleep 60", timeout: .milliseconds(300), killGrace: .seconds(1)))
        let elapsed = ShellTestSupport.monotonicSeconds() - started
        XCTAssertEqual(run.stdout, ["ready"])
        XCTAssertEqual(run.outcome?.timedOut, true)
        XCTAssertEqual(run.outcome?.signal, SIGKILL)
        XCTAssertGreaterThanOrEqual(run.outcome?.realDurationMilliseconds ?? 0, 1_200, "SIGKILL only after the grace")
        XCTAssertLessThan(elapsed, 20)
    }

    func testGrandchildrenAreKilledWithTheGroup() throws {
        let run = ShellTestSupport.run(ShellTestSupport.request(
            "sleep 60 & echo $!; sleep 60; wait", timeout: .seconds(1), killGrace: .seconds(2)))
        XCTAssertEqual(run.outcome?.timedOut, true)
        let grandchild = try XCTUnwrap(run.stdout.first.flatMap { pid_t($0) }, "the script echoes the background pid")
        XCTAssertTrue(ShellTestSupport.waitUntilGone(grandchild), "grandchild \(grandchild) still runs")
    }

    func testLeftoversAreTerminatedWhenTheShellExits() throws {
        let started = ShellTestSupport.monotonicSeconds()
        // The background sleep keeps stdout open; the attempt still ends
        // when the shell exits.
        let run = ShellTestSupport.run(ShellTestSupport.request("sleep 60 & echo $!; echo bye", killGrace: .seconds(1)))
        XCTAssertLessThan(ShellTestSupport.monotonicSeconds() - started, 20)
        XCTAssertEqual(run.outcome?.exitCode, 0)
        XCTAssertEqual(run.stdout.last, "bye")
        let leftover = try XCTUnwrap(run.stdout.first.flatMap { pid_t($0) })
        XCTAssertTrue(ShellTestSupport.waitUntilGone(leftover), "leftover \(leftover) still runs")
    }

    func testCancelEndsTheProcessGroup() throws {
        let launcher = ProcessShellLauncher()
        let request = ShellTestSupport.request("sleep 60 & echo $!; sleep 60; wait", killGrace: .seconds(2))
        launcher.launch(request)
        // Wait for the grandchild's pid so the group is fully started.
        var grandchild: pid_t?
        let deadline = ShellTestSupport.monotonicSeconds() + 10
        var finished: ShellOutcome?
        var cancelled = false
        while finished == nil && ShellTestSupport.monotonicSeconds() < deadline {
            _ = launcher.waitForEvent(milliseconds: 200)
            for event in launcher.drain() {
                switch event {
                case .output(_, _, let line, _): grandchild = pid_t(line)
                case .finished(_, let outcome): finished = outcome
                }
            }
            if grandchild != nil && !cancelled {
                launcher.cancel(request.key)
                cancelled = true
            }
        }
        let outcome = try XCTUnwrap(finished)
        XCTAssertTrue(outcome.cancelled)
        XCTAssertFalse(outcome.timedOut)
        XCTAssertEqual(outcome.signal, SIGTERM)
        XCTAssertLessThan(outcome.realDurationMilliseconds, 20_000)
        XCTAssertTrue(ShellTestSupport.waitUntilGone(try XCTUnwrap(grandchild)))
        XCTAssertEqual(launcher.runningCount, 0)
        ShellTestSupport.assertNoZombieChildren()
    }

    func testCancelRightAfterLaunchAndCancelOfAnUnknownKey() {
        let launcher = ProcessShellLauncher()
        launcher.cancel(ShellTestSupport.key("never-launched"))
        let request = ShellTestSupport.request("sleep 60")
        launcher.launch(request)
        launcher.cancel(request.key)
        let run = ShellTestSupport.collect(launcher, keys: [request.key])[request.key]
        XCTAssertEqual(run?.outcome?.cancelled, true)
        XCTAssertEqual(run?.finishedCount, 1)
        XCTAssertEqual(launcher.drain(), [], "nothing reported for the unknown key")
    }

    func testReleasingTheLauncherKillsAndReapsItsProcesses() throws {
        var launcher: ProcessShellLauncher? = ProcessShellLauncher()
        let request = ShellTestSupport.request("echo $$; sleep 60")
        launcher?.launch(request)
        var pid: pid_t?
        let deadline = ShellTestSupport.monotonicSeconds() + 10
        while pid == nil && ShellTestSupport.monotonicSeconds() < deadline {
            _ = launcher?.waitForEvent(milliseconds: 200)
            for case .output(_, _, let line, _) in launcher?.drain() ?? [] { pid = pid_t(line) }
        }
        let shell = try XCTUnwrap(pid)
        XCTAssertTrue(ShellTestSupport.isAlive(shell))
        launcher = nil
        XCTAssertFalse(ShellTestSupport.isAlive(shell), "released launcher left its shell running")
        XCTAssertEqual(kill(shell, 0), -1, "the shell was reaped, not left a zombie")
    }
}
