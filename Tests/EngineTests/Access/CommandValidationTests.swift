import XCTest
@testable import Engine

/// `EngineCommand.validationProblem`: reasons, names, percents, speeds and
/// durations, checked the same for keys, the CLI and the channel.
final class CommandValidationTests: XCTestCase {
    private let identity = DecisionIdentity(user: "alice", sshClient: "10.0.0.7", wallTime: "2026-03-01T14:05:09Z")

    func testWellFormedCommandsPass() {
        for command in CommandChannelTests.everyCommand {
            XCTAssertNil(command.validationProblem, "\(command)")
        }
    }

    func testMalformedCommandsAreNamed() {
        let long = String(repeating: "r", count: CommandLimits.reasonLength + 1)
        let cases: [(EngineCommand, String)] = [
            (.approve(model: "fraud", version: 2, reason: "  ", identity: identity), "a reason is required"),
            (.reject(model: "fraud", version: 2, reason: long, identity: identity), "the reason is 501 characters long; expected at most 500"),
            (.approve(model: "fraud", version: 2, reason: "ok \u{1B}]0;x\u{07}", identity: identity), "the reason holds a control character (U+001B)"),
            (.approve(model: "fraud", version: 0, reason: "ok", identity: identity), "a version number is at least 1, got 0"),
            (.approve(model: "fraud", version: 2, reason: "ok", identity: DecisionIdentity(user: "", wallTime: "")), "the user name is empty"),
            (.trigger(pipeline: "p", params: [ParamBinding(name: "rows", value: "5\u{9B}2J")], by: nil), "the parameter rows holds a control character (U+009B)"),
            (.trigger(pipeline: String(repeating: "p", count: 201), params: [], by: nil), "the pipeline name is 201 characters long; expected at most 200"),
            (.trigger(pipeline: "p", params: [], by: "bob\n"), "the user name holds a control character (U+000A)"),
            (.setRolloutWeight(deployment: "api", percent: 101, by: "bob"), "the weight must be a percent within 0...100, got 101"),
            (.setRolloutWeight(deployment: "api", percent: -1, by: "bob"), "got -1"),
            (.setSpeed(.multiplier(0)), "the speed must be a multiplier of at least 1x or max, got 0x"),
            (.silenceAlert("a", duration: .seconds(0), identity: identity), "a silence must last a positive duration"),
            (.silenceAlert("a", duration: .hours(24 * 400), identity: identity), "a silence lasts at most 366d"),
            (.rollout(deployment: "api", action: .abort, reason: nil, identity: identity), "abort needs a reason"),
            (.rollout(deployment: "api", action: .abort, reason: " ", identity: identity), "a reason is required"),
            (.moveAlias(model: "m", alias: "champion", version: 2, by: "bob", reason: "x\u{7F}"), "(U+007F)"),
            (.cancelRun(RunID(0)), "a run id is at least 1"),
            (.acknowledgeAlert("a\u{0}", identity: identity), "the alert name holds a control character (U+0000)"),
        ]
        for (command, expected) in cases {
            let problem = command.validationProblem
            XCTAssertTrue(problem?.hasPrefix("invalid command: ") == true, "\(command): \(problem ?? "nil")")
            XCTAssertTrue(problem?.contains(expected) == true, "\(command): \(problem ?? "nil"), expected \(expected)")
        }
        // Optional reasons may be left out; a pause at a gate needs none.
        XCTAssertNil(EngineCommand.rollout(deployment: "api", action: .pause, reason: nil, identity: identity).validationProblem)
        XCTAssertNil(EngineCommand.acknowledgeAlert("a", identity: identity, reason: nil).validationProblem)
        XCTAssertNil(EngineCommand.setRolloutWeight(deployment: "api", percent: 0, by: "bob").validationProblem)
        XCTAssertNil(EngineCommand.approve(model: "m", version: 1, reason: String(repeating: "é", count: 500), identity: identity).validationProblem)
    }

    func testApplyRefusesAMalformedCommandBeforeThePolicyLogsAndAuditsIt() throws {
        let engine = try PT.engine(PT.project([PipelineSpec(id: "p", steps: [PT.sim("a", 60)])]))
        let hostile = String(repeating: "x", count: 1 << 20) + "\u{1B}[2J"
        let result = engine.apply(.trigger(pipeline: "p", params: [ParamBinding(name: "n", value: hostile)], by: "bob"),
                                  origin: CommandOrigin(user: "bob\u{1B}[31m", source: .key))
        XCTAssertEqual(result.outcome, .rejected)
        XCTAssertTrue(result.message.contains("control character (U+001B)"), result.message)
        XCTAssertTrue(result.message.contains("expected at most 1000"), result.message)
        XCTAssertEqual(engine.runs(pipeline: "p"), [], "nothing was triggered")
        let event = try XCTUnwrap(engine.snapshot().recentEvents.last)
        XCTAssertEqual(event.kind, .commandRejected)
        XCTAssertTrue(event.message.hasPrefix("rejected trigger from bob[31m: invalid command: "), event.message)
        let audit = try XCTUnwrap(engine.recentAudit.elements.last)
        XCTAssertEqual(audit.result, "invalid")
        XCTAssertEqual(audit.user, "bob[31m")
        XCTAssertLessThanOrEqual(audit.target.count, CommandLimits.nameLength)
        XCTAssertFalse(audit.target.unicodeScalars.contains { $0.value == 0x1B })
        // The engine carries on.
        XCTAssertEqual(engine.apply(.trigger(pipeline: "p", params: [], by: "bob"), origin: CommandOrigin(user: "bob", source: .key)).outcome, .applied)
    }
}
