import XCTest
@testable import Engine

final class ShellCommandTemplateTests: XCTestCase {
    func testParamsBecomeQuotedVariablesForTheirQuotingContext() {
        XCTAssertEqual(ShellCommandTemplate.command("train --rows ${params.rows}"), "train --rows \"${FLIGHTDECK_PARAM_ROWS}\"")
        XCTAssertEqual(ShellCommandTemplate.command("echo \"rows=${params.rows}!\""), "echo \"rows=${FLIGHTDECK_PARAM_ROWS}!\"")
        XCTAssertEqual(ShellCommandTemplate.command("echo 'rows=${params.rows}'"), "echo 'rows='\"${FLIGHTDECK_PARAM_ROWS}\"''")
        XCTAssertEqual(ShellCommandTemplate.command("run ${params.max-depth}"), "run \"${FLIGHTDECK_PARAM_MAX_DEPTH}\"")
        XCTAssertEqual(ShellCommandTemplate.command("echo \\\"${params.a}"), "echo \\\"\"${FLIGHTDECK_PARAM_A}\"", "an escaped quote opens nothing")
        XCTAssertEqual(ShellCommandTemplate.command("echo ${HOME} $1"), "echo ${HOME} $1", "other expansions are left alone")
    }

    func testEnvValuesGetTheValue() {
        let params = [ParamBinding(name: "rows", value: "500")]
        XCTAssertEqual(ShellCommandTemplate.environmentValue("${params.rows}", params: params), "500")
        XCTAssertEqual(ShellCommandTemplate.environmentValue("n=${params.rows}/${params.rows}", params: params), "n=500/500")
        XCTAssertEqual(ShellCommandTemplate.environmentValue("${params.nope}x", params: params), "x")
    }

    func testHostileParamValueNeverReachesTheCommandText() throws {
        let shell = FakeShellLauncher()
        let hostile = "x\"; rm -rf / #'$(reboot)`id`"
        let pipeline = PipelineSpec(id: "p", params: [ParamSpec(name: "name", defaultValue: .string("ok"))], steps: [
            PT.shell("greet", "echo hello ${params.name} && echo \"${params.name}\"", env: [EnvironmentEntry(name: "WHO", value: "${params.name}!")]),
        ])
        let engine = try PT.engine(PT.project([pipeline]), shell: shell)
        let run = engine.triggerRun("p", [ParamBinding(name: "name", value: hostile)])
        let request = try XCTUnwrap(shell.launched.first)
        XCTAssertEqual(request.command, "echo hello \"${FLIGHTDECK_PARAM_NAME}\" && echo \"${FLIGHTDECK_PARAM_NAME}\"")
        XCTAssertFalse(request.command.contains("rm -rf"))
        XCTAssertFalse(request.command.contains("reboot"))
        XCTAssertEqual(request.environment, [
            EnvironmentEntry(name: "WHO", value: hostile + "!"),
            EnvironmentEntry(name: "FLIGHTDECK_PARAM_NAME", value: hostile),
            EnvironmentEntry(name: "FLIGHTDECK_RUN_ID", value: "\(run.value)"),
            EnvironmentEntry(name: "FLIGHTDECK_STEP", value: "greet"),
            EnvironmentEntry(name: "FLIGHTDECK_ATTEMPT", value: "1"),
        ])
        XCTAssertEqual(request.workingDirectory, "/proj")
        XCTAssertEqual(request.key, AttemptKey(run: run, step: "greet", attempt: 1))
    }
}
