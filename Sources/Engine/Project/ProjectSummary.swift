import SimKernel

/// The summary `flightdeck validate` prints for a valid project file.
public enum ProjectSummary {
    /// How many upcoming scheduled times are listed per pipeline.
    public static let upcomingCount = 3

    /// Project name, seed, pools and data, then per pipeline: step count,
    /// description, schedule with the next scheduled times after `now`
    /// (calendar labels, UTC), triggers, run limits and params with their
    /// defaults; then the models with their promotion policy; then the
    /// deployments (model, serving mode, strategy) each with its plan's
    /// estimated time to full promotion and to roll back; then the monitors
    /// (what each watches) and the alerts (level, monitor and the pipelines
    /// they trigger). File order.
    public static func lines(for spec: ProjectSpec, now: SimTime, calendar: SimCalendar) -> [String] {
        var lines = ["project: \(spec.name)", "seed: \(spec.seed)"]
        lines.append("pools: " + (spec.pools.isEmpty ? "none" : spec.pools.map { "\($0.id) \($0.size)" }.joined(separator: ", ")))
        if let data = spec.data {
            let names = data.features.map(\.name).joined(separator: ", ")
            lines.append("data: \(data.features.count) features (\(names)), \(data.drift.count) drift scenario\(data.drift.count == 1 ? "" : "s")")
        } else {
            lines.append("data: none")
        }
        lines.append("pipelines: \(spec.pipelines.count)")
        for pipeline in spec.pipelines {
            let steps = pipeline.steps.count == 1 ? "1 step" : "\(pipeline.steps.count) steps"
            lines.append("pipeline \(pipeline.id): \(steps)" + (pipeline.description.map { " - \($0)" } ?? ""))
            if let schedule = pipeline.schedule {
                let upcoming = schedule.upcoming(after: now, count: upcomingCount, calendar: calendar).map(calendar.label)
                let next = upcoming.isEmpty ? "never matches" : "next " + upcoming.joined(separator: ", ")
                lines.append("  schedule: \(schedule) (UTC); \(next)")
            } else {
                lines.append("  schedule: none")
            }
            lines.append("  triggers: " + pipeline.triggers.map(\.description).joined(separator: ", "))
            lines.append("  max_active_runs: \(pipeline.maxActiveRuns), catchup: \(pipeline.catchup)")
            let params = pipeline.params.map { "\($0.name) = \(quoted($0.defaultValue)) (\($0.defaultValue.typeName))" }
            lines.append("  params: " + (params.isEmpty ? "none" : params.joined(separator: ", ")))
        }
        lines.append("models: \(spec.models.count)")
        for model in spec.models {
            var line = "model \(model.id): policy \(model.policy)"
            if let timeout = model.approvalTimeout { line += ", approval timeout \(timeout) then \(model.onTimeout)" }
            lines.append(line)
        }
        lines.append("deployments: \(spec.deployments.count)")
        for deployment in spec.deployments {
            lines.append("deployment \(deployment.id): model \(deployment.model), \(modeText(deployment.mode)), \(strategyText(deployment.strategy))"
                         + (deployment.description.map { " - \($0)" } ?? ""))
            lines.append("  estimate: " + estimateText(deployment))
        }
        lines.append("monitors: \(spec.monitors.count)")
        for monitor in spec.monitors {
            lines.append("monitor \(monitor.id): deployment \(monitor.deployment)" + (monitor.description.map { " - \($0)" } ?? ""))
            if let drift = monitor.drift { lines.append("  drift: " + driftText(drift, features: spec.data?.features.map(\.name) ?? [])) }
            if let concept = monitor.concept { lines.append("  concept: " + concept.detectors.map(\.rawValue).joined(separator: ", ")) }
            if !monitor.slos.isEmpty {
                lines.append("  slos: " + monitor.slos.map(sloText).joined(separator: ", ")
                             + (monitor.freezePromotionsWhenBudgetExhausted ? "; an exhausted budget freezes promotions" : ""))
            }
        }
        lines.append("alerts: \(spec.alerts.count)")
        for alert in spec.alerts {
            let triggered = spec.pipelines.filter { $0.triggers.contains(.onAlert(alert.id)) }.map(\.id)
            lines.append("alert \(alert.id): \(alertText(alert)); "
                         + (triggered.isEmpty ? "triggers no pipeline" : "triggers " + triggered.joined(separator: ", "))
                         + (alert.description.map { " - \($0)" } ?? ""))
        }
        return lines
    }

    /// `amount (psi 0.1/0.2), hour (ks), merchant; card_age ignored; window 30m, every 1m, reference training, dataset drift at 50%`.
    static func driftText(_ drift: DriftMonitorSpec, features: [String]) -> String {
        let watched = features.filter { drift.feature($0)?.ignored != true }.map { name -> String in
            guard let method = drift.feature(name)?.method else { return name }
            let levels = drift.feature(name)?.thresholds.map { " \(ServingValueParsing.format($0.warn))/\(ServingValueParsing.format($0.alert))" } ?? ""
            return "\(name) (\(method.rawValue)\(levels))"
        }
        let ignored = features.filter { drift.feature($0)?.ignored == true }
        let window = switch drift.window {
        case .time(let duration): "\(duration)"
        case .count(let count): "\(count) requests"
        }
        let reference = switch drift.reference {
        case .training: "training"
        case .window(let from, let to): "window \(from)-\(to)"
        }
        return watched.joined(separator: ", ") + (ignored.isEmpty ? "" : "; \(ignored.joined(separator: ", ")) ignored")
            + "; window \(window), every \(drift.every), reference \(reference), dataset drift at \(percent(drift.datasetShare))"
    }

    /// `latency (latency < 150 ms for 99% over 30d)`.
    static func sloText(_ slo: SLOSpec) -> String {
        "\(slo.id) (\(slo.objective.description) for \(percent(slo.target)) over \(slo.period))"
    }

    /// `drift.amount above 0.1 warning, 0.2 critical on fraud-inputs for 2m, clear 0.02`.
    static func alertText(_ alert: AlertRuleSpec) -> String {
        var levels: [String] = []
        if let warning = alert.warning { levels.append("\(ServingValueParsing.format(warning)) warning") }
        if let critical = alert.critical { levels.append("\(ServingValueParsing.format(critical)) critical") }
        let level = levels.isEmpty ? "at the monitor's thresholds" : "\(alert.direction.rawValue) " + levels.joined(separator: ", ")
        return "\(alert.metric) \(level) on \(alert.monitor)"
            + (alert.minimumDuration > .zero ? " for \(alert.minimumDuration)" : "")
            + (alert.hysteresis > 0 ? ", clear \(ServingValueParsing.format(alert.hysteresis))" : "")
    }

    /// `99.9%`, `50%`.
    static func percent(_ share: Double) -> String {
        let value = (share * 100_000).rounded() / 1000
        return (value == value.rounded() ? String(Int(value)) : String(value)) + "%"
    }

    /// `realtime 50/s`, `batch 10000 rows every 1h`, `streaming 200/s`, `edge 500 devices`.
    static func modeText(_ mode: ServingMode) -> String {
        switch mode {
        case .realTime(let traffic): return "realtime \(ServingValueParsing.format(traffic.ratePerSecond))/s"
        case .batch(let batch): return "batch \(batch.rows) rows every \(batch.every)"
        case .streaming(let streaming): return "streaming \(ServingValueParsing.format(streaming.ratePerSecond))/s"
        case .edge(let fleet): return "edge \(fleet.devices) device\(fleet.devices == 1 ? "" : "s")"
        }
    }

    /// `full promotion in ~35m + approval wait, rollback ~0s; one routing change`:
    /// ``RolloutPlanEstimate`` at the mode's mean request rate, the approval
    /// wait moved next to the promotion time, then what the estimate assumes.
    static func estimateText(_ deployment: DeploymentSpec) -> String {
        let estimate = RolloutPlanEstimate.estimate(deployment, trafficPerSecond: deployment.mode.meanRequestsPerSecond)
        var note = estimate.note
        var wait = ""
        if note.hasSuffix(RolloutPlanEstimate.approvalWait) {
            note.removeLast(RolloutPlanEstimate.approvalWait.count)
            wait = RolloutPlanEstimate.approvalWait
        }
        return "full promotion in ~\(estimate.toFullPromotion)\(wait), rollback ~\(estimate.toRollback)"
            + (note.isEmpty ? "" : "; " + note)
    }

    /// The strategy's name, with the step count of a canary or feature flag.
    static func strategyText(_ strategy: StrategySpec) -> String {
        switch strategy {
        case .canary(let canary): return "canary (\(canary.steps.count) step\(canary.steps.count == 1 ? "" : "s"))"
        case .featureFlag(let flag): return "feature_flag (\(flag.steps.count) step\(flag.steps.count == 1 ? "" : "s"))"
        default: return strategy.name
        }
    }

    private static func quoted(_ value: ParamValue) -> String {
        if case .string(let text) = value { return "\"\(text)\"" }
        return value.description
    }
}
