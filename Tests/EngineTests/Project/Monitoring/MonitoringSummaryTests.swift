import XCTest
@testable import Engine

/// `flightdeck validate`'s lines for monitors and alerts.
final class MonitoringSummaryTests: XCTestCase {
    func testMonitorAndAlertLines() throws {
        let text = MonitorTestSupport.project("""
            description: Inputs of the fraud API
            deployment: fraud-api
            drift: {window: {requests: 5000}, reference: {window: {from: 0s, to: 1h}},
                    features: {amount: {method: psi, warn: 0.1, alert: 0.25}, hour: {method: ks}, merchant: {ignore: true}}}
            concept: {detectors: [adwin]}
            slos:
              latency: {latency: "p99 < 150ms", period: 7d}
              availability: {availability: 99.9%}
            freeze_promotions: true
          health:
            deployment: fraud-api
            drift: {}
        """, rest: """
        alerts:
          amount-drift: {description: Amounts drift, monitor: watch, metric: drift.amount, warning: 0.1, critical: 0.2, for: 2m, clear: 0.02}
          inputs: {monitor: health, metric: dataset_drift, critical: 50%}
          budget: {monitor: watch, metric: slo.availability.budget, warning: 0.5}
          burn: {monitor: watch, metric: slo.latency}
          hour: {monitor: watch, metric: drift.hour}
        pipelines:
          retrain:
            triggers: [{on_alert: amount-drift}]
            steps: {a: {run: x}}
          refresh:
            triggers: [manual, {on_alert: amount-drift}, {on_alert: inputs}]
            steps: {a: {run: x}}
        """)
        let spec = try XCTUnwrap(ProjectTestSupport.spec(text))
        let lines = ProjectSummary.lines(for: spec, now: .zero, calendar: SimCalendar())
        let start = try XCTUnwrap(lines.firstIndex(of: "monitors: 2"))
        XCTAssertEqual(Array(lines[start...]), [
            "monitors: 2",
            "monitor watch: deployment fraud-api - Inputs of the fraud API",
            "  drift: amount (psi 0.1/0.25), hour (ks); merchant ignored; window 5000 requests, every 1m, reference window 0s-1h, dataset drift at 50%",
            "  concept: adwin",
            "  slos: latency (latency < 150 ms for 99% over 7d), availability (availability for 99.9% over 30d); an exhausted budget freezes promotions",
            "monitor health: deployment fraud-api",
            "  drift: amount, hour, merchant; window 30m, every 1m, reference training, dataset drift at 50%",
            "alerts: 5",
            "alert amount-drift: drift.amount above 0.1 warning, 0.2 critical on watch for 2m, clear 0.02; triggers retrain, refresh - Amounts drift",
            "alert inputs: dataset_drift above 0.5 critical on health; triggers refresh",
            "alert budget: slo.availability.budget below 0.5 warning on watch; triggers no pipeline",
            "alert burn: slo.latency above 1 warning, 2 critical on watch; triggers no pipeline",
            "alert hour: drift.hour at the monitor's thresholds on watch; triggers no pipeline",
        ])
        let pipelineLines = lines.filter { $0.hasPrefix("  triggers:") }
        XCTAssertEqual(pipelineLines, ["  triggers: on_alert: amount-drift", "  triggers: manual, on_alert: amount-drift, on_alert: inputs"])
    }
}
