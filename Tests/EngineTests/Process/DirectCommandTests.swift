#if canImport(Glibc)
import Glibc
#endif
import XCTest
@testable import Engine

/// Plain commands skip `/bin/sh` (see `DirectCommand`), and nothing a step
/// can observe changes: the same environment, working directory, argument
/// zero, exit status and errors as through the shell.
final class DirectCommandTests: XCTestCase {
    func testPlainCommandsAreSplitIntoWords() {
        XCTAssertEqual(DirectCommand("true")?.arguments, ["true"])
        XCTAssertEqual(DirectCommand("  python3\ttrain.py --rows=100  data/x.csv ")?.arguments,
                       ["python3", "train.py", "--rows=100", "data/x.csv"])
        XCTAssertEqual(DirectCommand("./bin/tool -v a,b:c@d%e+f")?.arguments, ["./bin/tool", "-v", "a,b:c@d%e+f"])
        XCTAssertEqual(DirectCommand("café --naïve")?.arguments, ["café", "--naïve"])
    }

    func testAnythingTheShellWouldInterpretNeedsTheShell() {
        for command in ["echo $HOME", "a 'b c'", #"a "b""#, #"a b\ c"#, "ls *.csv", "ls data?", "ls [ab]",
                        "a > out", "a < in", "a | b", "a; b", "a && b", "a & ", "(a)", "{ a; }", "a # note",
                        "ls ~", "a `b`", "!a", "a\nb", "a\rb", "a\u{1}b", "a\u{7f}b", "a ^b", "", "   "] {
            XCTAssertNil(DirectCommand(command), "\(command.debugDescription) needs the shell")
        }
    }

    func testKeywordsBuiltinsAndAssignmentsNeedTheShell() {
        for command in ["cd /tmp", "export A", "exit 3", "set -e", "if", "for", "while", "test -f x", "echo -e x",
                        "printf x", "pwd", "kill -l", "exec ls", "eval x", ". ./env.sh", "source env.sh",
                        "ulimit -n", "umask 022", "wait", "trap x INT", "A=1 env", "A=1", "true --help",
                        "false --version"] {
            XCTAssertNil(DirectCommand(command), "\(command) needs the shell")
        }
        XCTAssertEqual(DirectCommand("true")?.arguments, ["true"], "the program behaves as the builtin without arguments")
        XCTAssertEqual(DirectCommand("false")?.arguments, ["false"])
        XCTAssertEqual(DirectCommand("env A=1")?.arguments, ["env", "A=1"], "only a first word is an assignment")
    }

    func testResolvesAlongThePathLikeTheShell() throws {
        let directory = ShellTestSupport.temporaryDirectory()
        defer { _ = try? FileManager.default.removeItem(atPath: directory) }
        let tool = directory + "/tool", plain = directory + "/plain"
        XCTAssertTrue(FileManager.default.createFile(atPath: tool, contents: Data("#!/bin/sh\n".utf8),
                                                     attributes: [.posixPermissions: 0o755]))
        XCTAssertTrue(FileManager.default.createFile(atPath: plain, contents: Data(), attributes: [.posixPermissions: 0o644]))
        try FileManager.default.createDirectory(atPath: directory + "/sub", withIntermediateDirectories: false)

        XCTAssertEqual(DirectCommand.resolve("tool", searchPath: "/nonexistent:\(directory)/"), tool)
        XCTAssertNil(DirectCommand.resolve("plain", searchPath: directory), "not executable")
        XCTAssertNil(DirectCommand.resolve("sub", searchPath: directory), "a directory")
        XCTAssertNil(DirectCommand.resolve("tool", searchPath: "bin:\(directory)"), "a relative entry depends on the step's directory")
        XCTAssertNil(DirectCommand.resolve("tool", searchPath: ":\(directory)"), "so does an empty one")
        XCTAssertEqual(DirectCommand.resolve("./x/y", searchPath: ""), "./x/y", "a path is used as written")
        XCTAssertEqual(DirectCommand.resolve("true", searchPath: "/usr/bin:/bin"), "/usr/bin/true")
    }

    func testEnvironmentKeepsIdentifiersAndNamesTheWorkingDirectory() throws {
        let directory = ShellTestSupport.temporaryDirectory()
        defer { _ = try? FileManager.default.removeItem(atPath: directory) }
        let texts = ["A=1", "_B2=", "BAD-NAME=x", "NOEQUALS", "PWD=/somewhere/else", "2X=y"]
        let lines: [UnsafeMutablePointer<CChar>?] = texts.map { strdup($0) }
        defer { lines.forEach { free($0) } }
        let block: [UnsafeMutablePointer<CChar>?] = lines + [nil]
        let passed = try XCTUnwrap(DirectCommand.environment(block, workingDirectory: directory + "/."))
        defer { free(passed.pwd) }
        XCTAssertNil(passed.block.last ?? nil, "NULL-terminated")
        XCTAssertEqual(passed.block.compactMap { $0.map { String(cString: $0) } }, ["A=1", "_B2=", "PWD=" + directory])
        XCTAssertEqual(DirectCommand.value(of: "A", in: block), "1")
        XCTAssertNil(DirectCommand.value(of: "_B", in: block))
        XCTAssertNil(DirectCommand.environment(block, workingDirectory: directory + "/missing"))
    }

    func testAnInheritedPWDNamingTheDirectoryIsKept() throws {
        let directory = ShellTestSupport.temporaryDirectory()
        defer { _ = try? FileManager.default.removeItem(atPath: directory) }
        let link = directory + "-link"
        XCTAssertEqual(symlink(directory, link), 0)
        defer { unlink(link) }
        let line = strdup("PWD=" + link)
        defer { free(line) }
        let passed = try XCTUnwrap(DirectCommand.environment([line, nil], workingDirectory: directory))
        defer { free(passed.pwd) }
        XCTAssertEqual(String(cString: passed.pwd), "PWD=" + link, "the logical path, as dash keeps it")
    }

    // MARK: - Through the launcher, against the shell

    /// The parent of the step's process: this test process when the shell
    /// was skipped.
    private func parentPID(_ command: String) -> Int32? {
        let run = ShellTestSupport.run(ShellTestSupport.request(command))
        return run.stdout.first.flatMap { Int32($0.split(separator: "\t").last ?? "") }
    }

    func testPlainCommandsRunWithoutTheShellAndOthersWithIt() {
        XCTAssertEqual(parentPID("grep PPid /proc/self/status"), getpid())
        XCTAssertNotEqual(parentPID("grep PPid /proc/self/status; true"), getpid())
        XCTAssertNotEqual(parentPID("grep PPid /proc/self/status"), nil)
    }

    func testTheStepSeesWhatTheShellWouldHaveGivenIt() {
        let directory = ShellTestSupport.temporaryDirectory()
        defer { _ = try? FileManager.default.removeItem(atPath: directory) }
        setenv("FLIGHTDECK_TEST-DASHED", "dropped by the shell", 1)
        defer { unsetenv("FLIGHTDECK_TEST-DASHED") }
        let environment = [EnvironmentEntry(name: "ROWS", value: "10 000; $(no)"), EnvironmentEntry(name: "BAD-NAME", value: "x")]
        let direct = ShellTestSupport.run(ShellTestSupport.request("env", environment: environment, workingDirectory: directory))
        let shell = ShellTestSupport.run(ShellTestSupport.request("env;", environment: environment, workingDirectory: directory))
        XCTAssertEqual(direct.stdout.sorted(), shell.stdout.sorted())
        XCTAssertTrue(direct.stdout.contains("PWD=" + directory))
        XCTAssertTrue(direct.stdout.contains("ROWS=10 000; $(no)"))
        XCTAssertFalse(direct.stdout.contains { $0.hasPrefix("BAD-NAME=") || $0.hasPrefix("FLIGHTDECK_TEST-DASHED=") })

        let argumentZero = ShellTestSupport.run(ShellTestSupport.request("head -c 4 /proc/self/cmdline"))
        XCTAssertEqual(argumentZero.stdout, ["head"], "argument zero as written, as the shell passes it")
    }

    func testStatusAndErrorsAreTheShells() throws {
        let failing = ShellTestSupport.run(ShellTestSupport.request("ls /nonexistent-flightdeck-path"))
        XCTAssertEqual(failing.outcome?.exitCode, 2)
        XCTAssertEqual(ShellTestSupport.run(ShellTestSupport.request("false")).outcome?.exitCode, 1)

        let missing = ShellTestSupport.run(ShellTestSupport.request("no-such-program-flightdeck --flag"))
        XCTAssertEqual(missing.outcome?.exitCode, 127)
        XCTAssertEqual(missing.stderr.count, 1)
        XCTAssertTrue(missing.stderr.first?.contains("not found") ?? false, "\(missing.stderr)")

        let directory = ShellTestSupport.temporaryDirectory()
        defer { _ = try? FileManager.default.removeItem(atPath: directory) }
        // No #! line: exec fails with ENOEXEC and the shell runs it as a script.
        XCTAssertTrue(FileManager.default.createFile(atPath: directory + "/script", contents: Data("echo from script $1\n".utf8),
                                                     attributes: [.posixPermissions: 0o755]))
        XCTAssertTrue(FileManager.default.createFile(atPath: directory + "/locked", contents: Data("echo no\n".utf8),
                                                     attributes: [.posixPermissions: 0o644]))
        let script = ShellTestSupport.run(ShellTestSupport.request("./script one", workingDirectory: directory))
        XCTAssertEqual(script.stdout, ["from script one"])
        XCTAssertEqual(script.outcome?.exitCode, 0)
        let locked = ShellTestSupport.run(ShellTestSupport.request("./locked", workingDirectory: directory))
        XCTAssertEqual(locked.outcome?.exitCode, 126, "not executable (even for root), as the shell says")
        XCTAssertTrue(locked.stderr.first?.contains("Permission denied") ?? false, "\(locked.stderr)")
        ShellTestSupport.assertNoZombieChildren()
    }
}
