import Engine
import Foundation
import Glibc
import XCTest

/// Processes are watched by the thread waiting for them and handed to the
/// I/O thread when that thread goes away; a thread that never waits has
/// the I/O thread watch from the start (see `ProcessIOLoop`). Nothing a
/// step shows may depend on who watched it.
final class ProcessHandoverTests: XCTestCase {
    /// Sleeps without asking the launcher for anything.
    private func stayAway(seconds: Double) {
        usleep(UInt32(seconds * 1_000_000))
    }

    /// A launcher whose launching thread has waited (so watches what it
    /// launches next), or one whose thread never waited.
    private func launcher(waiting: Bool) -> ProcessShellLauncher {
        let launcher = ProcessShellLauncher()
        if waiting { XCTAssertFalse(launcher.waitForEvent(milliseconds: 1)) }
        return launcher
    }

    func testALauncherNobodyWaitsOnStillEnforcesTimeoutsAndCapturesOutput() {
        for waiting in [true, false] {
            assertTimeoutAndOutputWithoutWaiting(launcher(waiting: waiting))
        }
    }

    private func assertTimeoutAndOutputWithoutWaiting(_ launcher: ProcessShellLauncher) {
        let request = ShellTestSupport.request("echo early; sleep 60", timeout: .milliseconds(300), killGrace: .seconds(1))
        launcher.launch(request)
        stayAway(seconds: 1.5)
        // The I/O thread took over, read the line when it came and ended
        // the sleep at its timeout, not when this thread came back.
        let run = launcher.drain()
        guard case .output(_, .stdout, "early", let offset)? = run.first else {
            return XCTFail("expected the early line first: \(run)")
        }
        XCTAssertLessThan(offset, 300, "stamped when written, not when this thread returned")
        guard case .finished(_, let outcome)? = run.last else { return XCTFail("expected the outcome: \(run)") }
        XCTAssertTrue(outcome.timedOut)
        XCTAssertEqual(outcome.signal, SIGTERM)
        XCTAssertLessThan(outcome.realDurationMilliseconds, 1_000, "ended at its timeout while nobody waited")
        XCTAssertEqual(launcher.runningCount, 0)
        ShellTestSupport.assertNoZombieChildren()
    }

    func testAChattyProcessIsNotBlockedWhileNobodyWaits() {
        for waiting in [true, false] {
            assertChattyProcessFinishes(launcher(waiting: waiting))
        }
    }

    private func assertChattyProcessFinishes(_ launcher: ProcessShellLauncher) {
        // 2 MB, far beyond a pipe's 64 KiB: it finishes only if read.
        let request = ShellTestSupport.request("seq 1 280000")
        launcher.launch(request)
        let deadline = ShellTestSupport.monotonicSeconds() + 20
        while launcher.runningCount > 0 && ShellTestSupport.monotonicSeconds() < deadline {
            stayAway(seconds: 0.05)
        }
        XCTAssertEqual(launcher.runningCount, 0, "the process finished without anyone waiting")
        var lines = 0
        var outcome: ShellOutcome?
        for event in launcher.drain() {
            switch event {
            case .output: lines += 1
            case .finished(_, let finished): outcome = finished
            }
        }
        XCTAssertEqual(lines, 280_000)
        XCTAssertEqual(outcome?.exitCode, 0)
    }

    func testProcessesWatchedByEitherThreadAreAllReportedOnce() {
        let launcher = launcher(waiting: true)
        // Launched, then left alone long enough for the I/O thread to adopt it.
        let slow = ShellTestSupport.request("sleep 0.4; echo slow", step: "slow")
        launcher.launch(slow)
        stayAway(seconds: 0.1)
        // Launched and waited for at once: watched by this thread, while the
        // slow one's events arrive from the I/O thread.
        var quick: [ShellRequest] = []
        for index in 0..<20 {
            let request = ShellRequest(key: ShellTestSupport.key("quick\(index)"), command: "echo \(index)",
                                       environment: [], workingDirectory: "")
            quick.append(request)
            launcher.launch(request)
            if index % 4 == 0 { launcher.cancel(ShellTestSupport.key("unknown\(index)")) }
            _ = launcher.waitForEvent(milliseconds: 1)
        }
        let runs = ShellTestSupport.collect(launcher, keys: [slow.key] + quick.map(\.key))
        XCTAssertEqual(runs[slow.key]?.stdout, ["slow"])
        XCTAssertEqual(runs[slow.key]?.finishedCount, 1)
        for (index, request) in quick.enumerated() {
            XCTAssertEqual(runs[request.key]?.stdout, ["\(index)"])
            XCTAssertEqual(runs[request.key]?.finishedCount, 1)
            XCTAssertEqual(runs[request.key]?.outcome?.exitCode, 0)
        }
        XCTAssertEqual(launcher.runningCount, 0)
        ShellTestSupport.assertNoZombieChildren()
    }

    func testCancelReachesAProcessWhoeverWatchesIt() {
        let launcher = launcher(waiting: true)
        let adopted = ShellTestSupport.request("sleep 60", step: "adopted")
        launcher.launch(adopted)
        stayAway(seconds: 0.1)
        let watched = ShellTestSupport.request("sleep 60", step: "watched")
        launcher.launch(watched)
        launcher.cancel(adopted.key)
        launcher.cancel(watched.key)
        let runs = ShellTestSupport.collect(launcher, keys: [adopted.key, watched.key], deadlineSeconds: 10)
        XCTAssertEqual(runs[adopted.key]?.outcome?.cancelled, true)
        XCTAssertEqual(runs[watched.key]?.outcome?.cancelled, true)
        XCTAssertLessThan(runs[adopted.key]?.outcome?.realDurationMilliseconds ?? .max, 5_000)
        XCTAssertLessThan(runs[watched.key]?.outcome?.realDurationMilliseconds ?? .max, 5_000)
    }

    func testShutdownRightAfterLaunchKillsWhatNobodyWatchedYet() throws {
        let launcher = launcher(waiting: true)
        launcher.launch(ShellTestSupport.request("exec sleep 60", step: "a"))
        launcher.launch(ShellTestSupport.request("exec sleep 61", step: "b"))
        // Neither this thread nor (within a tick) the I/O thread has looked.
        launcher.shutdown()
        ShellTestSupport.assertNoZombieChildren()
        XCTAssertEqual(try livingChildren(), [], "children left running")
    }

    /// Processes whose parent is this process, zombies excluded.
    private func livingChildren() throws -> [pid_t] {
        try FileManager.default.contentsOfDirectory(atPath: "/proc").compactMap { pid_t($0) }.filter { pid in
            guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
                  let close = stat.lastIndex(of: ")") else { return false }
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            return fields.count > 1 && fields[0] != "Z" && pid_t(fields[1]) == getpid()
        }
    }
}
