import Engine
import XCTest
@testable import flightdeck

/// `flightdeck alerts`: which alerts are listed and in what order, the
/// aligned lines, the comparison text and the history of the firing ones.
final class AlertsTextTests: XCTestCase {
    private typealias F = MonitoringCLIFixtures

    private let firing = F.alert("amount-drift", .firing)
    private let acknowledged = F.alert("latency-burn", .acknowledged, severity: .warning, value: 1, threshold: 1,
                                       acknowledgedBy: "alice (10.0.0.5)", message: "slo.p99 1 >= 1")
    private let silenced = F.alert("accuracy-low", .silenced, value: 0.81, threshold: 0.85, direction: .below,
                                   silencedUntil: F.time(4_200), message: "accuracy 0.81 <= 0.85")
    private let resolved = F.alert("old", .resolved, severity: nil, value: 0.05, message: "resolved")
    private let ok = F.alert("quiet", .ok, severity: nil, value: nil, message: "ok")
    private let pending = F.alert("age-drift", .pending, severity: .warning, value: 0.12, threshold: 0.1, message: "pending")
    private let firingWarning = F.alert("balance-drift", .firing, severity: .warning, value: 0.15, threshold: 0.1, message: "warning")

    func testAttentionFirstThenQuietOnesOnlyWithAll() {
        let published = [acknowledged, resolved, firingWarning, ok, firing, silenced, pending]
        XCTAssertEqual(AlertsText.shown(published, all: false).map(\.id),
                       ["amount-drift", "balance-drift", "age-drift", "latency-burn", "accuracy-low"])
        XCTAssertEqual(AlertsText.shown(published, all: true).map(\.id),
                       ["amount-drift", "balance-drift", "age-drift", "latency-burn", "accuracy-low", "old", "quiet"])
    }

    func testTheReportWithTheHistoryOfTheFiringOnes() {
        let history = [
            "amount-drift": [F.entry("amount-drift", at: 380, .fired, message: "drift.amount 0.21 >= 0.2 for 2m"),
                             F.entry("amount-drift", at: 500, .escalated)],
            "latency-burn": [F.entry("latency-burn", at: 510, .acknowledged, actor: "alice (10.0.0.5)", message: "on it")],
        ]
        let text = AlertsText.render([silenced, firing, acknowledged, resolved], all: false, history: history)
        XCTAssertEqual(text, """
            ID            STATE         SEVERITY  METRIC        VALUE         SINCE        OWNER                       MESSAGE
            amount-drift  firing        critical  drift.amount  0.231 >= 0.2  d0 00:08:20  -                           drift.amount 0.231 >= 0.2 (critical) for 2m
            latency-burn  acknowledged  warning   drift.amount  1 >= 1        d0 00:08:20  ack alice (10.0.0.5)        slo.p99 1 >= 1
            accuracy-low  silenced      critical  drift.amount  0.81 <= 0.85  d0 00:08:20  silenced until d0 01:10:00  accuracy 0.81 <= 0.85

            amount-drift recent history:
              d0 00:06:20  fired  critical  0.231 / 0.2  drift.amount 0.21 >= 0.2 for 2m
              d0 00:08:20  escalated  critical  0.231 / 0.2  drift.amount 0.231 >= 0.2 for 2m

            latency-burn recent history:
              d0 00:08:30  acknowledged  critical  0.231 / 0.2  by alice (10.0.0.5)  on it
            """)
    }

    func testEmptyReportsSayWhy() {
        XCTAssertEqual(AlertsText.render([], all: false, history: [:]), "no alerts (add alerts: to the project file; see docs/project-file.md)")
        XCTAssertEqual(AlertsText.render([resolved, ok], all: false, history: [:]),
                       "no alert is firing, pending, acknowledged or silenced (2 rules; --all lists them)")
    }

    func testComparisonsFollowTheDirection() {
        XCTAssertEqual(AlertsText.comparison(0.231, 0.2, .above), "0.231 >= 0.2")
        XCTAssertEqual(AlertsText.comparison(0.15, 0.2, .above), "0.15 < 0.2")
        XCTAssertEqual(AlertsText.comparison(0.01, 0.05, .below), "0.01 <= 0.05")
        XCTAssertEqual(AlertsText.comparison(0.5, 0.05, .below), "0.5 > 0.05")
        XCTAssertEqual(AlertsText.comparison(nil, 0.2, .above), "- / 0.2")
        XCTAssertEqual(AlertsText.number(123_456), "1.235e+05")
        XCTAssertEqual(AlertsText.number(.infinity), "inf")
    }

    func testHistoryLinesWithTheAlertAndWithoutAValue() {
        let entry = AlertHistoryEntry(alert: "amount-drift", time: F.time(3_600), transition: .silenced, severity: nil, value: nil,
                                      threshold: nil, actor: "bob", message: "silenced for 1h: known \u{1B}[31missue")
        XCTAssertEqual(AlertsText.historyLine(entry, withAlert: true), "d0 01:00:00  amount-drift  silenced  by bob  silenced for 1h: known issue")
    }
}
