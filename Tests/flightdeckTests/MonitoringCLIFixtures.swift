import Engine
import Foundation
@testable import flightdeck

/// Hand-built monitoring summaries and a scratch workspace for the CLI tests.
enum MonitoringCLIFixtures {
    static func time(_ seconds: Int64) -> SimTime { SimTime(milliseconds: seconds * 1000) }

    static func alert(_ id: String, _ state: AlertState, severity: AlertSeverity? = .critical, value: Double? = 0.231,
                      threshold: Double? = 0.2, direction: AlertDirection = .above, acknowledgedBy: String? = nil,
                      silencedUntil: SimTime? = nil, message: String = "drift.amount 0.231 >= 0.2 (critical) for 2m") -> AlertSummary {
        AlertSummary(id: id, description: nil, monitor: "fraud-monitor", deployment: "fraud-api", metric: "drift.amount", state: state,
                     severity: severity, value: value, threshold: threshold, direction: direction, since: time(500),
                     firedAt: time(500), resolvedAt: nil, acknowledgedBy: acknowledgedBy, silencedUntil: silencedUntil, occurrences: 1,
                     message: message, subject: .deployment("fraud-api"))
    }

    static func entry(_ alert: String, at seconds: Int64, _ transition: AlertTransition, actor: String? = nil,
                      message: String = "drift.amount 0.231 >= 0.2 for 2m") -> AlertHistoryEntry {
        AlertHistoryEntry(alert: alert, time: time(seconds), transition: transition, severity: .critical, value: 0.231, threshold: 0.2,
                          actor: actor, message: message)
    }

    static func feature(_ name: String, method: DriftMethod, value: Double?, statistic: Double? = nil, rawDistance: Double? = nil,
                        thresholds: DriftThresholds, reference: Int = 20_000, current: Int = 4_210, state: DriftState,
                        note: String? = nil) -> FeatureDriftSummary {
        FeatureDriftSummary(feature: name, isCategorical: method == .chiSquare, method: method, value: value, statistic: statistic,
                            rawDistance: rawDistance, thresholds: thresholds, referenceCount: reference, currentCount: current, state: state,
                            note: note, history: [], binLabels: [], referenceShares: [], currentShares: [])
    }

    static func monitor() -> MonitorSummary {
        MonitorSummary(
            id: "fraud-monitor", deployment: "fraud-api", servingVersion: 3, reference: "training data of fraud v3 (20,000 rows)",
            window: "last 30m", evaluatedAt: time(600),
            features: [
                feature("amount", method: .psi, value: 0.231, thresholds: DriftThresholds(warn: 0.1, alert: 0.2), state: .drift),
                feature("age", method: .ks, value: 0.0031, statistic: 0.041, thresholds: DriftThresholds(warn: 0.05, alert: 0.01),
                        state: .warning, note: "significant but tiny: D 0.041 on 20000 vs 4210"),
                feature("balance", method: .wasserstein, value: 0.12, rawDistance: 3.4, thresholds: DriftThresholds(warn: 0.1, alert: 0.2),
                        state: .warning),
                feature("country", method: .chiSquare, value: nil, thresholds: DriftThresholds(warn: 0.05, alert: 0.01), reference: 20_000,
                        current: 12, state: .insufficient, note: "insufficient: 12 < 100 values"),
            ],
            datasetDrift: DatasetDriftSummary(drifting: 1, watched: 4, threshold: 0.5, isDrifting: false),
            concept: ConceptDriftSummary(
                detectors: [DetectorSummary(kind: .ddm, level: .warning, detectedAt: nil, detail: "p+s 0.214 (min 0.151+3*0.011)", samples: 3_912),
                            DetectorSummary(kind: .pageHinkley, level: .drift, detectedAt: time(540), detail: "PH 62.4 / 50", samples: 3_912)],
                accuracy: [TimedValue(time: time(60), value: 0.93), TimedValue(time: time(120), value: 0.912)], labelDelay: .minutes(10)),
            performance: [VersionPerformanceSummary(version: 3, p50: 12, p95: 48.25, p99: 131, max: 240, errorRate: 0.002, throughput: 40,
                                                    accuracy: 0.912, history: []),
                          VersionPerformanceSummary(version: 4, p50: nil, p95: nil, p99: nil, max: nil, errorRate: nil, throughput: 0,
                                                    accuracy: nil, history: [])],
            slos: [SLOSummary(id: "p99-latency", objective: .latency(thresholdMs: 150), target: 0.999, period: .days(30), good: 99_950,
                              total: 100_000, budgetRemaining: 0.5,
                              burnRates: [BurnRate(window: .minutes(5), rate: 15.2), BurnRate(window: .hours(1), rate: 14.5)],
                              alert: .fast, freezesPromotions: true)],
            health: SystemHealthSummary(replicaUtilisation: 0.42, streamingLag: nil, pipelineFailuresLastHour: 1, schedulerBacklog: 0))
    }

    /// The embedded demo project with one alert rule, on a state directory under `path`.
    static func workspace(statePath: String) throws -> Workspace {
        var spec = try ProjectLoader.embeddedDemo(builtins: BuiltinRegistry.standard.names).get()
        spec.alerts = [AlertRuleSpec(id: "amount-drift", monitor: "fraud-monitor", metric: .datasetDrift, warning: 0.5)]
        return Workspace(spec: spec, projectFile: nil, statePath: statePath)
    }

    /// A fresh directory under /tmp.
    static func temporaryDirectory() throws -> String {
        var template = Array("/tmp/flightdeck-cli-XXXXXX".utf8CString)
        guard let result = mkdtemp(&template) else { throw NSError(domain: "mkdtemp", code: Int(errno)) }
        return String(cString: result)
    }
}
