import Engine
import SimKernel
import TUICore
import TUITestSupport
import XCTest
@testable import ControlRoom

/// The Events screen drawn from the monitoring fixture, the alert dialogs,
/// and the header's count of firing alerts.
final class EventsViewTests: XCTestCase {
    private func render(_ snapshot: EngineSnapshot, _ state: UIState = UIState(screen: .events), width: Int, height: Int,
                        glyphs: GlyphSet = .unicode) -> CellBuffer {
        ControlRoomView.render(snapshot: snapshot, state: state, context: RenderContext(palette: .monochrome, glyphs: glyphs),
                               width: width, height: height)
    }

    private func text(_ buffer: CellBuffer) -> String { buffer.lines.joined(separator: "\n") }

    func testAlertsAboveTheLogAt120x40() throws {
        let snapshot = try MonitoringFixture.snapshot()
        let buffer = render(snapshot, width: 120, height: 40)
        assertSnapshot(buffer, named: "events-120x40")
        let screen = text(buffer)
        XCTAssertTrue(screen.contains("● firing"), screen)
        XCTAssertTrue(screen.contains("drift.amount"), "the metric column at 120 columns: \(screen)")
        XCTAssertTrue(screen.contains("0.23 ≥ 0.2"), screen)
        XCTAssertTrue(screen.contains("by alice (10.0.0.5)"), screen)
        XCTAssertTrue(screen.contains("until d0 06:45:00"), screen)
        XCTAssertTrue(screen.contains("at d0 05:00:00, 3x"), screen)
        XCTAssertTrue(screen.contains("2 firing · 6 fired"), screen)
        XCTAssertTrue(screen.contains("amount-drift fired: drift.amount 0.231 >= 0.2 for 2m"), screen)
        XCTAssertFalse(screen.contains("quiet"), "alerts that never fired are not listed: \(screen)")
        let rows = buffer.lines
        let amount = try XCTUnwrap(rows.firstIndex { $0.contains("amount-drift") && $0.contains("● firing") })
        let auc = try XCTUnwrap(rows.firstIndex { $0.contains("auc-drop") && $0.contains("resolved") })
        XCTAssertLessThan(amount, auc, "firing above resolved")
    }

    func testCondensedAt80x24WithAsciiGlyphs() throws {
        let snapshot = try MonitoringFixture.snapshot()
        var state = UIState(screen: .events)
        state.selections[.events] = 8
        let buffer = render(snapshot, state, width: 80, height: 24)
        assertSnapshot(buffer, named: "events-80x24")
        let screen = text(buffer)
        XCTAssertFalse(screen.contains("drift.amount  "), "no metric column at 80: \(screen)")
        XCTAssertTrue(screen.contains("k Ack"), "the screen's keys are hinted: \(screen)")
        let ascii = render(snapshot, state, width: 80, height: 24, glyphs: .ascii)
        assertSnapshot(ascii, named: "events-80x24-ascii")
        for line in ascii.lines { XCTAssertTrue(line.unicodeScalars.allSatisfy(\.isASCII), line) }
        XCTAssertTrue(text(ascii).contains("! firing"), text(ascii))
        XCTAssertTrue(text(ascii).contains("0.23 >= 0.2"), text(ascii))
    }

    func testEmptyStatesSayWhatWillAppear() throws {
        var snapshot = DeploymentsFixture.snapshot()
        XCTAssertTrue(text(render(snapshot, width: 80, height: 24)).contains("No alert rules: alerts declared in flightdeck.yaml"))
        snapshot.alerts = [MonitoringFixture.alert("quiet", .ok, nil, metric: "drift.age", value: 0, threshold: 0.1, since: .zero)]
        XCTAssertTrue(text(render(snapshot, width: 80, height: 24)).contains("No alert has fired: 1 rule watching, all ok."))
        var filtered = UIState(screen: .events)
        filtered.filters[.events] = "zzz"
        let all = try MonitoringFixture.snapshot()
        let screen = text(render(all, filtered, width: 80, height: 24))
        XCTAssertTrue(screen.contains("No alert matches 'zzz'."), screen)
        XCTAssertTrue(screen.contains("No event matches 'zzz'."), screen)
    }

    func testHostileAlertTextIsCleaned() throws {
        var snapshot = try MonitoringFixture.snapshot()
        snapshot.alerts[6].id = "evil\u{1B}[31mred"
        snapshot.alertHistory[1].message = "bad\u{07}bell"
        let buffer = render(snapshot, width: 120, height: 40)
        for line in buffer.lines { XCTAssertFalse(line.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }, line) }
        XCTAssertTrue(text(buffer).contains("evilred"))
    }

    func testSilenceDialog() throws {
        let snapshot = try MonitoringFixture.snapshot()
        var state = UIState(screen: .events)
        let context = ControlRoomView.reducerContext(snapshot: snapshot, state: state, user: "carol", identity: DeploymentsFixture.identity("carol"))
        _ = Reducer.handle(.char("s"), state: &state, context: context)
        _ = Reducer.handle(.enter, state: &state, context: context)
        let buffer = render(snapshot, state, width: 80, height: 24)
        assertSnapshot(buffer, named: "silence-reason-80x24")
        XCTAssertTrue(text(buffer).contains("Silenced for 1h until d0 07:00:00"), text(buffer))
    }

    func testHeaderCountsFiringAlertsBesideApprovals() throws {
        let snapshot = try MonitoringFixture.snapshot()
        let wide = render(snapshot, UIState(), width: 120, height: 40).text(ofRow: 0)
        XCTAssertTrue(wide.contains("▲ 1 approval pending — 4 then a  ● 2 alerts firing — 6"), wide)
        let narrow = render(snapshot, UIState(), width: 80, height: 24).text(ofRow: 0)
        XCTAssertTrue(narrow.contains("▲ 1 pending  ● 2 firing"), narrow)
        XCTAssertTrue(narrow.contains("d0 06:00:00"), "the clock stays: \(narrow)")
        let ascii = render(snapshot, UIState(), width: 80, height: 24, glyphs: .ascii).text(ofRow: 0)
        XCTAssertTrue(ascii.contains("! 2 firing"), ascii)

        var acked = snapshot
        acked.alerts = acked.alerts.map { alert in
            var a = alert
            if a.state == .firing { a.state = .acknowledged }
            return a
        }
        XCTAssertFalse(render(acked, UIState(), width: 120, height: 40).text(ofRow: 0).contains("firing"), "acknowledged alerts are not counted")
    }

    func testIndicatorFitShortensBothThenDropsApprovals() {
        let approvals = PendingApprovalIndicator.candidates(count: 1, screen: .overview, glyphs: .unicode)
        var alerts = [MonitoringFixture.alert("a", .firing, .warning, metric: "m", value: 1, threshold: 0.5, since: .zero)]
        let candidates = FiringAlertIndicator.candidates(alerts: alerts, glyphs: .unicode)
        XCTAssertEqual(candidates, ["● 1 alert firing — 6", "● 1 firing — 6", "● 1 firing", "●1"])
        XCTAssertEqual(FiringAlertIndicator.fit(approvals: approvals, alerts: candidates, width: 80).approval, "▲ 1 approval pending — 4 then a")
        XCTAssertEqual(FiringAlertIndicator.fit(approvals: approvals, alerts: candidates, width: 30).alert, "● 1 firing")
        XCTAssertEqual(FiringAlertIndicator.fit(approvals: approvals, alerts: candidates, width: 5).approval, nil)
        XCTAssertEqual(FiringAlertIndicator.fit(approvals: approvals, alerts: candidates, width: 5).alert, "●1")
        XCTAssertEqual(FiringAlertIndicator.worstSeverity(alerts), .warning)
        alerts.append(MonitoringFixture.alert("b", .firing, .critical, metric: "m", value: 1, threshold: 0.5, since: .zero))
        XCTAssertEqual(FiringAlertIndicator.worstSeverity(alerts), .critical)
        XCTAssertNil(FiringAlertIndicator.worstSeverity([]))
    }
}
