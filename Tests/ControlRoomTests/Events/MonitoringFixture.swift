import Engine
import SimKernel
@testable import ControlRoom

/// A hand-built snapshot with the monitoring parts filled as the engine
/// will fill them: the Overview fixture's pipelines (runs #1 and #2),
/// registry (fraud v3 waiting for approval) and deployments (fraud-gate at
/// its approval gate), plus alerts in every state, their history, engine
/// events about each kind of subject, two monitors with drifting features
/// and SLOs, and two CT stories (the newest waiting for approval).
enum MonitoringFixture {
    static func ago(_ minutes: Int64, from now: SimTime) -> SimTime { now - .minutes(minutes) }

    static func alert(_ id: String, _ state: AlertState, _ severity: AlertSeverity?, metric: String, value: Double?, threshold: Double?,
                      direction: AlertDirection = .above, since: SimTime, acknowledgedBy: String? = nil, silencedUntil: SimTime? = nil,
                      resolvedAt: SimTime? = nil, occurrences: Int = 1, subject: EventSubject? = nil) -> AlertSummary {
        AlertSummary(id: id, description: nil, monitor: "fraud-monitor", deployment: "fraud-canary", metric: metric, state: state,
                     severity: severity, value: value, threshold: threshold, direction: direction, since: since,
                     firedAt: state == .ok || state == .pending ? nil : since, resolvedAt: resolvedAt, acknowledgedBy: acknowledgedBy,
                     silencedUntil: silencedUntil, occurrences: occurrences,
                     message: "\(metric) \(value.map { String($0) } ?? "?") vs \(threshold.map { String($0) } ?? "?")", subject: subject)
    }

    static func alerts(now: SimTime) -> [AlertSummary] {
        [
            alert("quiet", .ok, nil, metric: "drift.age", value: 0.01, threshold: 0.1, since: .zero),
            alert("auc-drop", .resolved, .warning, metric: "accuracy", value: 0.91, threshold: 0.85, direction: .below, since: ago(60, from: now),
                  resolvedAt: ago(60, from: now), occurrences: 3, subject: .version(model: "fraud", version: 3)),
            alert("p99-latency", .firing, .warning, metric: "latency.p99", value: 182, threshold: 150, since: ago(5, from: now),
                  subject: .deployment("fraud-gate")),
            alert("merchant-drift", .acknowledged, .warning, metric: "drift.merchant", value: 0.004, threshold: 0.01, direction: .below,
                  since: ago(20, from: now), acknowledgedBy: "alice (10.0.0.5)"),
            alert("error-rate", .silenced, .critical, metric: "error_rate", value: 0.031, threshold: 0.02, since: ago(15, from: now),
                  silencedUntil: now + .minutes(45)),
            alert("concept", .pending, .warning, metric: "concept_drift", value: 1, threshold: 1, since: ago(1, from: now)),
            alert("amount-drift", .firing, .critical, metric: "drift.amount", value: 0.231, threshold: 0.2, since: ago(12, from: now),
                  subject: .run(RunID(1))),
        ]
    }

    static func history(now: SimTime) -> [AlertHistoryEntry] {
        [
            AlertHistoryEntry(alert: "auc-drop", time: ago(60, from: now), transition: .resolved, severity: .warning, value: 0.9, threshold: 0.85,
                              actor: nil, message: "accuracy 0.9 > 0.85"),
            AlertHistoryEntry(alert: "amount-drift", time: ago(30, from: now), transition: .fired, severity: .critical, value: 0.231, threshold: 0.2,
                              actor: nil, message: "drift.amount 0.231 >= 0.2 for 2m"),
            AlertHistoryEntry(alert: "merchant-drift", time: ago(18, from: now), transition: .acknowledged, severity: .warning, value: nil,
                              threshold: nil, actor: "alice (10.0.0.5)", message: "looking into it"),
            AlertHistoryEntry(alert: "error-rate", time: ago(14, from: now), transition: .silenced, severity: .critical, value: nil,
                              threshold: nil, actor: "bob (10.0.0.9)", message: "silenced for 1h: known issue"),
        ]
    }

    static func events(now: SimTime) -> [EngineEvent] {
        [
            EngineEvent(sequence: 0, time: .zero, kind: .started, message: "project fraud-detection, seed 42, speed 1x"),
            EngineEvent(sequence: 1, time: ago(29, from: now), kind: EngineEventKind(rawValue: "run"), message: "retrain run 1 started by on_alert amount-drift",
                        subject: .run(RunID(1))),
            EngineEvent(sequence: 2, time: ago(24, from: now), kind: EngineEventKind(rawValue: "registry"), message: "fraud v3 registered (auc 0.91)",
                        subject: .version(model: "fraud", version: 3)),
            EngineEvent(sequence: 3, time: ago(22, from: now), kind: EngineEventKind(rawValue: "pipeline"), message: "report scheduled",
                        subject: .pipeline("report")),
            EngineEvent(sequence: 4, time: ago(14, from: now), kind: EngineEventKind(rawValue: "rollout"), message: "fraud-gate analysis passed, approval pending",
                        subject: .deployment("fraud-gate")),
            EngineEvent(sequence: 5, time: ago(2, from: now), kind: EngineEventKind(rawValue: "monitor"), message: "fraud-monitor evaluated 5,000 requests",
                        subject: .monitor("fraud-monitor")),
        ]
    }

    static func feature(_ name: String, _ method: DriftMethod, value: Double?, warn: Double, alert: Double, state: DriftState,
                        categorical: Bool = false) -> FeatureDriftSummary {
        FeatureDriftSummary(feature: name, isCategorical: categorical, method: method, value: value, statistic: nil, rawDistance: nil,
                            thresholds: DriftThresholds(warn: warn, alert: alert), referenceCount: 20_000, currentCount: 5_000, state: state,
                            note: nil, history: [], binLabels: [], referenceShares: [], currentShares: [])
    }

    static func slo(_ id: String, _ objective: SLOObjective, budget: Double, alert: BurnAlert, freezes: Bool = false) -> SLOSummary {
        SLOSummary(id: id, objective: objective, target: 0.999, period: .days(30), good: 99_000, total: 100_000, budgetRemaining: budget,
                   burnRates: [], alert: alert, freezesPromotions: freezes)
    }

    static func monitors(now: SimTime) -> [MonitorSummary] {
        let health = SystemHealthSummary(replicaUtilisation: 0.4, streamingLag: nil, pipelineFailuresLastHour: 0, schedulerBacklog: 0)
        return [
            MonitorSummary(id: "fraud-monitor", deployment: "fraud-api", servingVersion: 3, reference: "training data of fraud v3 (20,000 rows)",
                           window: "last 30m", evaluatedAt: ago(2, from: now),
                           features: [
                               feature("age", .psi, value: 0.02, warn: 0.1, alert: 0.2, state: .ok),
                               feature("amount", .psi, value: 0.231, warn: 0.1, alert: 0.2, state: .drift),
                               feature("hour", .ks, value: 0.03, warn: 0.05, alert: 0.01, state: .warning),
                               feature("merchant", .chiSquare, value: 0.004, warn: 0.05, alert: 0.01, state: .drift, categorical: true),
                           ],
                           datasetDrift: DatasetDriftSummary(drifting: 2, watched: 4, threshold: 0.5, isDrifting: true), concept: nil,
                           performance: [],
                           slos: [slo("availability", .availability, budget: 0.62, alert: .none),
                                  slo("p99-latency", .latency(thresholdMs: 150), budget: -0.1, alert: .fast, freezes: true)],
                           health: health),
            MonitorSummary(id: "ranker-monitor", deployment: "ranker", servingVersion: 6, reference: "traffic 00:00-00:30 (4,210 requests)",
                           window: "last 5,000 requests", evaluatedAt: ago(3, from: now),
                           features: [
                               feature("query_len", .wasserstein, value: 0.35, warn: 0.3, alert: 0.6, state: .warning),
                               feature("clicks", .psi, value: nil, warn: 0.1, alert: 0.2, state: .insufficient),
                           ],
                           datasetDrift: nil, concept: nil, performance: [],
                           slos: [slo("availability", .availability, budget: 0.2, alert: .slow)], health: health),
        ]
    }

    static func stories(now: SimTime) -> [CTStory] {
        [
            CTStory(id: 1, alert: "auc-drop", pipeline: "retrain", chapters: [
                CTChapter(time: ago(120, from: now), kind: .alert, text: "auc-drop fired: accuracy 0.84 <= 0.85", subject: .alert("auc-drop")),
                CTChapter(time: ago(118, from: now), kind: .run, text: "run 0 failed: train failed (exit 3)", subject: .run(RunID(0))),
            ], isClosed: true),
            CTStory(id: 2, alert: "amount-drift", pipeline: "retrain", chapters: [
                CTChapter(time: ago(30, from: now), kind: .alert, text: "amount-drift fired: drift.amount 0.231 >= 0.2", subject: .alert("amount-drift")),
                CTChapter(time: ago(24, from: now), kind: .run, text: "retrain run 1 succeeded: 5 steps in 5m", subject: .run(RunID(1))),
                CTChapter(time: ago(24, from: now), kind: .version, text: "fraud v3 registered (auc 0.91)", subject: .version(model: "fraud", version: 3)),
                CTChapter(time: ago(23, from: now), kind: .rollout, text: "fraud-gate canary 10%", subject: .deployment("fraud-gate")),
                CTChapter(time: ago(14, from: now), kind: .rollout, text: "analysis passed, approval pending", subject: .deployment("fraud-gate")),
            ], isClosed: false),
        ]
    }

    /// The whole snapshot.
    static func snapshot() throws -> EngineSnapshot {
        var snapshot = try PipelinesFixture.engine().snapshot()
        let registry = try ModelsFixture.engine().snapshot()
        snapshot.now = registry.now
        snapshot.models = registry.models
        snapshot.pendingApprovals = registry.pendingApprovals
        snapshot.deployments = DeploymentsFixture.all()
        let now = snapshot.now
        snapshot.recentEvents = events(now: now)
        snapshot.totalEventCount = snapshot.recentEvents.count
        snapshot.alerts = alerts(now: now)
        snapshot.alertHistory = history(now: now)
        snapshot.monitors = monitors(now: now)
        snapshot.stories = stories(now: now)
        return snapshot
    }
}
