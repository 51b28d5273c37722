import Engine
import TUICore
import XCTest
@testable import ControlRoom

final class MonitorsReducerTests: XCTestCase {
    private let snapshot = MonitorsFixture.snapshot()

    @discardableResult
    private func press(_ key: KeyEvent, _ state: inout UIState) -> [EngineCommand] {
        Reducer.handle(key, state: &state, context: ControlRoomView.reducerContext(snapshot: snapshot, state: state, user: "ada"))
    }

    private func data(_ state: UIState) -> MonitorsData {
        MonitorsData(snapshot: snapshot, state: state.monitors, filter: state.filter(for: .monitors))
    }

    func testUpDownSelectFeaturesAndClamp() {
        var state = UIState(screen: .monitors)
        XCTAssertEqual(data(state).selectedFeature?.feature, "amount")
        XCTAssertEqual(press(.down, &state), [])
        XCTAssertEqual(state.monitors.feature, "merchant_risk")
        press(.char("j"), &state)
        XCTAssertEqual(state.monitors.feature, "hour")
        press(.char("k"), &state)
        XCTAssertEqual(state.monitors.feature, "merchant_risk")
        press(.char("G"), &state)
        XCTAssertEqual(state.monitors.feature, "country")
        press(.down, &state)
        XCTAssertEqual(state.monitors.feature, "country", "clamped at the last feature")
        press(.up, &state)
        press(.char("g"), &state)
        XCTAssertEqual(state.monitors.feature, "amount")
        press(.up, &state)
        XCTAssertEqual(state.monitors.feature, "amount")
        XCTAssertEqual(state.monitors.monitor, "fraud-drift")
        XCTAssertEqual(state.screen, .monitors)
    }

    func testBracketsSwitchMonitorAndResetTheFeature() {
        var state = UIState(screen: .monitors)
        press(.down, &state)
        press(.char("]"), &state)
        XCTAssertEqual(state.monitors.monitor, "ranker-drift")
        XCTAssertNil(state.monitors.feature)
        XCTAssertEqual(data(state).selectedFeature?.feature, "clicks")
        press(.char("]"), &state)
        XCTAssertEqual(state.monitors.monitor, "ranker-drift", "clamped at the last monitor")
        press(.char("["), &state)
        XCTAssertEqual(state.monitors.monitor, "fraud-drift")
        XCTAssertNil(state.status)
    }

    func testBracketsWithOneMonitorSaySo() {
        let single = MonitorsFixture.snapshot([MonitorsFixture.fraud()])
        var state = UIState(screen: .monitors)
        _ = Reducer.handle(.char("]"), state: &state, context: ControlRoomView.reducerContext(snapshot: single, state: state, user: nil))
        XCTAssertEqual(state.status, StatusMessage("only one monitor: nothing to switch to", isError: true))
        XCTAssertEqual(state.screen, .monitors)
    }

    func testTabVisitsMonitorsThenTheNextScreen() {
        var state = UIState(screen: .monitors)
        press(.tab, &state)
        XCTAssertEqual(state.screen, .monitors)
        XCTAssertEqual(state.monitors.monitor, "ranker-drift")
        press(.tab, &state)
        XCTAssertEqual(state.screen, .events, "past the last monitor Tab goes on to the next screen")
        var back = UIState(screen: .monitors)
        press(.backTab, &back)
        XCTAssertEqual(back.screen, .models, "before the first monitor Shift-Tab goes to the previous screen")
        let single = MonitorsFixture.snapshot([MonitorsFixture.fraud()])
        var one = UIState(screen: .monitors)
        _ = Reducer.handle(.tab, state: &one, context: ControlRoomView.reducerContext(snapshot: single, state: one, user: nil))
        XCTAssertEqual(one.screen, .events)
    }

    func testEnterOpensTheDeployment() {
        var state = UIState(screen: .monitors)
        state.filters[.deployments] = "search"
        state.deployments.arm = 7
        XCTAssertEqual(press(.enter, &state), [])
        XCTAssertEqual(state.screen, .deployments)
        XCTAssertEqual(state.deployments.deployment, "fraud-canary")
        XCTAssertNil(state.deployments.arm)
        XCTAssertEqual(state.filter(for: .deployments), "", "the Deployments filter is cleared so the deployment shows")
        let deployments = DeploymentsData(snapshot: snapshot, state: state.deployments, filter: state.filter(for: .deployments))
        XCTAssertEqual(deployments.selected?.id, "fraud-canary")
        var ranker = UIState(screen: .monitors)
        ranker.monitors.monitor = "ranker-drift"
        press(.enter, &ranker)
        XCTAssertEqual(ranker.deployments.deployment, "ranker-bandit")
    }

    func testFilterNarrowsTheFeaturesAndKeysFollowIt() {
        var state = UIState(screen: .monitors)
        press(.char("/"), &state)
        XCTAssertEqual(state.mode, .filter)
        for c in "ou" { press(.char(c), &state) }
        press(.enter, &state)
        XCTAssertEqual(state.mode, .normal)
        XCTAssertEqual(state.filter(for: .monitors), "ou")
        XCTAssertEqual(data(state).features.map(\.feature), ["amount", "hour", "country"])
        press(.down, &state)
        XCTAssertEqual(state.monitors.feature, "hour")
        press(.escape, &state)
        XCTAssertEqual(state.filter(for: .monitors), "")
        XCTAssertEqual(data(state).features.count, 4)
        state.filters[.monitors] = "zzz"
        press(.enter, &state)
        XCTAssertEqual(state.screen, .monitors)
        XCTAssertEqual(state.status, StatusMessage("no monitor matches the filter (Esc clears it)", isError: true))
    }

    func testNoMonitors() {
        let empty = MonitorsFixture.snapshot([])
        var state = UIState(screen: .monitors)
        _ = Reducer.handle(.down, state: &state, context: ControlRoomView.reducerContext(snapshot: empty, state: state, user: nil))
        XCTAssertNil(state.monitors.feature)
        _ = Reducer.handle(.enter, state: &state, context: ControlRoomView.reducerContext(snapshot: empty, state: state, user: nil))
        XCTAssertEqual(state.screen, .monitors)
        XCTAssertEqual(state.status, StatusMessage("no monitors: add a monitors: section to flightdeck.yaml", isError: true))
    }
}
