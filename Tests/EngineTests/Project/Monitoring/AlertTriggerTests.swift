import XCTest
@testable import Engine

/// `triggers: [{on_alert: NAME}]` must name an alert of `alerts:`.
final class AlertTriggerTests: XCTestCase {
    private func pipeline(_ alert: String) -> String {
        "project: demo\npipelines:\n  retrain:\n    triggers: [manual, {on_alert: \(alert)}]\n    steps:\n      a: {run: x}\n"
    }

    func testATriggerNamesADeclaredAlert() throws {
        let spec = try XCTUnwrap(ProjectTestSupport.spec(pipeline("amount-drift") + MonitorTestSupport.alertSetup("amount-drift")))
        XCTAssertEqual(spec.pipeline("retrain")?.triggers, [.manual, .onAlert("amount-drift")])
        XCTAssertEqual(spec.alerts.map(\.id), ["amount-drift"])
    }

    func testUnknownAlerts() {
        XCTAssertEqual(ProjectTestSupport.errors(pipeline("amount-drif") + MonitorTestSupport.alertSetup("amount-drift")), [
            "4:35: on_alert: unknown alert 'amount-drif'; did you mean 'amount-drift'?; a pipeline can only be triggered by an alert declared under alerts:",
        ])
        XCTAssertEqual(ProjectTestSupport.errors(pipeline("latency") + MonitorTestSupport.alertSetup("amount-drift")), [
            "4:35: on_alert: unknown alert 'latency'; declared alerts: amount-drift; a pipeline can only be triggered by an alert declared under alerts:",
        ])
        XCTAssertEqual(ProjectTestSupport.errors(pipeline("drift")), [
            "4:35: on_alert: unknown alert 'drift'; no alerts are declared (add one under alerts:); "
                + "a pipeline can only be triggered by an alert declared under alerts:",
        ])
    }

    func testAnInvalidAlertGetsNoSecondError() {
        let setup = MonitorTestSupport.alertSetup("amount-drift").replacingOccurrences(of: "metric: drift.amount", with: "metric: drift.amout")
        let errors = ProjectTestSupport.errors(pipeline("amount-drift") + setup)
        XCTAssertEqual(errors.count, 1, "\(errors)")
        XCTAssertTrue(errors.first?.contains("unknown feature 'amout'") == true, "\(errors)")
    }
}
