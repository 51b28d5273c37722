import Engine
import Glibc
import XCTest

/// Many processes at once and many in a row on one `ProcessShellLauncher`.
final class ProcessConcurrencyTests: XCTestCase {
    func testFiftyConcurrentProcessesAreEachReportedExactlyOnce() {
        let launcher = ProcessShellLauncher()
        let requests = (0..<50).map { index in
            ShellRequest(key: ShellTestSupport.key("echo-\(index)"), command: "echo line-\(index); echo err-\(index) >&2",
                         environment: [], workingDirectory: "")
        }
        for request in requests { launcher.launch(request) }
        XCTAssertLessThanOrEqual(launcher.runningCount, 50)
        let runs = ShellTestSupport.collect(launcher, keys: requests.map(\.key))
        XCTAssertEqual(runs.count, 50)
        for (index, request) in requests.enumerated() {
            let run = runs[request.key]
            XCTAssertEqual(run?.finishedCount, 1, "\(request.key)")
            XCTAssertEqual(run?.outcome?.exitCode, 0)
            XCTAssertEqual(run?.stdout, ["line-\(index)"])
            XCTAssertEqual(run?.stderr, ["err-\(index)"])
        }
        XCTAssertEqual(launcher.runningCount, 0)
        XCTAssertFalse(launcher.waitForEvent(milliseconds: 50), "no further events")
        ShellTestSupport.assertNoZombieChildren()
    }

    func testRunningCountFollowsLaunchesAndFinishes() {
        let launcher = ProcessShellLauncher()
        XCTAssertEqual(launcher.runningCount, 0)
        let keys = (1...3).map { ShellTestSupport.key("sleeper", attempt: $0) }
        for key in keys {
            launcher.launch(ShellRequest(key: key, command: "sleep 0.3", environment: [], workingDirectory: ""))
        }
        XCTAssertEqual(launcher.runningCount, 3)
        let runs = ShellTestSupport.collect(launcher, keys: keys)
        XCTAssertEqual(runs.values.filter { $0.outcome?.exitCode == 0 }.count, 3)
        XCTAssertEqual(launcher.runningCount, 0)
    }

    func testTwoHundredSequentialLaunchesComplete() {
        let launcher = ProcessShellLauncher()
        var succeeded = 0
        for index in 0..<200 {
            let run = ShellTestSupport.run(ShellRequest(key: ShellTestSupport.key("true", attempt: index + 1), command: "true",
                                                        environment: [], workingDirectory: ""), on: launcher)
            if run.outcome?.exitCode == 0 { succeeded += 1 }
        }
        XCTAssertEqual(succeeded, 200)
        XCTAssertEqual(launcher.runningCount, 0)
        ShellTestSupport.assertNoZombieChildren()
    }

    func testWaitForEventTimesOutWhenIdle() {
        let launcher = ProcessShellLauncher()
        let started = ShellTestSupport.monotonicSeconds()
        XCTAssertFalse(launcher.waitForEvent(milliseconds: 100))
        XCTAssertGreaterThanOrEqual(ShellTestSupport.monotonicSeconds() - started, 0.09)
        XCTAssertEqual(launcher.drain(), [])
    }
}
