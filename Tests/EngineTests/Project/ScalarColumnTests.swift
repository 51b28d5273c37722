import XCTest
@testable import Engine

/// Errors inside a scalar (durations, cron fields, `${params.NAME}`) point
/// at the offending character in the file, whatever the quoting.
final class ScalarColumnTests: XCTestCase {
    private func project(_ steps: String, extra: String = "") -> String {
        "project: demo\npipelines:\n  p:\n    params: {rows: 1}\n" + extra + "    steps:\n" + steps + "\n"
    }

    func testDurationErrorColumnPlain() {
        // `1.5h`: the '.' (offset 1) is the problem.
        XCTAssertEqual(ProjectTestSupport.errors(project("      a: {run: x, retry_delay: 1.5h}")),
                       ["6:33: retry_delay: invalid duration '1.5h': expected a whole number with a unit (write 1h30m, not 1.5h)"])
    }

    func testDurationErrorColumnQuoted() {
        XCTAssertEqual(ProjectTestSupport.errors(project("      a: {run: x, timeout: \"10 m\"}")),
                       ["6:31: timeout: invalid duration '10 m': expected a unit after the number: d, h, m, s or ms"])
        XCTAssertEqual(ProjectTestSupport.errors(project("      a: {run: x, timeout: '10x'}")),
                       ["6:31: timeout: invalid duration '10x': expected a unit after the number: d, h, m, s or ms"])
    }

    func testDistributionErrorColumn() {
        // lognormal's sigma `x` is at offset 15 of the text.
        XCTAssertEqual(ProjectTestSupport.errors(project("      a: {simulate: {duration: \"lognormal(30s, x)\"}}")),
                       ["6:48: duration: invalid duration 'lognormal(30s, x)': expected sigma, a number like 0.5"])
        XCTAssertEqual(ProjectTestSupport.errors(project("      a:\n        simulate:\n          duration: gamma(3s)")),
                       ["8:21: duration: invalid duration 'gamma(3s)': expected " + DurationDistribution.expectedForm])
    }

    func testEveryDurationColumn() {
        XCTAssertEqual(ProjectTestSupport.errors(project("      a: {run: x}", extra: "    every: 6hours\n")),
                       ["5:14: every: invalid duration '6hours': expected a duration like 30s, 15m, 6h or 7d"])
    }

    func testCronFieldColumn() {
        XCTAssertEqual(ProjectTestSupport.errors(project("      a: {run: x}", extra: "    schedule: \"0 25 * * *\"\n")),
                       ["5:18: schedule: invalid cron expression '0 25 * * *': hour 25 is out of range 0-23"])
        XCTAssertEqual(ProjectTestSupport.errors(project("      a: {run: x}", extra: "    schedule: 0 2 * * fryday\n")),
                       ["5:23: schedule: invalid cron expression '0 2 * * fryday': 'fryday' is not a valid day of week (expected 0-7 or a name such as sun)"])
        XCTAssertEqual(ProjectTestSupport.errors(project("      a: {run: x}", extra: "    schedule: '* * *'\n")),
                       ["5:16: schedule: invalid cron expression '* * *': expected 5 fields (minute hour day-of-month month day-of-week), found 3"])
    }

    func testParamReferenceColumnsInRunAndEnv() {
        XCTAssertEqual(ProjectTestSupport.errors(project("""
              a:
                run: echo ${params.rows} ${params.rws}
                env: {N: "n=${params.count}", M: "${params.rows"}
        """)), [
            "7:34: run: unknown param 'rws' in ${params.rws}; did you mean 'rows'?",
            "8:21: env.N: unknown param 'count' in ${params.count}; declared params: rows",
            "8:43: env.M: unterminated ${params.; expected ${params.NAME}",
        ])
    }

    func testParamReferenceWithoutParams() {
        XCTAssertEqual(ProjectTestSupport.errors("project: demo\npipelines:\n  p:\n    steps:\n      a: {run: 'echo ${params.rows}'}\n"),
                       ["5:22: run: unknown param 'rows' in ${params.rows}; pipeline 'p' declares no params"])
    }

    func testShellVariablesAreNotParams() throws {
        XCTAssertNotNil(ProjectTestSupport.spec(project("      a: {run: 'echo ${HOME} $PATH ${params.rows}'}")))
    }

    func testBlockScalarFallsBackToItsStart() {
        XCTAssertEqual(ProjectTestSupport.errors(project("      a:\n        run: |\n          echo ${params.nope}")),
                       ["7:14: run: unknown param 'nope' in ${params.nope}; declared params: rows"])
    }

    func testEscapedQuotedTextFallsBackToItsStart() {
        // The \t escape makes the text differ from the source, so the error points at the scalar.
        XCTAssertEqual(ProjectTestSupport.errors(project("      a: {run: \"a\\tb ${params.nope}\"}")),
                       ["6:16: run: unknown param 'nope' in ${params.nope}; declared params: rows"])
    }

    func testReferences() {
        let references = ParamTemplateCheck.references(in: "a ${params.x} ${params.long_name}${params.")
        XCTAssertEqual(references.map(\.offset), [2, 14, 33])
        XCTAssertEqual(references.map(\.name), ["x", "long_name", nil])
    }
}
