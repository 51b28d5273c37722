import Engine
import Foundation
import Glibc
import XCTest

/// What one shell attempt produced, collected from a launcher's events.
struct CollectedRun {
    var stdout: [String] = []
    var stderr: [String] = []
    var stdoutOffsets: [Int64] = []
    var stderrOffsets: [Int64] = []
    var outcome: ShellOutcome?
    var finishedCount = 0
}

enum ShellTestSupport {
    static func key(_ step: String, run: Int64 = 1, attempt: Int = 1) -> AttemptKey {
        AttemptKey(run: RunID(run), step: step, attempt: attempt)
    }

    static func request(_ command: String, step: String = "step", environment: [EnvironmentEntry] = [],
                        workingDirectory: String = "", timeout: SimDuration? = nil,
                        killGrace: SimDuration = .seconds(5)) -> ShellRequest {
        ShellRequest(key: key(step), command: command, environment: environment, workingDirectory: workingDirectory,
                     timeout: timeout, killGrace: killGrace)
    }

    /// Collects events until every key in `keys` has finished or the
    /// deadline passes; events are grouped by key.
    static func collect(_ launcher: ProcessShellLauncher, keys: [AttemptKey],
                        deadlineSeconds: Double = 30) -> [AttemptKey: CollectedRun] {
        var runs: [AttemptKey: CollectedRun] = [:]
        var finished = 0
        let deadline = monotonicSeconds() + deadlineSeconds
        while finished < keys.count && monotonicSeconds() < deadline {
            _ = launcher.waitForEvent(milliseconds: 200)
            for event in launcher.drain() {
                switch event {
                case .output(let key, let stream, let line, let offset):
                    XCTAssertNil(runs[key]?.outcome, "output after finished for \(key)")
                    switch stream {
                    case .stdout:
                        runs[key, default: CollectedRun()].stdout.append(line)
                        runs[key, default: CollectedRun()].stdoutOffsets.append(offset)
                    case .stderr:
                        runs[key, default: CollectedRun()].stderr.append(line)
                        runs[key, default: CollectedRun()].stderrOffsets.append(offset)
                    case .system:
                        XCTFail("the launcher never writes system lines")
                    }
                case .finished(let key, let outcome):
                    runs[key, default: CollectedRun()].outcome = outcome
                    runs[key, default: CollectedRun()].finishedCount += 1
                    finished += 1
                }
            }
        }
        return runs
    }

    /// Runs one request to its end.
    static func run(_ request: ShellRequest, on launcher: ProcessShellLauncher = ProcessShellLauncher(),
                    deadlineSeconds: Double = 30, file: StaticString = #filePath, line: UInt = #line) -> CollectedRun {
        launcher.launch(request)
        let run = collect(launcher, keys: [request.key], deadlineSeconds: deadlineSeconds)[request.key] ?? CollectedRun()
        XCTAssertNotNil(run.outcome, "\(request.command) did not finish", file: file, line: line)
        return run
    }

    static func monotonicSeconds() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }

    /// True while `pid` exists and is not a zombie.
    static func isAlive(_ pid: pid_t) -> Bool {
        guard kill(pid, 0) == 0 else { return false }
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return true }
        let state = stat[stat.index(after: close)...].split(separator: " ").first
        return state != "Z" && state != "X"
    }

    /// Waits up to `seconds` for `pid` to be gone.
    static func waitUntilGone(_ pid: pid_t, seconds: Double = 10) -> Bool {
        let deadline = monotonicSeconds() + seconds
        while monotonicSeconds() < deadline {
            if !isAlive(pid) { return true }
            usleep(20_000)
        }
        return !isAlive(pid)
    }

    /// A fresh empty directory.
    static func temporaryDirectory() -> String {
        var template = Array("/tmp/flightdeck-test-XXXXXX".utf8CString)
        let path = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        return String(cString: path!)
    }

    /// Asserts that this process has no unreaped child.
    static func assertNoZombieChildren(file: StaticString = #filePath, line: UInt = #line) {
        var status: Int32 = 0
        let reaped = waitpid(-1, &status, WNOHANG)
        XCTAssertLessThanOrEqual(reaped, 0, "an unreaped child \(reaped) was left behind", file: file, line: line)
    }
}
