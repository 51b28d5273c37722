import XCTest
import SimKernel
@testable import Engine

/// `alerts:`: the rule's keys, its monitor and metric checked against what
/// the monitor watches, levels, direction, duration and hysteresis.
final class AlertSectionTests: XCTestCase {
    private typealias S = MonitorTestSupport

    func testFullAlert() throws {
        let alert = try XCTUnwrap(S.alert("""
            description: Transaction amounts drift away from the training data
            monitor: watch
            metric: drift.amount
            warning: 0.1
            critical: 0.2
            for: 2m
            clear: 0.02
            direction: above
        """))
        XCTAssertEqual(alert, AlertRuleSpec(id: "a", description: "Transaction amounts drift away from the training data", monitor: "watch",
                                            metric: .featureDrift("amount"), warning: 0.1, critical: 0.2, direction: .above,
                                            minimumDuration: .minutes(2), hysteresis: 0.02))
    }

    func testEveryMetricName() throws {
        let cases: [(String, AlertMetric, AlertDirection)] = [
            ("dataset_drift", .datasetDrift, .above), ("concept_drift", .conceptDrift, .above), ("slo.latency", .sloBurn("latency"), .above),
            ("slo.availability.budget", .sloBudget("availability"), .below), ("error_rate", .errorRate, .above),
            ("p50_latency_ms", .latency(percentile: 50), .above), ("p95_latency_ms", .latency(percentile: 95), .above),
            ("p99_latency_ms", .latency(percentile: 99), .above), ("accuracy", .accuracy, .below), ("utilisation", .utilisation, .above),
            ("streaming_lag", .streamingLag, .above), ("pipeline_failures", .pipelineFailures, .above),
            ("scheduler_backlog", .schedulerBacklog, .above),
        ]
        for (name, metric, direction) in cases {
            let alert = try XCTUnwrap(S.alert("    monitor: watch\n    metric: \(name)\n    critical: 0.5"), name)
            XCTAssertEqual(alert.metric, metric, name)
            XCTAssertEqual(alert.metric.description, name)
            XCTAssertEqual(alert.direction, direction, name)
            XCTAssertEqual(alert.critical, 0.5, name)
            XCTAssertNil(alert.warning, name)
        }
        XCTAssertEqual(AlertReader.metricForms.count, cases.count + 1, "drift.FEATURE and the cases above")
    }

    func testDefaults() throws {
        // drift.FEATURE without levels: the monitor's thresholds; a p-value method is below.
        let drift = try XCTUnwrap(S.alert("    monitor: watch\n    metric: drift.hour"))
        XCTAssertEqual(drift, AlertRuleSpec(id: "a", monitor: "watch", metric: .featureDrift("hour"), direction: .below))
        // drift on a feature without an override (the method follows the window size).
        XCTAssertEqual(S.alert("    monitor: watch\n    metric: drift.merchant")?.warning, nil)
        // slo.NAME without levels: 1 slow burn, 2 fast burn.
        let burn = try XCTUnwrap(S.alert("    monitor: watch\n    metric: slo.latency"))
        XCTAssertEqual(burn, AlertRuleSpec(id: "a", monitor: "watch", metric: .sloBurn("latency"), warning: 1, critical: 2))
        // Percentages for shares; an explicit direction wins.
        let accuracy = try XCTUnwrap(S.alert("    monitor: watch\n    metric: accuracy\n    warning: 90%\n    critical: 80%\n    direction: below"))
        XCTAssertEqual(accuracy.warning, 0.9)
        XCTAssertEqual(accuracy.critical, 0.8)
        XCTAssertEqual(S.alert("    monitor: watch\n    metric: error_rate\n    warning: 5%\n    direction: below")?.direction, .below)
    }

    func testMissingAndUnknownKeysAndMonitor() {
        XCTAssertEqual(S.alertErrors("    description: x"), [
            "20:3: alert 'a' has no monitor; expected monitor: ID (a key of monitors:)",
            "20:3: alert 'a' has no metric; expected metric: one of " + AlertReader.metricForms.joined(separator: ", "),
        ])
        XCTAssertEqual(S.alertErrors("    monitr: watch\n    metric: error_rate\n    warning: 0.1\n    severity: high"), [
            "21:5: unknown key 'monitr' in alert 'a'; did you mean 'monitor'?",
            "24:5: unknown key 'severity' in alert 'a'; expected one of: description, monitor, metric, warning, critical, for, clear, direction",
        ])
        XCTAssertEqual(S.alertErrors("    monitor: wach\n    metric: error_rate\n    warning: 0.1"),
                       ["21:14: monitor: unknown monitor 'wach'; did you mean 'watch'?"])
        XCTAssertEqual(ProjectTestSupport.errors("project: demo\nalerts:\n  a: {monitor: watch, metric: error_rate, warning: 0.1}\n"),
                       ["3:16: monitor: unknown monitor 'watch'; no monitors are declared (add one under monitors:)"])
        XCTAssertEqual(ProjectTestSupport.errors("project: demo\nalerts: [a]\n"),
                       ["2:9: alerts: expected a mapping of alert names to rules, found a list"])
    }

    func testAnInvalidMonitorGetsNoSecondError() {
        let errors = S.errors("    deployment: fraud-api\n    concept: {detectors: [ddn]}", rest: S.alerts("    monitor: watch\n    metric: concept_drift"))
        XCTAssertEqual(errors, ["14:27: detectors: unknown detector 'ddn'; did you mean 'ddm'? expected ddm, page_hinkley or adwin"])
    }

    func testUnknownMetrics() {
        let list = AlertReader.metricForms.joined(separator: ", ")
        XCTAssertEqual(S.alertErrors("    monitor: watch\n    metric: eror_rate\n    warning: 0.1"),
                       ["22:13: metric: unknown metric 'eror_rate'; did you mean 'error_rate'? expected one of \(list)"])
        XCTAssertEqual(S.alertErrors("    monitor: watch\n    metric: drift\n    warning: 0.1"),
                       ["22:13: metric: unknown metric 'drift'; expected one of \(list)"])
        XCTAssertEqual(S.alertErrors("    monitor: watch\n    metric: drif\n    warning: 0.1"),
                       ["22:13: metric: unknown metric 'drif'; did you mean 'drift.NAME'? expected one of \(list)"])
        XCTAssertEqual(S.alertErrors("    monitor: watch\n    metric: slo.a.b\n    warning: 0.1"),
                       ["22:13: metric: unknown metric 'slo.a.b'; expected one of \(list)"])
    }

    func testMetricMustBeWatchedByTheMonitor() {
        XCTAssertEqual(S.alertErrors("    monitor: watch\n    metric: drift.amout"),
                       ["22:13: metric: unknown feature 'amout'; did you mean 'amount'?"])
        XCTAssertEqual(S.alertErrors("    monitor: watch\n    metric: slo.latncy"),
                       ["22:13: metric: monitor 'watch' has no SLO 'latncy'; did you mean 'latency'?"])
        XCTAssertEqual(S.alertErrors("    monitor: watch\n    metric: slo.speed.budget\n    warning: 0.5"),
                       ["22:13: metric: monitor 'watch' has no SLO 'speed'; its slos: latency, availability"])
        // A monitor with drift only: no concept, no slos; an ignored feature.
        let driftOnly = "    deployment: fraud-api\n    drift: {features: {merchant: {ignore: true}}}"
        func errors(_ alert: String) -> [String] { S.errors(driftOnly, rest: S.alerts(alert)) }
        XCTAssertEqual(errors("    monitor: watch\n    metric: concept_drift\n    warning: 1"), [
            "18:13: metric: concept_drift needs concept: on monitor 'watch', which has none; expected concept: true (or its detectors) on the monitor",
        ])
        XCTAssertEqual(errors("    monitor: watch\n    metric: slo.latency"),
                       ["18:13: metric: monitor 'watch' has no SLO 'latency'; monitor 'watch' has no slos (add them under its slos:)"])
        XCTAssertEqual(errors("    monitor: watch\n    metric: drift.merchant"),
                       ["18:13: metric: monitor 'watch' ignores 'merchant' (ignore: true); expected a feature it watches"])
        XCTAssertEqual(errors("    monitor: watch\n    metric: drift.card\n    warning: 1"),
                       ["18:13: metric: unknown feature 'card'; declared features: amount, hour"])
        // A monitor without drift.
        let sloOnly = "    deployment: fraud-api\n    slos: {up: {availability: 99%}}"
        XCTAssertEqual(S.errors(sloOnly, rest: S.alerts("    monitor: watch\n    metric: drift.amount")), [
            "18:13: metric: drift.amount needs drift: on monitor 'watch', which has none; expected drift: on the monitor, or another metric",
        ])
        XCTAssertEqual(S.errors(sloOnly, rest: S.alerts("    monitor: watch\n    metric: dataset_drift\n    warning: 0.5")), [
            "18:13: metric: dataset_drift needs drift: on monitor 'watch', which has none; expected drift: on the monitor, or another metric",
        ])
    }

    func testLevels() {
        XCTAssertEqual(S.alertErrors("    monitor: watch\n    metric: error_rate"),
                       ["20:3: alert 'a' has no level; expected warning: or critical: (or both) for error_rate"])
        XCTAssertEqual(S.alertErrors("    monitor: watch\n    metric: error_rate\n    warning: 2"),
                       ["23:14: warning: expected a share from 0 to 1 (like 0.001) or a percentage like 0.1%, found '2'"])
        XCTAssertEqual(S.alertErrors("    monitor: watch\n    metric: concept_drift\n    critical: 3"),
                       ["23:15: critical: expected a number from 0 to 2, found 3"])
        XCTAssertEqual(S.alertErrors("    monitor: watch\n    metric: p99_latency_ms\n    critical: -5"),
                       ["23:15: critical: expected a number >= 0, found '-5'"])
        XCTAssertEqual(S.alertErrors("    monitor: watch\n    metric: drift.hour\n    warning: 1.5"),
                       ["23:14: warning: expected a share above 0 and up to 1 (like 0.8) or a percentage like 80%, found '1.5'"])
        // Levels for a feature whose method follows the window size.
        XCTAssertEqual(S.alertErrors("    monitor: watch\n    metric: drift.merchant\n    warning: 0.1"), [
            "23:14: alert 'a': levels for drift.merchant are in its method's unit, but monitor 'watch' leaves the method to the window size "
                + "(psi or ks, chi_square or js); expected features: {merchant: {method: ...}} on the monitor, or no warning and critical (the monitor's thresholds)",
        ])
    }

    func testLevelsOrderedForTheDirection() {
        XCTAssertEqual(S.alertErrors("    monitor: watch\n    metric: error_rate\n    warning: 0.2\n    critical: 0.1"),
                       ["24:15: critical: 0.1 is below warning 0.2 for an alert raised above its levels; expected critical >= warning"])
        XCTAssertEqual(S.alertErrors("    monitor: watch\n    metric: accuracy\n    warning: 0.8\n    critical: 0.9"),
                       ["24:15: critical: 0.9 is above warning 0.8 for an alert raised below its levels; expected critical <= warning"])
        // A p-value drift metric is below: critical under warning.
        XCTAssertEqual(S.alertErrors("    monitor: watch\n    metric: drift.hour\n    warning: 0.01\n    critical: 0.05"),
                       ["24:15: critical: 0.05 is above warning 0.01 for an alert raised below its levels; expected critical <= warning"])
        XCTAssertEqual(S.alert("    monitor: watch\n    metric: drift.hour\n    warning: 0.05\n    critical: 0.01")?.direction, .below)
        XCTAssertEqual(S.alertErrors("    monitor: watch\n    metric: error_rate\n    warning: 0.2\n    critical: 0.1\n    direction: below"), [])
    }

    func testDurationHysteresisAndDirection() {
        XCTAssertEqual(S.alertErrors("    monitor: watch\n    metric: error_rate\n    warning: 0.1\n    for: soon\n    clear: -1\n    direction: up"), [
            "24:10: for: invalid duration 'soon': expected a duration like 30s, 15m, 6h or 7d",
            "25:12: clear: expected the hysteresis, a number >= 0 in the metric's unit, found '-1'",
            "26:16: direction: unknown direction 'up'; expected above or below",
        ])
    }
}
