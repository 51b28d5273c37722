import Engine
import Glibc
import XCTest

/// Output capture of `ProcessShellLauncher`: streams, lines, bytes verbatim.
final class ProcessOutputCaptureTests: XCTestCase {
    func testBothStreamsAreCapturedInOrderWithIncreasingOffsets() {
        let run = ShellTestSupport.run(ShellTestSupport.request(
            "for i in 1 2 3 4 5; do echo out$i; echo err$i >&2; done; sleep 0.3; echo late; echo late-err >&2"))
        XCTAssertEqual(run.stdout, ["out1", "out2", "out3", "out4", "out5", "late"])
        XCTAssertEqual(run.stderr, ["err1", "err2", "err3", "err4", "err5", "late-err"])
        XCTAssertEqual(run.stdoutOffsets, run.stdoutOffsets.sorted())
        XCTAssertEqual(run.stderrOffsets, run.stderrOffsets.sorted())
        // The line written after the sleep carries a later offset.
        XCTAssertGreaterThanOrEqual(run.stdoutOffsets[5] - run.stdoutOffsets[4], 200)
        XCTAssertGreaterThanOrEqual(run.stderrOffsets[5] - run.stderrOffsets[4], 200)
        XCTAssertGreaterThanOrEqual(run.outcome?.realDurationMilliseconds ?? 0, 250)
        XCTAssertEqual(run.outcome?.exitCode, 0)
    }

    func testPartialFinalLineIsFlushedAndCarriageReturnsStripped() {
        let run = ShellTestSupport.run(ShellTestSupport.request(#"printf 'a\r\nb\n\nc\r'; printf 'tail' >&2"#))
        XCTAssertEqual(run.stdout, ["a", "b", "", "c"])
        XCTAssertEqual(run.stderr, ["tail"])
    }

    func testLongLinesAreSplitAt16KiB() {
        let run = ShellTestSupport.run(ShellTestSupport.request("head -c 40000 /dev/zero | tr '\\0' 'a'; echo; echo short"))
        XCTAssertEqual(run.stdout.map(\.count), [16_384, 16_384, 7_232, 5])
        XCTAssertTrue(run.stdout[0].allSatisfy { $0 == "a" })
        XCTAssertEqual(run.stdout.last, "short")
    }

    func testEscapeSequencesAreKeptVerbatim() {
        let run = ShellTestSupport.run(ShellTestSupport.request(#"printf '\033[31mred\033[0m \033]0;title\007 done\n'"#))
        XCTAssertEqual(run.stdout, ["\u{1B}[31mred\u{1B}[0m \u{1B}]0;title\u{07} done"])
    }

    func testExitCodes() {
        let launcher = ProcessShellLauncher()
        XCTAssertEqual(ShellTestSupport.run(ShellTestSupport.request("exit 0"), on: launcher).outcome?.exitCode, 0)
        let three = ShellTestSupport.run(ShellTestSupport.request("echo before; exit 3"), on: launcher)
        XCTAssertEqual(three.outcome?.exitCode, 3)
        XCTAssertNil(three.outcome?.signal)
        XCTAssertEqual(three.outcome?.succeeded, false)
        XCTAssertEqual(three.stdout, ["before"])
        let missing = ShellTestSupport.run(ShellTestSupport.request("flightdeck-no-such-command-xyz"), on: launcher)
        XCTAssertEqual(missing.outcome?.exitCode, 127)
        XCTAssertFalse(missing.stderr.isEmpty, "the shell says the command was not found")
        XCTAssertNil(missing.outcome?.launchError)
    }

    func testDeathBySignalIsDecoded() {
        let run = ShellTestSupport.run(ShellTestSupport.request("kill -KILL $$"))
        XCTAssertNil(run.outcome?.exitCode)
        XCTAssertEqual(run.outcome?.signal, SIGKILL)
        XCTAssertEqual(run.outcome?.timedOut, false)
        XCTAssertEqual(run.outcome?.cancelled, false)
    }

    func testStdinIsDevNull() {
        let run = ShellTestSupport.run(ShellTestSupport.request("wc -c; echo done"))
        XCTAssertEqual(run.stdout.map { $0.trimmingCharacters(in: .whitespaces) }, ["0", "done"])
    }

    func testWorkingDirectoryIsRespected() {
        let directory = ShellTestSupport.temporaryDirectory()
        defer { rmdir(directory) }
        let run = ShellTestSupport.run(ShellTestSupport.request("pwd -P", workingDirectory: directory))
        let resolved = realpath(directory, nil).map { pointer in
            defer { free(pointer) }
            return String(cString: pointer)
        }
        XCTAssertEqual(run.stdout, [resolved ?? directory])
    }

    func testMissingWorkingDirectoryIsALaunchError() {
        let launcher = ProcessShellLauncher()
        let run = ShellTestSupport.run(ShellTestSupport.request("echo never", workingDirectory: "/nonexistent/flightdeck"),
                                       on: launcher)
        XCTAssertEqual(run.stdout, [])
        let error = try? XCTUnwrap(run.outcome?.launchError)
        XCTAssertTrue(error?.contains("/nonexistent/flightdeck") ?? false, error ?? "no launch error")
        XCTAssertEqual(run.outcome?.succeeded, false)
        XCTAssertEqual(launcher.runningCount, 0)
    }
}
