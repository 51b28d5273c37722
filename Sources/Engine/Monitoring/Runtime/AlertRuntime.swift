import Foundation
import SimKernel

/// One alert rule inside the engine: its evaluator on the monitor's
/// signal, with levels resolved from the monitor where the rule has none
/// (a drift metric uses its feature's thresholds; an SLO burn metric
/// warns at a slow burn and is critical at a fast one).
final class AlertRuntime {
    let rule: AlertRuleSpec
    let monitor: MonitorRuntime
    var evaluator: AlertEvaluator

    init(rule: AlertRuleSpec, monitor: MonitorRuntime, restoring persisted: PersistedAlertState?, at time: SimTime) {
        self.rule = rule
        self.monitor = monitor
        let state = persisted.flatMap { try? $0.decode(AlertEvaluatorState.self) }
        evaluator = AlertEvaluator(rule: rule, levels: Self.levels(of: rule, monitor: monitor), restoring: state)
    }

    static func levels(of rule: AlertRuleSpec, monitor: MonitorRuntime) -> AlertLevels {
        switch rule.metric {
        case .featureDrift(let name):
            let feature = monitor.features.first { $0.name == name }
            return AlertLevels(rule: rule, monitorThresholds: feature?.spec.thresholds, method: feature?.spec.method)
        case .sloBurn where rule.warning == nil && rule.critical == nil:
            return AlertLevels(warning: Double(BurnAlert.slow.rawValue), critical: Double(BurnAlert.fast.rawValue), direction: .above)
        default:
            return AlertLevels(rule: rule)
        }
    }

    func observe(_ value: Double?, at time: SimTime) -> [AlertHistoryEntry] {
        evaluator.observe(value, at: time)
    }

    func acknowledge(by actor: String, reason: String?, at time: SimTime) -> Result<AlertHistoryEntry, AlertCommandError> {
        evaluator.acknowledge(by: actor, at: time).map { entry in
            var entry = entry
            if let reason, !reason.isEmpty { entry.message += ": \(reason)" }
            return entry
        }
    }

    func silence(until: SimTime, by actor: String, reason: String?, at time: SimTime) -> Result<AlertHistoryEntry, AlertCommandError> {
        evaluator.silence(until: until, by: actor, at: time, reason: reason)
    }

    func summary(now: SimTime) -> AlertSummary {
        evaluator.summary(deployment: monitor.spec.deployment, now: now, subject: subject)
    }

    /// What the alert concerns: the drifting feature's monitor, or the deployment.
    var subject: EventSubject {
        switch rule.metric {
        case .featureDrift, .datasetDrift, .conceptDrift: .monitor(monitor.spec.id)
        case .pipelineFailures, .schedulerBacklog: .monitor(monitor.spec.id)
        default: .deployment(monitor.spec.deployment)
        }
    }

    func persisted() -> PersistedAlertState? {
        try? PersistedAlertState(alert: rule.id, encoding: evaluator.state)
    }
}
