import XCTest
@testable import Engine

/// A project with numeric features `amount`, `hour`, a categorical
/// `merchant`, the model `fraud`, the deployment `fraud-api` and one
/// monitor `watch` whose body starts on line 13 (indented by 4).
enum MonitorTestSupport {
    static let head = """
        project: demo
        data:
          features:
            amount: {normal: {mean: 50, sd: 20}}
            hour: {uniform: {min: 0, max: 24}}
            merchant: {categorical: {online: 0.6, store: 0.4}}
          label: {intercept: -1, weights: {amount: 0.02}}
        models: {fraud: {}}
        deployments:
          fraud-api: {model: fraud, mode: {realtime: {rate: 50}}, strategy: basic}
        monitors:
          watch:

        """

    /// The monitor `watch` with `body`, then `rest` (e.g. an `alerts:` section).
    static func project(_ body: String, rest: String = "") -> String {
        head + body + "\n" + rest
    }

    static func errors(_ body: String, rest: String = "") -> [String] {
        ProjectTestSupport.errors(project(body, rest: rest))
    }

    static func monitor(_ body: String, file: StaticString = #filePath, line: UInt = #line) -> MonitorSpec? {
        ProjectTestSupport.spec(project(body), file: file, line: line)?.monitors.first
    }

    /// A monitor body watching drift (psi on amount with 0.1/0.2, ks on
    /// hour), concept drift and two SLOs; 6 lines, so `alerts:` starts on line 19.
    static let fullBody = """
            deployment: fraud-api
            drift: {features: {amount: {method: psi, warn: 0.1, alert: 0.2}, hour: {method: ks}}}
            concept: true
            slos:
              latency: {latency: "p99 < 150ms"}
              availability: {availability: 99.9%}
        """

    /// `alerts:` with one alert `NAME` whose body starts on line 21 (indented by 4).
    static func alerts(_ body: String, name: String = "a") -> String {
        "alerts:\n  \(name):\n" + body + "\n"
    }

    static func alertErrors(_ body: String) -> [String] {
        errors(fullBody, rest: alerts(body))
    }

    static func alert(_ body: String, file: StaticString = #filePath, line: UInt = #line) -> AlertRuleSpec? {
        ProjectTestSupport.spec(project(fullBody, rest: alerts(body)), file: file, line: line)?.alerts.first
    }

    /// A minimal valid `data:`, model, deployment, monitor and alert
    /// `NAME`, for tests of pipelines with `{on_alert: NAME}` triggers.
    static func alertSetup(_ name: String) -> String {
        """
        data:
          features: {amount: {normal: {mean: 50, sd: 20}}}
          label: {intercept: -1, weights: {amount: 0.02}}
        models: {fraud: {}}
        deployments:
          fraud-api: {model: fraud, mode: {realtime: {rate: 50}}, strategy: basic}
        monitors:
          watch: {deployment: fraud-api, drift: {}}
        alerts:
          \(name): {monitor: watch, metric: drift.amount}

        """
    }
}
