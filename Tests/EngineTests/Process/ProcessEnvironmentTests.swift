import Engine
import Glibc
import XCTest

/// Environment handling of `ProcessShellLauncher`.
final class ProcessEnvironmentTests: XCTestCase {
    func testInheritsTheEnvironmentAndAddsEntries() {
        setenv("FLIGHTDECK_TEST_INHERITED", "from-parent", 1)
        defer { unsetenv("FLIGHTDECK_TEST_INHERITED") }
        let run = ShellTestSupport.run(ShellTestSupport.request(
            #"echo "$FLIGHTDECK_TEST_INHERITED"; echo "$ROWS""#,
            environment: [EnvironmentEntry(name: "ROWS", value: "20000")]))
        XCTAssertEqual(run.stdout, ["from-parent", "20000"])
    }

    func testEntriesOverrideInheritedAndEarlierEntries() {
        setenv("FLIGHTDECK_TEST_OVERRIDDEN", "parent", 1)
        defer { unsetenv("FLIGHTDECK_TEST_OVERRIDDEN") }
        let run = ShellTestSupport.run(ShellTestSupport.request(
            #"echo "$FLIGHTDECK_TEST_OVERRIDDEN"; echo "$X"; env | grep -c '^X=' "#,
            environment: [EnvironmentEntry(name: "FLIGHTDECK_TEST_OVERRIDDEN", value: "step"),
                          EnvironmentEntry(name: "X", value: "first"),
                          EnvironmentEntry(name: "X", value: "second")]))
        XCTAssertEqual(run.stdout, ["step", "second", "1"])
    }

    func testParameterValuesAreNeverExecuted() {
        let value = "x; echo INJECTED $(echo SUBST) `echo BACKTICK`"
        let run = ShellTestSupport.run(ShellTestSupport.request(
            #"echo "$P"; echo $P"#,
            environment: [EnvironmentEntry(name: "P", value: value)]))
        XCTAssertEqual(run.stdout, [value, value])
        XCTAssertFalse(run.stdout.contains("INJECTED"))
        XCTAssertEqual(run.outcome?.exitCode, 0)
    }

    func testSignalsTheParentIgnoresAreDefaultInTheChild() {
        let previous = signal(SIGTERM, SIG_IGN)
        defer { signal(SIGTERM, previous) }
        // With SIGTERM ignored in the child the shell would survive this.
        let run = ShellTestSupport.run(ShellTestSupport.request("kill -TERM $$; echo survived"))
        XCTAssertEqual(run.outcome?.signal, SIGTERM)
        XCTAssertEqual(run.stdout, [])
    }

    func testTheLaunchingThreadsSignalMaskIsNotInherited() {
        var blocked = sigset_t()
        sigemptyset(&blocked)
        sigaddset(&blocked, SIGTERM)
        var previous = sigset_t()
        pthread_sigmask(SIG_BLOCK, &blocked, &previous)
        defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
        let run = ShellTestSupport.run(ShellTestSupport.request("kill -TERM $$; echo survived"))
        XCTAssertEqual(run.outcome?.signal, SIGTERM)
        XCTAssertEqual(run.stdout, [])
    }
}
