import Engine
import SimKernel
import TUICore
import XCTest
@testable import ControlRoom

/// The Events screen's keys: k acknowledges and s silences the selected
/// alert through their dialogs, Enter opens what a row is about, and the
/// filter narrows alerts and log alike.
final class EventsReducerTests: XCTestCase {
    private let identity = DeploymentsFixture.identity("carol")

    private func press(_ keys: [KeyEvent], _ state: inout UIState, snapshot: EngineSnapshot, identity: DecisionIdentity?? = nil) -> [EngineCommand] {
        keys.flatMap { key -> [EngineCommand] in
            let context = ControlRoomView.reducerContext(snapshot: snapshot, state: state, user: "carol", identity: identity ?? self.identity)
            return Reducer.handle(key, state: &state, context: context)
        }
    }

    private func type(_ text: String) -> [KeyEvent] { text.map { KeyEvent.char($0) } }

    /// The Events screen with row `row` selected.
    private func on(_ row: Int) -> UIState {
        var state = UIState(screen: .events)
        state.selections[.events] = row
        return state
    }

    private func data(_ snapshot: EngineSnapshot, _ state: UIState) -> EventsData {
        EventsData(snapshot: snapshot, selection: state.selection(for: .events), filter: state.filter(for: .events))
    }

    func testAlertsAreListedByUrgencyAboveTheMergedLog() throws {
        let snapshot = try MonitoringFixture.snapshot()
        let data = EventsData(snapshot: snapshot, selection: 0, filter: "")
        XCTAssertEqual(data.alerts.map(\.id), ["amount-drift", "p99-latency", "concept", "merchant-drift", "error-rate", "auc-drop"],
                       "firing (critical first), pending, acknowledged, silenced, resolved; never-fired ones are left out")
        XCTAssertEqual(data.totalAlerts, 6)
        XCTAssertEqual(data.log.count, 10, "6 events and 4 alert transitions")
        XCTAssertEqual(data.log.map(\.kind), ["monitor", "alert", "rollout", "alert", "pipeline", "registry", "run", "alert", "alert", "started"],
                       "newest first, alert transitions in time order among the events")
        XCTAssertEqual(data.log[1].message, "error-rate silenced by bob (10.0.0.9): silenced for 1h: known issue")
        XCTAssertEqual(data.log[1].subject, .alert("error-rate"))
        XCTAssertEqual(data.rowCount, 16)
    }

    func testEqualTimesPutTheTransitionAboveTheEvent() {
        let t = SimTime(sinceEpoch: .minutes(5))
        let merged = EventsData.merge(events: [EngineEvent(sequence: 0, time: t, kind: .paused, message: "p")],
                                      history: [AlertHistoryEntry(alert: "a", time: t, transition: .fired, severity: .warning, value: nil,
                                                                  threshold: nil, actor: nil, message: "")])
        XCTAssertEqual(merged.map(\.kind), ["alert", "paused"])
        XCTAssertEqual(merged[0].message, "a fired")
    }

    func testFilterNarrowsAlertsAndLogAndSelectionMoves() throws {
        let snapshot = try MonitoringFixture.snapshot()
        var state = UIState(screen: .events)
        _ = press([.char("/")] + type("drift") + [.enter], &state, snapshot: snapshot)
        let filtered = data(snapshot, state)
        XCTAssertEqual(filtered.alerts.map(\.id), ["amount-drift", "concept", "merchant-drift"])
        XCTAssertEqual(filtered.log.map(\.message), ["merchant-drift acknowledged by alice (10.0.0.5): looking into it",
                                                     "retrain run 1 started by on_alert amount-drift",
                                                     "amount-drift fired: drift.amount 0.231 >= 0.2 for 2m"])
        _ = press([.char("j"), .char("j"), .char("j")], &state, snapshot: snapshot)
        XCTAssertEqual(state.selection(for: .events), 3)
        XCTAssertEqual(data(snapshot, state).selectedAlert?.id, "merchant-drift", "a log line about an alert selects that alert for k and s")
        _ = press([.char("j"), .char("j"), .char("j")], &state, snapshot: snapshot)
        XCTAssertEqual(state.selection(for: .events), 5, "clamped to the 6 filtered rows")
        XCTAssertEqual(data(snapshot, state).selectedAlert?.id, "amount-drift")
        _ = press([.up], &state, snapshot: snapshot)
        XCTAssertEqual(state.selection(for: .events), 4, "the Up arrow moves up (k acknowledges here)")
        XCTAssertNil(data(snapshot, state).selectedAlert, "the run line is not about an alert")
    }

    func testAcknowledgeAsksForAnOptionalReason() throws {
        let snapshot = try MonitoringFixture.snapshot()
        var state = on(0)
        XCTAssertEqual(press([.char("k")], &state, snapshot: snapshot), [])
        XCTAssertEqual(state.mode, .dialog)
        guard case .acknowledgeAlert(let form)? = state.dialog else { return XCTFail("\(String(describing: state.dialog))") }
        XCTAssertEqual(form.alert, "amount-drift")
        XCTAssertEqual(form.situation, "firing (critical): drift.amount 0.231 vs 0.2")
        let commands = press(type("on it") + [.enter], &state, snapshot: snapshot)
        XCTAssertEqual(commands, [.acknowledgeAlert("amount-drift", identity: identity, reason: "on it")])
        XCTAssertEqual(state.mode, .normal)
        XCTAssertNil(state.dialog)

        var blank = on(1)
        XCTAssertEqual(press([.char("k")] + type("  ") + [.enter], &blank, snapshot: snapshot),
                       [.acknowledgeAlert("p99-latency", identity: identity, reason: nil)], "blanks are no reason, and none is needed")
    }

    func testAcknowledgeRefusesAlertsThatAreNotFiring() throws {
        let snapshot = try MonitoringFixture.snapshot()
        for (row, text) in [(2, "concept is pending"), (3, "already acknowledged by alice (10.0.0.5)"), (5, "auc-drop is resolved")] {
            var state = on(row)
            XCTAssertEqual(press([.char("k")], &state, snapshot: snapshot), [])
            XCTAssertEqual(state.mode, .normal)
            XCTAssertEqual(state.status?.isError, true)
            XCTAssertTrue(state.status?.text.contains(text) ?? false, "\(row): \(state.status?.text ?? "no status")")
        }
        var noIdentity = on(0)
        XCTAssertEqual(press([.char("k"), .enter], &noIdentity, snapshot: snapshot, identity: .some(nil)), [])
        XCTAssertTrue(noIdentity.status?.text.contains("cannot tell who you are") ?? false)
    }

    func testSilenceValidatesTheDurationThenAsksForAReason() throws {
        let snapshot = try MonitoringFixture.snapshot()
        var state = on(4)
        XCTAssertEqual(press([.char("s")], &state, snapshot: snapshot), [])
        guard case .silenceAlert(let opened)? = state.dialog else { return XCTFail("\(String(describing: state.dialog))") }
        XCTAssertEqual(opened.alert, "error-rate")
        XCTAssertEqual(opened.duration.text, "1h", "1h by default")
        XCTAssertEqual(opened.step, .duration)

        XCTAssertEqual(press([.backspace, .backspace] + type("1.5h") + [.enter], &state, snapshot: snapshot), [])
        guard case .silenceAlert(let refused)? = state.dialog else { return XCTFail("dialog closed on a bad duration") }
        XCTAssertEqual(refused.step, .duration)
        XCTAssertEqual(refused.error, #"invalid duration "1.5h" at column 2: expected a whole number with a unit (write 1h30m, not 1.5h)"#)
        let shown = ControlRoomView.render(snapshot: snapshot, state: state, context: RenderContext(palette: .monochrome, glyphs: .unicode), width: 80, height: 24)
        XCTAssertTrue(shown.lines.joined().contains("invalid duration \"1.5h\""), "the error shows in the dialog")

        XCTAssertEqual(press([.backspace, .backspace, .backspace, .backspace] + type("0s") + [.enter], &state, snapshot: snapshot), [])
        guard case .silenceAlert(let zero)? = state.dialog else { return XCTFail("dialog closed on 0s") }
        XCTAssertEqual(zero.error, "a silence needs a duration longer than 0s")

        XCTAssertEqual(press([.backspace, .backspace] + type("1h30m") + [.enter], &state, snapshot: snapshot), [])
        guard case .silenceAlert(let reason)? = state.dialog else { return XCTFail("dialog closed before the reason") }
        XCTAssertEqual(reason.step, .reason)
        XCTAssertNil(reason.error)
        let commands = press(type("known issue") + [.enter], &state, snapshot: snapshot)
        XCTAssertEqual(commands, [.silenceAlert("error-rate", duration: .minutes(90), identity: identity, reason: "known issue")])
        XCTAssertEqual(state.mode, .normal)
    }

    func testSilenceTabGoesBackToTheDurationAndEscCancels() throws {
        let snapshot = try MonitoringFixture.snapshot()
        var state = on(0)
        _ = press([.char("s"), .enter, .tab], &state, snapshot: snapshot)
        guard case .silenceAlert(let back)? = state.dialog else { return XCTFail("closed") }
        XCTAssertEqual(back.step, .duration)
        _ = press(type("x") + [.tab] + type("r"), &state, snapshot: snapshot)
        guard case .silenceAlert(let typed)? = state.dialog else { return XCTFail("closed") }
        XCTAssertEqual(typed.duration.text, "1hx")
        XCTAssertEqual(typed.reason.text, "r")
        XCTAssertEqual(press([.enter], &state, snapshot: snapshot), [], "a bad duration is caught on the reason step too")
        guard case .silenceAlert(let caught)? = state.dialog else { return XCTFail("closed") }
        XCTAssertEqual(caught.step, .duration)
        XCTAssertNotNil(caught.error)
        XCTAssertEqual(press([.escape], &state, snapshot: snapshot), [])
        XCTAssertEqual(state.mode, .normal)
        XCTAssertEqual(state.status?.text, "cancelled")
    }

    func testKAndSWithoutAnAlertSayWhy() throws {
        let snapshot = try MonitoringFixture.snapshot()
        var state = on(8) // the `rollout` log line: not about an alert
        XCTAssertEqual(press([.char("s")], &state, snapshot: snapshot), [])
        XCTAssertEqual(state.status?.text, "select an alert first (the alerts are listed on top)")
        var empty = UIState(screen: .events)
        XCTAssertEqual(press([.char("k")], &empty, snapshot: DeploymentsFixture.snapshot()), [])
        XCTAssertEqual(empty.status?.text, "no alert has fired")
    }

    func testEnterOpensEachKindOfSubject() throws {
        let snapshot = try MonitoringFixture.snapshot()
        // Rows: 6 alerts, then the log newest first:
        // 6 monitor, 7 alert (error-rate), 8 rollout, 9 alert (merchant), 10 pipeline, 11 registry, 12 run, 13 alert (amount), ...
        var run = on(12)
        run.filters[.pipelines] = "nothing"
        _ = press([.enter], &run, snapshot: snapshot)
        XCTAssertEqual(run.screen, .pipelines)
        XCTAssertEqual(run.pipelines.pipeline, "retrain")
        XCTAssertEqual(run.pipelines.run, RunID(1))
        XCTAssertEqual(run.pipelines.pane, .runs)
        XCTAssertEqual(run.filter(for: .pipelines), "", "the target screen's filter is cleared so the selection shows")
        XCTAssertEqual(PipelinesData(snapshot: snapshot, state: run.pipelines, filter: "").selectedRun?.id, RunID(1))

        var alertRow = on(0) // amount-drift's subject is the run it triggered
        _ = press([.enter], &alertRow, snapshot: snapshot)
        XCTAssertEqual(alertRow.screen, .pipelines)
        XCTAssertEqual(alertRow.pipelines.run, RunID(1))

        var version = on(11)
        _ = press([.enter], &version, snapshot: snapshot)
        XCTAssertEqual(version.screen, .models)
        XCTAssertEqual(version.models.model, "fraud")
        XCTAssertEqual(version.models.version, 3)
        XCTAssertEqual(version.models.pane, .versions)
        XCTAssertEqual(ModelsData(snapshot: snapshot, state: version.models, filter: "").selectedVersion?.number, 3)

        var deployment = on(8)
        _ = press([.enter], &deployment, snapshot: snapshot)
        XCTAssertEqual(deployment.screen, .deployments)
        XCTAssertEqual(deployment.deployments.deployment, "fraud-gate")
        XCTAssertEqual(DeploymentsData(snapshot: snapshot, state: deployment.deployments, filter: "").selected?.id, "fraud-gate")

        var pipeline = on(10)
        _ = press([.enter], &pipeline, snapshot: snapshot)
        XCTAssertEqual(pipeline.screen, .pipelines)
        XCTAssertEqual(pipeline.pipelines.pipeline, "report")
        XCTAssertEqual(pipeline.pipelines.pane, .pipelines)

        var monitor = on(6)
        _ = press([.enter], &monitor, snapshot: snapshot)
        XCTAssertEqual(monitor.screen, .monitors)

        var alert = on(7)
        _ = press([.enter], &alert, snapshot: snapshot)
        XCTAssertEqual(alert.screen, .events)
        XCTAssertEqual(alert.selection(for: .events), 4, "the error-rate alert's row")

        var nothing = on(15) // `started`: about nothing in particular
        _ = press([.enter], &nothing, snapshot: snapshot)
        XCTAssertEqual(nothing.screen, .events)
        XCTAssertEqual(nothing.status?.isError, true)
    }

    func testEnterOnAnAlertHiddenByTheFilterClearsIt() throws {
        let snapshot = try MonitoringFixture.snapshot()
        var state = UIState(screen: .events)
        state.filters[.events] = "bob"
        XCTAssertEqual(data(snapshot, state).alerts, [], "no alert mentions bob")
        XCTAssertEqual(data(snapshot, state).log.count, 1)
        _ = press([.enter], &state, snapshot: snapshot)
        XCTAssertEqual(state.filter(for: .events), "")
        XCTAssertEqual(state.selection(for: .events), 4)
        XCTAssertEqual(data(snapshot, state).selectedAlertRow?.id, "error-rate")
    }

    func testEnterOnARunNoLongerListedSaysSo() throws {
        var snapshot = try MonitoringFixture.snapshot()
        snapshot.runs = []
        var state = on(12)
        _ = press([.enter], &state, snapshot: snapshot)
        XCTAssertEqual(state.screen, .pipelines)
        XCTAssertEqual(state.pipelines.pane, .pipelines)
        XCTAssertEqual(state.status?.text, "run #1 is no longer among the recent runs")
    }
}
