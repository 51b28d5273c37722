import Engine
import TUICore
import XCTest
@testable import ControlRoom

final class DeploymentsReducerTests: XCTestCase {
    private let identity = DeploymentsFixture.identity("carol")
    private var snapshot = DeploymentsFixture.snapshot()

    private func press(_ keys: [KeyEvent], _ state: inout UIState, identity: DecisionIdentity?? = nil, user: String? = "carol") -> [EngineCommand] {
        keys.flatMap { key -> [EngineCommand] in
            let context = ControlRoomView.reducerContext(snapshot: snapshot, state: state, user: user, identity: identity ?? self.identity)
            return Reducer.handle(key, state: &state, context: context)
        }
    }

    private func type(_ text: String) -> [KeyEvent] { text.map { KeyEvent.char($0) } }

    private func on(_ id: String) -> UIState {
        var state = UIState(screen: .deployments)
        state.deployments.deployment = id
        return state
    }

    private func assertRefused(_ key: KeyEvent, on id: String, containing text: String, file: StaticString = #filePath, line: UInt = #line) {
        var state = on(id)
        XCTAssertEqual(press([key], &state), [], "refused locally", file: file, line: line)
        XCTAssertEqual(state.mode, .normal, file: file, line: line)
        XCTAssertEqual(state.status?.isError, true, file: file, line: line)
        XCTAssertTrue(state.status?.text.contains(text) ?? false, "\(state.status?.text ?? "no status")", file: file, line: line)
    }

    func testNumberKeyOpensTheScreenAndJKMoveTheSelection() {
        var state = UIState()
        _ = press([.char("3")], &state)
        XCTAssertEqual(state.screen, .deployments)
        let first = DeploymentsData(snapshot: snapshot, state: state.deployments, filter: "")
        XCTAssertEqual(first.selected?.id, "fraud-canary", "the first deployment when nothing is selected")
        _ = press([.char("j"), .char("j")], &state)
        XCTAssertEqual(state.deployments.deployment, "fraud-shadow")
        _ = press([.char("G")], &state)
        XCTAssertEqual(state.deployments.deployment, "recs-edge")
        _ = press([.char("j")], &state)
        XCTAssertEqual(state.deployments.deployment, "recs-edge", "clamped at the end")
        _ = press([.char("k"), .char("g")], &state)
        XCTAssertEqual(state.deployments.deployment, "fraud-canary")
    }

    func testPromoteGoesToTheNextStep() {
        var state = on("fraud-canary")
        XCTAssertEqual(press([.char("p")], &state), [.rollout(deployment: "fraud-canary", action: .promote, reason: nil, identity: identity)])
        XCTAssertEqual(state.mode, .normal)
    }

    func testPromoteAtAnApprovalGateAsksForAReason() {
        var state = on("fraud-gate")
        XCTAssertEqual(press([.char("p")], &state), [])
        XCTAssertEqual(state.mode, .dialog)
        guard case .rolloutReason(let form)? = state.dialog else { return XCTFail("\(String(describing: state.dialog))") }
        XCTAssertEqual(form.action, .promote)
        XCTAssertEqual(form.candidateVersion, 4)
        XCTAssertEqual(press([.enter], &state), [], "no reason, no command")
        guard case .rolloutReason(let refused)? = state.dialog else { return XCTFail("dialog closed") }
        XCTAssertEqual(refused.error, "a reason is required: say why you approve and promote fraud-gate")
        XCTAssertEqual(press(type("  ") + [.enter], &state), [], "blanks are no reason")
        let commands = press([.backspace, .backspace] + type("canary metrics hold") + [.enter], &state)
        XCTAssertEqual(commands, [.rollout(deployment: "fraud-gate", action: .promote, reason: "canary metrics hold", identity: identity)])
        XCTAssertEqual(state.mode, .normal)
        XCTAssertNil(state.dialog)
    }

    func testPromoteFullyConfirmsFirst() {
        var state = on("fraud-canary")
        XCTAssertEqual(press([.char("P")], &state), [])
        guard case .confirm(let confirm)? = state.dialog else { return XCTFail("\(String(describing: state.dialog))") }
        XCTAssertEqual(confirm.title, "Promote fraud-canary fully?")
        XCTAssertTrue(confirm.message.joined(separator: " ").contains("The 3 remaining steps"), "\(confirm.message)")
        XCTAssertEqual(press([.char("n")], &state), [], "n cancels")
        XCTAssertEqual(state.mode, .normal)
        XCTAssertEqual(press([.char("P"), .char("y")], &state), [.rollout(deployment: "fraud-canary", action: .promoteFull, reason: nil, identity: identity)])
        XCTAssertEqual(press([.char("P"), .enter], &state), [.rollout(deployment: "fraud-canary", action: .promoteFull, reason: nil, identity: identity)])
    }

    func testPromoteFullyAtAGateAsksForTheApprovalReason() {
        var state = on("fraud-gate")
        let commands = press([.char("P")] + type("looks good") + [.enter], &state)
        XCTAssertEqual(commands, [.rollout(deployment: "fraud-gate", action: .promoteFull, reason: "looks good", identity: identity)])
    }

    func testAbortAsksForAReason() {
        var state = on("fraud-canary")
        XCTAssertEqual(press([.char("a"), .enter], &state), [])
        guard case .rolloutReason(let form)? = state.dialog else { return XCTFail("\(String(describing: state.dialog))") }
        XCTAssertEqual(form.action, .abort)
        XCTAssertEqual(form.error, "a reason is required: say why you abort fraud-canary")
        XCTAssertEqual(press([.escape], &state), [], "Esc cancels")
        XCTAssertEqual(state.mode, .normal)
        XCTAssertEqual(state.status?.text, "cancelled")
        let commands = press([.char("a")] + type("p95 creeping up") + [.enter], &state)
        XCTAssertEqual(commands, [.rollout(deployment: "fraud-canary", action: .abort, reason: "p95 creeping up", identity: identity)])
    }

    func testBlueGreenCanRollBackWhileTheOldEnvironmentIsWarm() {
        var state = on("churn-bluegreen")
        XCTAssertEqual(press([.char("a")] + type("batch scores drifted") + [.enter], &state),
                       [.rollout(deployment: "churn-bluegreen", action: .abort, reason: "batch scores drifted", identity: identity)])
        var cold = DeploymentsFixture.blueGreen()
        cold.versions[1].replicas = 0
        snapshot = DeploymentsFixture.snapshot([cold])
        assertRefused(.char("a"), on: "churn-bluegreen", containing: "cannot abort: churn-bluegreen's rollout is over")
    }

    func testSpacePausesAndResumesTheRolloutNotTheClock() {
        var paused = on("fraud-canary")
        XCTAssertEqual(press([.char(" ")], &paused), [.rollout(deployment: "fraud-canary", action: .resume, reason: nil, identity: identity)])
        var progressing = on("fraud-shadow")
        XCTAssertEqual(press([.char(" ")], &progressing), [.rollout(deployment: "fraud-shadow", action: .pause, reason: nil, identity: identity)])
        var gate = on("fraud-gate")
        XCTAssertEqual(press([.char(" ")], &gate), [.rollout(deployment: "fraud-gate", action: .pause, reason: nil, identity: identity)])
        var elsewhere = UIState(screen: .models)
        XCTAssertEqual(press([.char(" ")], &elsewhere), [.togglePause], "other screens keep Space for simulated time")
        var command = on("fraud-canary")
        XCTAssertEqual(press([.char(":")] + type("pause") + [.enter], &command), [.pause], ":pause still stops the clock here")
    }

    func testSpaceIsRefusedWithoutARolloutToHold() {
        assertRefused(.char(" "), on: "pricing-canary", containing: "cannot pause: pricing-canary was rolled back: r retries the rollout")
        assertRefused(.char(" "), on: "recs-edge", containing: "cannot pause: recs-edge serves nothing yet")
        var inconclusive = DeploymentsFixture.canary()
        inconclusive.phase = .inconclusive
        snapshot = DeploymentsFixture.snapshot([inconclusive])
        assertRefused(.char(" "), on: "fraud-canary", containing: "inconclusive and waits for you: p promotes, a rolls back")
    }

    func testSetWeightValidatesAPercent() {
        var state = on("fraud-canary")
        XCTAssertEqual(press([.char("w")], &state), [])
        guard case .rolloutWeight(let form)? = state.dialog else { return XCTFail("\(String(describing: state.dialog))") }
        XCTAssertEqual(form.percent.text, "25", "prefilled with the candidate's share")
        let clear: [KeyEvent] = [.backspace, .backspace, .backspace, .backspace]
        for (typed, error) in [("", "type a percent from 0 to 100"), ("abc", "'abc' is not a whole percent (0-100)"),
                               ("101", "101% is outside 0-100"), ("-5", "-5% is outside 0-100"), ("12.5", "'12.5' is not a whole percent (0-100)")] {
            XCTAssertEqual(press(clear + type(typed) + [.enter], &state), [], typed)
            guard case .rolloutWeight(let refused)? = state.dialog else { return XCTFail("dialog closed on '\(typed)'") }
            XCTAssertEqual(refused.error, error, typed)
        }
        XCTAssertEqual(press(clear + type("40%") + [.enter], &state), [.setRolloutWeight(deployment: "fraud-canary", percent: 40, by: "carol")])
        XCTAssertEqual(state.mode, .normal)
        XCTAssertEqual(press([.char("w")] + clear + type("0") + [.enter], &state), [.setRolloutWeight(deployment: "fraud-canary", percent: 0, by: "carol")])
    }

    func testSetWeightOnlyWhereTheStrategyHasOne() {
        assertRefused(.char("w"), on: "ranker-bandit", containing: "bandit has no adjustable weight ([ ] select an arm, i pins it, f freezes it)")
        assertRefused(.char("w"), on: "fraud-shadow", containing: "shadow has no adjustable weight")
        assertRefused(.char("w"), on: "pricing-canary", containing: "cannot set the weight: pricing-canary was rolled back")
    }

    func testRetryOnlyAfterARollbackOrAbort() {
        var state = on("pricing-canary")
        XCTAssertEqual(press([.char("r")], &state), [.rollout(deployment: "pricing-canary", action: .retry, reason: nil, identity: identity)])
        assertRefused(.char("r"), on: "fraud-canary", containing: "cannot retry: only a rolled-back or aborted rollout is retried (fraud-canary is paused)")
        var aborted = DeploymentsFixture.canary()
        aborted.phase = .aborted
        snapshot = DeploymentsFixture.snapshot([aborted])
        var again = on("fraud-canary")
        XCTAssertEqual(press([.char("r")], &again), [.rollout(deployment: "fraud-canary", action: .retry, reason: nil, identity: identity)])
    }

    func testPromoteAndAbortNeedARolloutInProgress() {
        assertRefused(.char("p"), on: "pricing-canary", containing: "cannot promote: pricing-canary was rolled back: r retries the rollout")
        assertRefused(.char("P"), on: "churn-bluegreen", containing: "cannot promote: churn-bluegreen's rollout is over")
        assertRefused(.char("a"), on: "recs-edge", containing: "cannot abort: recs-edge serves nothing yet")
        var stable = DeploymentsFixture.canary()
        stable.phase = .stable
        snapshot = DeploymentsFixture.snapshot([stable])
        assertRefused(.char("p"), on: "fraud-canary", containing: "cannot promote: fraud-canary has no rollout in progress (v3 serves)")
    }

    func testBanditArmsArePinnedFrozenAndReleased() {
        var state = on("ranker-bandit")
        XCTAssertEqual(press([.char("i")], &state), [.banditArm(deployment: "ranker-bandit", version: 5, hold: .pin, by: "carol")], "the first arm by default")
        _ = press([.char("]")], &state)
        XCTAssertEqual(state.deployments.arm, 6)
        XCTAssertEqual(press([.char("f")], &state), [.banditArm(deployment: "ranker-bandit", version: 6, hold: .freeze, by: "carol")])
        _ = press([.char("]"), .char("]")], &state)
        XCTAssertEqual(state.deployments.arm, 7, "clamped at the last arm")
        XCTAssertEqual(press([.char("f")], &state), [.banditArm(deployment: "ranker-bandit", version: 7, hold: .release, by: "carol")], "f again releases a frozen arm")
        XCTAssertEqual(press([.char("u")], &state), [.banditArm(deployment: "ranker-bandit", version: 7, hold: .release, by: "carol")])
        _ = press([.char("[")], &state)
        XCTAssertEqual(press([.char("u")], &state), [], "v6 holds nothing")
        XCTAssertEqual(state.status?.text, "v6 is neither pinned nor frozen: nothing to release")

        var pinned = DeploymentsFixture.bandit()
        pinned.bandit?.arms[1].pinned = true
        snapshot = DeploymentsFixture.snapshot([pinned])
        var again = on("ranker-bandit")
        again.deployments.arm = 6
        XCTAssertEqual(press([.char("i")], &again), [.banditArm(deployment: "ranker-bandit", version: 6, hold: .release, by: "carol")], "i again releases a pinned arm")
    }

    func testArmKeysNeedABandit() {
        assertRefused(.char("i"), on: "fraud-canary", containing: "fraud-canary is not a bandit (canary)")
        assertRefused(.char("]"), on: "search-ab", containing: "search-ab is not a bandit (ab_test)")
    }

    func testMovingToAnotherDeploymentForgetsTheArm() {
        var state = on("ranker-bandit")
        _ = press([.char("]")], &state)
        XCTAssertEqual(state.deployments.arm, 6)
        _ = press([.char("j")], &state)
        XCTAssertEqual(state.deployments.deployment, "search-ab")
        XCTAssertNil(state.deployments.arm)
    }

    func testWithoutAnIdentityNothingIsSent() {
        var state = on("fraud-canary")
        XCTAssertEqual(press([.char("p")], &state, identity: .some(nil)), [])
        XCTAssertEqual(state.status?.text, "cannot tell who you are: no operator identity, so nothing is recorded")
        var gate = on("fraud-gate")
        XCTAssertEqual(press([.char("p")] + type("ok") + [.enter], &gate, identity: .some(nil)), [])
        XCTAssertEqual(gate.mode, .normal)
        XCTAssertEqual(gate.status?.isError, true)
        var bandit = on("ranker-bandit")
        XCTAssertEqual(press([.char("i")], &bandit, identity: .some(nil), user: nil), [])
        XCTAssertEqual(bandit.status?.isError, true)
    }

    func testNoDeploymentsOrNoMatch() {
        snapshot = DeploymentsFixture.snapshot([])
        var state = UIState(screen: .deployments)
        XCTAssertEqual(press([.char("p")], &state), [])
        XCTAssertEqual(state.status?.text, "no deployments: add a deployments: section to flightdeck.yaml")
        snapshot = DeploymentsFixture.snapshot()
        var filtered = UIState(screen: .deployments)
        filtered.filters[.deployments] = "nothing-like-this"
        XCTAssertEqual(press([.char("r")], &filtered), [])
        XCTAssertEqual(filtered.status?.text, "no deployment matches the filter (Esc clears it)")
    }

    func testKeysActOnTheFilteredSelection() {
        var state = UIState(screen: .deployments)
        state.filters[.deployments] = "rolled"
        XCTAssertEqual(press([.char("r")], &state), [.rollout(deployment: "pricing-canary", action: .retry, reason: nil, identity: identity)])
        XCTAssertEqual(state.deployments.deployment, "pricing-canary", "the selection is pinned to the deployment acted on")
    }

    func testHelpListsTheDeploymentKeys() {
        let lines = HelpOverlay.lines(keyMap: .standard)
        guard let start = lines.firstIndex(where: { $0.0 == "Deployments screen" }) else { return XCTFail("no Deployments section") }
        let keys = lines[(start + 1)...].prefix { !$0.1.isEmpty }.map(\.0)
        XCTAssertEqual(keys, ["p", "P", "a", "Space", "w", "r", "[", "]", "i", "f", "u"])
    }
}
