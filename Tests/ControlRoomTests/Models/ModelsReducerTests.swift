import Engine
import TUICore
import XCTest
@testable import ControlRoom

final class ModelsReducerTests: XCTestCase {
    private var engine: Engine!
    private let identity = DecisionIdentity(user: "carol", sshClient: "192.0.2.4", wallTime: "2026-03-02T09:30:00Z")

    override func setUpWithError() throws {
        engine = try ModelsFixture.engine()
    }

    private func press(_ keys: [KeyEvent], _ state: inout UIState, identity: DecisionIdentity?? = nil) -> [EngineCommand] {
        keys.flatMap { key -> [EngineCommand] in
            let context = ControlRoomView.reducerContext(snapshot: engine.snapshot(), state: state, user: "carol",
                                                         identity: identity ?? self.identity)
            return Reducer.handle(key, state: &state, context: context)
        }
    }

    private func type(_ text: String) -> [KeyEvent] { text.map { KeyEvent.char($0) } }

    private func data(_ state: UIState) -> ModelsData {
        ModelsData(snapshot: engine.snapshot(), state: state.models, filter: state.filter(for: .models))
    }

    func testPendingApprovalIsSelectedWhenNothingIsSelected() {
        var state = UIState(screen: .overview)
        _ = press([.char("4")], &state)
        XCTAssertEqual(state.screen, .models)
        let data = data(state)
        XCTAssertEqual(data.selectedModel?.id, "fraud")
        XCTAssertEqual(data.selectedVersion?.number, 3, "the pending candidate, not the newest or the champion")
    }

    func testApproveNeedsAReason() {
        var state = UIState(screen: .models)
        XCTAssertEqual(press([.char("a")], &state), [])
        XCTAssertEqual(state.mode, .dialog)
        guard case .decision(let form)? = state.dialog else { return XCTFail("no decision dialog: \(String(describing: state.dialog))") }
        XCTAssertEqual(form.version, 3)
        XCTAssertTrue(form.approve)
        XCTAssertEqual(form.approvers, ["ana"])

        XCTAssertEqual(press([.enter], &state), [], "Enter with an empty reason is refused")
        XCTAssertEqual(state.mode, .dialog)
        guard case .decision(let refused)? = state.dialog else { return XCTFail("dialog closed") }
        XCTAssertEqual(refused.error, "a reason is required: say why you approve v3")
        XCTAssertEqual(press(type("   ") + [.enter], &state), [], "blanks are no reason")
        XCTAssertEqual(state.mode, .dialog)
    }

    func testApproveCarriesTheIdentityAndTheEvidenceShown() throws {
        var state = UIState(screen: .models)
        let evidence = try XCTUnwrap(engine.snapshot().pendingApprovals.first?.evidence)
        let commands = press([.char("a")] + type("holdout auc up") + [.enter], &state)
        XCTAssertEqual(commands, [.approve(model: "fraud", version: 3, reason: "holdout auc up", identity: identity, evidence: evidence)])
        XCTAssertEqual(state.mode, .normal)
        XCTAssertNil(state.dialog)
        XCTAssertEqual(state.models.version, 3, "the selection stays on the version decided on")

        let result = engine.apply(commands[0])
        XCTAssertEqual(result.outcome, .applied, result.message)
        XCTAssertEqual(engine.registry?.decisions("fraud", version: 3).last?.identity, identity)
        XCTAssertEqual(engine.registry?.version("fraud", 3)?.state, .approved)
    }

    func testRejectAsksForAReasonToo() {
        var state = UIState(screen: .models)
        XCTAssertEqual(press([.char("x"), .enter], &state), [])
        XCTAssertEqual(state.mode, .dialog)
        let commands = press(type("too slow") + [.enter], &state)
        guard case .reject(let model, let version, let reason, let who, _)? = commands.first else { return XCTFail("\(commands)") }
        XCTAssertEqual([model, String(version), reason, who.user], ["fraud", "3", "too slow", "carol"])
    }

    func testWithoutAnIdentityNothingIsDecided() {
        var state = UIState(screen: .models)
        let commands = press([.char("a")] + type("ok") + [.enter], &state, identity: .some(nil))
        XCTAssertEqual(commands, [])
        XCTAssertEqual(state.status?.isError, true)
    }

    func testApprovingAVersionThatIsNotPendingIsRefusedWithoutADialog() {
        var state = UIState(screen: .models)
        _ = press([.enter, .char("G")], &state)  // versions pane, the oldest (v1, the champion)
        XCTAssertEqual(state.models.version, 1)
        XCTAssertEqual(press([.char("a")], &state), [])
        XCTAssertEqual(state.mode, .normal)
        XCTAssertEqual(state.status, StatusMessage("fraud v1 is not waiting for approval (it is production)", isError: true))
    }

    func testAliasDialogIsPrefilledWithTheSelectedVersion() {
        var state = UIState(screen: .models)
        _ = press([.char("p")], &state)
        guard case .alias(let form)? = state.dialog else { return XCTFail("no alias dialog") }
        XCTAssertEqual(form.version.text, "3")
        XCTAssertEqual(form.alias.text, "")
        XCTAssertEqual(press([.enter], &state), [], "an alias name is required")
        guard case .alias(let refused)? = state.dialog else { return XCTFail("dialog closed") }
        XCTAssertEqual(refused.error, "type an alias name, e.g. challenger")

        let commands = press(type("challenger") + [.enter], &state)
        XCTAssertEqual(commands, [.moveAlias(model: "fraud", alias: "challenger", version: 3, by: "carol", reason: "set in the control room")])
        XCTAssertEqual(engine.apply(commands[0]).outcome, .applied)
        XCTAssertEqual(engine.registry?.aliasVersion("fraud", alias: "challenger"), 3)
    }

    func testAliasDialogVersionFieldIsEditableAndChecked() {
        var state = UIState(screen: .models)
        let keys: [KeyEvent] = [.char("p")] + type("shadow") + [.tab, .backspace] + type("x") + [.enter]
        XCTAssertEqual(press(keys, &state), [])
        guard case .alias(let form)? = state.dialog else { return XCTFail("dialog closed") }
        XCTAssertEqual(form.focus, 1)
        XCTAssertEqual(form.error, "'x' is not a version number (empty removes the alias)")
        let commands = press([.backspace] + type("1") + [.enter], &state)
        XCTAssertEqual(commands, [.moveAlias(model: "fraud", alias: "shadow", version: 1, by: "carol", reason: "set in the control room")])
    }

    func testArchiveAsksForConfirmation() {
        var state = UIState(screen: .models)
        _ = press([.enter, .char("j")], &state)  // v2, rejected
        XCTAssertEqual(state.models.version, 2)
        XCTAssertEqual(press([.char("A")], &state), [])
        guard case .confirm(let confirm)? = state.dialog else { return XCTFail("no confirm dialog") }
        XCTAssertEqual(confirm.title, "Archive fraud v2?")
        XCTAssertEqual(press([.char("y")], &state), [.archive(model: "fraud", version: 2, by: "carol")])
        XCTAssertEqual(press([.char("A"), .escape], &state), [], "Esc cancels")
        XCTAssertEqual(state.mode, .normal)
    }

    func testCompareMarksThenShowsTwoVersionsAndClears() {
        var state = UIState(screen: .models)
        _ = press([.enter, .char("d")], &state)
        XCTAssertEqual(state.models.compare, 3)
        _ = press([.char("G")], &state)
        var data = data(state)
        XCTAssertEqual(data.compareVersion?.number, 3)
        XCTAssertEqual(data.selectedVersion?.number, 1)
        _ = press([.char("d")], &state)
        XCTAssertNil(state.models.compare, "d again clears")
        _ = press([.char("d"), .char("k"), .escape], &state)
        XCTAssertNil(state.models.compare, "Esc clears")
        XCTAssertEqual(state.models.pane, .versions, "the first Esc only clears the comparison")
        _ = press([.escape], &state)
        XCTAssertEqual(state.models.pane, .models)
        data = self.data(state)
        XCTAssertNil(data.compareVersion)
    }

    func testSelectionMovesBetweenModelsAndResetsTheVersion() {
        var state = UIState(screen: .models)
        _ = press([.char("j")], &state)
        XCTAssertEqual(state.models.model, "churn")
        XCTAssertEqual(data(state).selectedVersion?.number, 2, "no pending approval: the newest version")
        _ = press([.right, .char("j")], &state)
        XCTAssertEqual(state.models.pane, .versions)
        XCTAssertEqual(state.models.version, 1)
        _ = press([.left, .char("k")], &state)
        XCTAssertEqual(state.models.model, "fraud")
        XCTAssertNil(state.models.version)
    }

    func testModelsKeysAreOnlyBoundOnTheModelsScreen() {
        let map = KeyMap.standard
        XCTAssertEqual(map.action(for: .char("a"), in: .normal, on: .models), .approveVersion)
        XCTAssertEqual(map.action(for: .char("x"), in: .normal, on: .models), .rejectVersion)
        XCTAssertEqual(map.action(for: .char("x"), in: .normal, on: .pipelines), .clearStep)
        XCTAssertNil(map.action(for: .char("a"), in: .normal, on: .overview))
        XCTAssertEqual(map.hints(for: .normal, on: .models).compactMap(\.hint).filter { ["a Approve", "x Reject", "p Alias", "A Archive", "d Compare"].contains($0) }.count, 5)
    }
}
