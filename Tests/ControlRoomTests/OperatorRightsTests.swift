import Engine
import TUICore
import TUITestSupport
import XCTest
@testable import ControlRoom

/// The operator's rights in the control room: hidden keys, refused
/// actions, the `read-only` header.
final class OperatorRightsTests: XCTestCase {
    private let policy = AccessPolicy(
        grants: [AccessGrant(right: .approve, principals: [.user("alice"), .group("ml-leads")]),
                 AccessGrant(right: .archive, principals: [])],
        readOnly: [.user("guest")], isDeclared: true)

    private func render(_ state: UIState, rights: OperatorRights, width: Int = 80, height: Int = 24) -> CellBuffer {
        ControlRoomView.render(
            snapshot: Engine(configuration: EngineConfiguration(projectName: "fraud-detection", seed: 42)).snapshot(),
            state: state, context: RenderContext(palette: .monochrome, glyphs: .unicode, rights: rights),
            width: width, height: height)
    }

    func testRightsFollowThePolicy() {
        let bob = OperatorRights(policy: policy, user: "bob", groups: ["staff"], readOnly: false)
        XCTAssertFalse(bob.isReadOnly)
        XCTAssertEqual(bob.refusal(for: .approve), "bob may not approve: allowed for alice, group ml-leads")
        XCTAssertEqual(bob.refusal(for: .archive), "bob may not archive: allowed for no one")
        XCTAssertTrue(bob.holds(.trigger))
        let lead = OperatorRights(policy: policy, user: "carol", groups: ["ml-leads"], readOnly: false)
        XCTAssertTrue(lead.holds(.approve))
        XCTAssertFalse(lead.holds(.archive))
    }

    func testReadOnlyHoldsNothing() {
        let session = OperatorRights(policy: .open, user: "alice", groups: [], readOnly: true)
        let guest = OperatorRights(policy: policy, user: "guest", groups: [], readOnly: false)
        for rights in [session, guest] {
            XCTAssertTrue(rights.isReadOnly)
            XCTAssertTrue(AccessRight.allCases.allSatisfy { !rights.holds($0) })
        }
        XCTAssertEqual(session.refusal(for: .control), "read-only session: control is not available (started with --read-only)")
        XCTAssertEqual(guest.refusal(for: .trigger), "guest is read-only on this project (access: read_only)")
        XCTAssertEqual(OperatorRights(policy: .open, user: "x", groups: [], readOnly: false), .all)
    }

    func testActionsNeedTheRightsOfTheirCommands() {
        let who = DecisionIdentity(user: "x", wallTime: "2026-01-01T00:00:00Z")
        let pairs: [(Action, EngineCommand)] = [
            (.togglePause, .togglePause), (.faster, .faster), (.slower, .slower),
            (.triggerRun, .trigger(pipeline: "p", params: [], by: nil)), (.cancelRun, .cancelRun(RunID(1), by: nil)),
            (.rerunFromFailure, .rerunFromFailure(RunID(1), by: nil)),
            (.approveVersion, .approve(model: "m", version: 1, reason: "ok", identity: who)),
            (.rejectVersion, .reject(model: "m", version: 1, reason: "no", identity: who)),
            (.archiveVersion, .archive(model: "m", version: 1, by: "x")),
            (.promoteRollout, .rollout(deployment: "d", action: .promote, reason: nil, identity: who)),
            (.abortRollout, .rollout(deployment: "d", action: .abort, reason: nil, identity: who)),
            (.retryRollout, .rollout(deployment: "d", action: .retry, reason: nil, identity: who)),
            (.setRolloutWeight, .setRolloutWeight(deployment: "d", percent: 10, by: "x")),
            (.acknowledgeAlert, .acknowledgeAlert("a", identity: who, reason: nil)),
        ]
        for (action, command) in pairs {
            XCTAssertEqual(action.requiredRight, command.requiredRight, "\(action)")
        }
        for action in [Action.openHelp, .drillIn, .compareVersions, .openSubject, .moveSelection(1)] {
            XCTAssertNil(action.requiredRight, "\(action)")
        }
    }

    func testARefusedKeySendsNothingAndSaysWhoMay() {
        let readOnly = OperatorRights(policy: .open, user: "alice", groups: [], readOnly: true)
        var state = UIState()
        XCTAssertEqual(Reducer.handle(.char(" "), state: &state, context: ReducerContext(rights: readOnly)), [])
        XCTAssertEqual(state.status, StatusMessage("read-only session: control is not available (started with --read-only)", isError: true))

        var allowed = UIState()
        XCTAssertEqual(Reducer.handle(.char(" "), state: &allowed, context: ReducerContext()), [.togglePause])
        XCTAssertNil(allowed.status)

        var models = UIState(screen: .models)
        let bob = OperatorRights(policy: policy, user: "bob", groups: [], readOnly: false)
        XCTAssertEqual(Reducer.handle(.char("a"), state: &models, context: ReducerContext(rights: bob)), [])
        XCTAssertEqual(models.mode, .normal, "no reason dialog opens")
        XCTAssertEqual(models.status?.text, "bob may not approve: allowed for alice, group ml-leads")
    }

    func testARefusedCommandLineSendsNothing() {
        let readOnly = OperatorRights(policy: .open, user: "alice", groups: [], readOnly: true)
        var state = UIState()
        let speed = [KeyEvent.char(":")] + "speed 600".map(KeyEvent.char) + [.enter]
        for key in speed {
            XCTAssertEqual(Reducer.handle(key, state: &state, context: ReducerContext(rights: readOnly)), [])
        }
        XCTAssertEqual(state.status, StatusMessage("read-only session: control is not available (started with --read-only)", isError: true))
        XCTAssertEqual(state.mode, .normal)
        var screens = UIState()
        let models = [KeyEvent.char(":")] + "models".map(KeyEvent.char) + [.enter]
        for key in models {
            _ = Reducer.handle(key, state: &screens, context: ReducerContext(rights: readOnly))
        }
        XCTAssertEqual(screens.screen, .models, "moving between screens needs no right")
    }

    func testHintBarWithAndWithoutRights() {
        let readOnly = OperatorRights(policy: .open, user: "alice", groups: [], readOnly: true)
        let full = render(UIState(screen: .pipelines), rights: .all)
        let watching = render(UIState(screen: .pipelines), rights: readOnly)
        assertSnapshot(full, named: "pipelines-all-rights-80x24")
        assertSnapshot(watching, named: "pipelines-read-only-80x24")
        XCTAssertTrue(full.lines[23].contains("t Trigger"), full.lines[23])
        XCTAssertFalse(watching.lines[23].contains("Trigger"), watching.lines[23])
        XCTAssertFalse(watching.lines[23].contains("Pause"), watching.lines[23])
        XCTAssertTrue(watching.lines[23].contains("Follow"), "keys that only change the view stay: \(watching.lines[23])")
        XCTAssertTrue(watching.lines[0].contains("read-only"), watching.lines[0])
        XCTAssertFalse(full.lines[0].contains("read-only"), full.lines[0])
    }

    func testModelsHintsHideOnlyTheRefusedRights() {
        let bob = OperatorRights(policy: policy, user: "bob", groups: [], readOnly: false)
        let buffer = render(UIState(screen: .models), rights: bob, width: 120, height: 40)
        assertSnapshot(buffer, named: "models-without-approve-120x40")
        let hints = buffer.lines[39]
        XCTAssertFalse(hints.contains("Approve") || hints.contains("Reject") || hints.contains("Archive"), hints)
        XCTAssertTrue(hints.contains("d Compare"), hints)
        XCTAssertTrue(hints.contains("Pause"), "bob holds control: \(hints)")
        XCTAssertFalse(buffer.lines[0].contains("read-only"))
    }

    func testHelpLeavesOutRefusedKeys() {
        let bob = OperatorRights(policy: policy, user: "bob", groups: [], readOnly: false)
        let restricted = HelpOverlay.lines(keyMap: KeyMap.standard.allowing(bob), rights: bob).map(\.1)
        let full = HelpOverlay.lines(keyMap: KeyMap.standard).map(\.1)
        let approve = "Approve the selected version (asks for a reason)"
        XCTAssertTrue(full.contains(approve))
        XCTAssertFalse(restricted.contains(approve))
        XCTAssertTrue(restricted.contains("Trigger the selected pipeline (asks for params)"))
        let readOnly = OperatorRights(policy: .open, user: "alice", groups: [], readOnly: true)
        let watching = HelpOverlay.lines(keyMap: KeyMap.standard.allowing(readOnly), rights: readOnly)
        XCTAssertFalse(watching.contains { $0.0.hasPrefix(":pause") || $0.0.hasPrefix(":speed") })
        XCTAssertTrue(watching.contains { $0.0 == "hidden keys" })
        XCTAssertTrue(watching.contains { $0.0.hasPrefix(":overview") })
    }
}
