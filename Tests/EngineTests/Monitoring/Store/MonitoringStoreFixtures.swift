import Foundation
@testable import Engine

/// Hand-built monitoring values for the store tests.
enum MonitoringStoreFixtures {
    static func entry(_ alert: String, at seconds: Int64, _ transition: AlertTransition, value: Double? = 0.23,
                      actor: String? = nil, message: String = "drift.amount 0.23 >= 0.2") -> AlertHistoryEntry {
        AlertHistoryEntry(alert: alert, time: SimTime(milliseconds: seconds * 1000), transition: transition,
                          severity: transition == .resolved ? nil : .critical, value: value, threshold: 0.2, actor: actor, message: message)
    }

    static func story(_ id: Int, chapters: Int, closed: Bool = false) -> CTStory {
        let texts = ["amount-drift fired: drift.amount 0.23 >= 0.2", "retrain run 14 started", "fraud v4 registered (auc 0.91)",
                     "fraud-api canary started", "approved by alice: looks good"]
        let kinds: [CTChapter.Kind] = [.alert, .run, .version, .rollout, .decision]
        let subjects: [EventSubject?] = [.alert("amount-drift"), .run(RunID(14)), .version(model: "fraud", version: 4),
                                         .deployment("fraud-api"), nil]
        return CTStory(id: id, alert: "amount-drift", pipeline: "retrain",
                       chapters: (0..<chapters).map { CTChapter(time: SimTime(milliseconds: Int64(id * 100 + $0) * 1000), kind: kinds[$0],
                                                                 text: texts[$0], subject: subjects[$0]) },
                       isClosed: closed)
    }

    static func rollup(_ feature: String, at seconds: Int64, value: Double?, state: DriftState = .ok,
                       monitor: String = "fraud-monitor") -> DriftRollup {
        DriftRollup(monitor: monitor, feature: feature, time: SimTime(milliseconds: seconds * 1000), method: .psi, value: value,
                    state: state, referenceCount: 20_000, currentCount: 4_210)
    }

    static func feature(_ name: String, value: Double?, state: DriftState) -> FeatureDriftSummary {
        FeatureDriftSummary(feature: name, isCategorical: false, method: .psi, value: value, statistic: nil, rawDistance: nil,
                            thresholds: DriftThresholds(warn: 0.1, alert: 0.2), referenceCount: 20_000, currentCount: 4_210,
                            state: state, note: nil, history: [TimedValue(time: SimTime(milliseconds: 60_000), value: 0.05)],
                            binLabels: ["<10", ">=10"], referenceShares: [0.5, 0.5], currentShares: [0.3, 0.7])
    }

    static func monitor(_ id: String = "fraud-monitor") -> MonitorSummary {
        MonitorSummary(id: id, deployment: "fraud-api", servingVersion: 3, reference: "training data of fraud v3 (20,000 rows)",
                       window: "last 30m", evaluatedAt: SimTime(milliseconds: 600_000),
                       features: [feature("amount", value: 0.231, state: .drift), feature("age", value: nil, state: .insufficient)],
                       datasetDrift: DatasetDriftSummary(drifting: 1, watched: 2, threshold: 0.5, isDrifting: true),
                       concept: nil, performance: [], slos: [],
                       health: SystemHealthSummary(replicaUtilisation: 0.4, streamingLag: nil, pipelineFailuresLastHour: 0, schedulerBacklog: 0))
    }

    static func alert(_ id: String, state: AlertState) -> AlertSummary {
        AlertSummary(id: id, description: nil, monitor: "fraud-monitor", deployment: "fraud-api", metric: "drift.amount", state: state,
                     severity: state == .ok ? nil : .critical, value: 0.231, threshold: 0.2, direction: .above,
                     since: SimTime(milliseconds: 500_000), firedAt: SimTime(milliseconds: 500_000), resolvedAt: nil,
                     acknowledgedBy: nil, silencedUntil: nil, occurrences: 1, message: "drift.amount 0.231 >= 0.2 (critical) for 2m",
                     subject: .deployment("fraud-api"))
    }

    /// A stand-in for the alert evaluator's state (the store keeps it opaque).
    struct EvaluatorState: Codable, Equatable {
        var level: String
        var pendingSince: Int64?
        var lastValue: Double
    }
}
