import SimKernel

extension Engine {
    /// Evaluates every alert rule on its monitor's latest signal, records
    /// the transitions and starts the `on_alert` pipelines of alerts that fired.
    func evaluateAlerts() {
        guard let host = monitorHost else { return }
        for alert in host.alerts {
            let entries = alert.observe(signal(alert.rule.metric, of: alert.monitor), at: now)
            noteAlertEntries(entries)
            if let fired = entries.first(where: { $0.transition == .fired }) {
                startContinuousTraining(alert: alert.rule.id, because: fired)
            }
        }
        // A rollout held by a spent error budget moves on once the budget
        // recovers (and one running into it is held at once).
        for monitor in host.monitors where monitor.spec.freezePromotionsWhenBudgetExhausted {
            let frozen = monitor.freezesPromotions(now: now)
            guard frozen != monitor.frozen else { continue }
            monitor.frozen = frozen
            record(.monitorNote, "\(monitor.spec.deployment): promotions \(frozen ? "frozen: an SLO's error budget is spent" : "unfrozen")",
                   subject: .deployment(monitor.spec.deployment))
            recordAutomaticAudit(action: frozen ? "freeze-promotions" : "unfreeze-promotions", target: monitor.spec.deployment,
                                 reason: frozen ? "an SLO's error budget is spent" : "the error budget recovered", message: monitor.spec.id)
            if monitor.deployment.isRollingOut { evaluate(monitor.deployment) }
        }
    }

    /// The current value of an alert's signal (nil when unknown, e.g. too little data).
    func signal(_ metric: AlertMetric, of monitor: MonitorRuntime) -> Double? {
        let stable = monitor.deployment.stable
        let performance = monitor.performance.first { $0.version == stable }
        switch metric {
        case .featureDrift(let feature):
            return monitor.results.first { $0.feature == feature }?.value
        case .datasetDrift:
            guard let drift = monitor.datasetDrift, drift.watched > 0 else { return nil }
            return drift.share
        case .conceptDrift:
            return monitor.concept.map { Double($0.level(now: now).rawValue) }
        case .sloBurn(let id):
            return monitor.slos.first { $0.spec.id == id }.map { Double($0.alert(now: now).rawValue) }
        case .sloBudget(let id):
            return monitor.slos.first { $0.spec.id == id }.map { $0.budgetRemaining(now: now) }
        case .errorRate:
            return performance?.errorRate
        case .latency(let percentile):
            switch percentile {
            case 50: return performance?.p50
            case 95: return performance?.p95
            default: return performance?.p99
            }
        case .accuracy:
            guard let stable else { return nil }
            return monitor.deployment.simulator.windowMetrics(version: stable, window: .minutes(15)).accuracy
        case .utilisation:
            return monitor.health.replicaUtilisation
        case .streamingLag:
            return monitor.health.streamingLag.map(Double.init)
        case .pipelineFailures:
            return Double(monitor.health.pipelineFailuresLastHour)
        case .schedulerBacklog:
            return Double(monitor.health.schedulerBacklog)
        }
    }

    /// Keeps alert transitions for the snapshot and the store, and logs them.
    func noteAlertEntries(_ entries: [AlertHistoryEntry]) {
        guard let host = monitorHost, !entries.isEmpty else { return }
        for entry in entries {
            host.history.append(entry)
            host.pendingHistory.append(entry)
            record(.alert, "\(entry.alert) \(entry.transition.rawValue): \(entry.message)", subject: .alert(entry.alert))
        }
        host.statesDirty = true
    }

    /// Runs the pipelines that retrain on `alert` and opens a story for each run.
    private func startContinuousTraining(alert: String, because entry: AlertHistoryEntry) {
        guard let host = monitorHost, let scheduler = pipelineScheduler else { return }
        let (started, skipped) = scheduler.triggerByAlert(alert)
        for reason in skipped {
            record(.story, "\(alert) fired again; not retraining: \(reason)", subject: .alert(alert))
        }
        for run in started {
            recordAutomaticAudit(action: "trigger", target: "\(run.pipeline) run \(run.id)", reason: "on_alert \(alert): \(entry.message)",
                                 message: "run #\(run.number) \(run.state.rawValue)")
            host.stories.begin(alert: alert, alertText: "\(alert) fired: \(entry.message)", pipeline: run.pipeline, run: run, at: now)
        }
        if !started.isEmpty {
            scheduler.settle()
            flushRunChanges()
        }
    }
}
