import SimKernel

/// `alerts: {NAME: RULE}` — see ``AlertReader``. Read after `monitors:`,
/// whose signals the rules watch. Once every section is read,
/// ``checkTriggers(of:diagnostics:)`` checks the pipelines'
/// `{on_alert: NAME}` triggers against these names.
enum AlertsSection: ProjectSection {
    static let key = "alerts"
    static let requiredForm: String? = nil

    static func read(_ node: YAMLNode, into project: inout ProjectSpec, diagnostics: inout ProjectDiagnostics) {
        guard let entries = diagnostics.mapping(node, key, expected: "a mapping of alert names to rules") else { return }
        for (id, entry) in diagnostics.uniqueEntries(entries, noun: "alert", place: "alerts") {
            diagnostics.checkID(id, noun: "alert", at: entry.keyPosition)
            if let alert = AlertReader.read(id: id, entry: entry, project: project, diagnostics: &diagnostics) {
                project.alerts.append(alert)
            } else {
                diagnostics.declaredWithErrors.append("\(key)/\(id)")
            }
        }
    }

    /// Every `{on_alert: NAME}` must name an alert of `alerts:` (one
    /// declared with errors of its own gets no second error).
    static func checkTriggers(of project: ProjectSpec, diagnostics d: inout ProjectDiagnostics) {
        let names = project.alerts.map(\.id)
        for (name, position) in d.alertReferences where !names.contains(name) && !d.declaredWithErrors.contains("\(key)/\(name)") {
            let hint = ProjectDiagnostics.unknownHint(name, among: names, noun: "alert", section: key)
            d.error("on_alert: unknown alert '\(name)'\(hint); a pipeline can only be triggered by an alert declared under alerts:", at: position)
        }
    }
}

/// Reads one alert rule: the monitor, the metric (``AlertMetric``) checked
/// against what the monitor watches, the levels in the metric's unit and
/// ordered for the direction, the minimum duration and the hysteresis.
enum AlertReader {
    static let keys = ["description", "monitor", "metric", "warning", "critical", "for", "clear", "direction"]
    /// The metric names as written, with placeholders for the parametrised ones.
    static let metricForms = ["drift.FEATURE", "dataset_drift", "concept_drift", "slo.NAME", "slo.NAME.budget", "error_rate",
                              "p50_latency_ms", "p95_latency_ms", "p99_latency_ms", "accuracy", "utilisation", "streaming_lag",
                              "pipeline_failures", "scheduler_backlog"]
    static let plainMetrics: [AlertMetric] = [.datasetDrift, .conceptDrift, .errorRate, .latency(percentile: 50), .latency(percentile: 95),
                                              .latency(percentile: 99), .accuracy, .utilisation, .streamingLag, .pipelineFailures, .schedulerBacklog]
    /// `slo.NAME` levels when none are given: 1 slow burn (warning), 2 fast burn (critical).
    static let sloBurnLevels = (warning: 1.0, critical: 2.0)

    static func read(id: String, entry: YAMLEntry, project: ProjectSpec, diagnostics d: inout ProjectDiagnostics) -> AlertRuleSpec? {
        let place = "alert '\(id)'"
        guard let entries = d.mapping(entry.value, place, expected: "a mapping with monitor, metric and warning or critical") else { return nil }
        var valid = true
        var monitorName: String?
        var monitorSeen = false
        var metric: (metric: AlertMetric, node: YAMLNode)?
        var metricSeen = false
        var levelNodes: [String: YAMLNode] = [:]  // lookups only
        var description: String?
        var direction: AlertDirection?
        var minimumDuration = SimDuration.zero
        var hysteresis = 0.0
        for (key, item) in d.knownKeys(entries, allowed: keys, place: place) {
            let value = item.value
            switch key {
            case "description":
                description = d.string(value, key, expected: "a one-line description")
            case "monitor":
                monitorSeen = true
                monitorName = d.reference(value, key, noun: "monitor", section: "monitors", among: project.monitors.map(\.id))
                valid = valid && monitorName != nil
            case "metric":
                metricSeen = true
                if let parsed = readMetric(value, diagnostics: &d) { metric = (parsed, value) } else { valid = false }
            case "warning", "critical":
                levelNodes[key] = value
            case "for":
                if let duration = d.duration(value, key) { minimumDuration = duration } else { valid = false }
            case "clear":
                if let clear = d.nonNegativeNumber(value, key, expected: "the hysteresis, a number >= 0 in the metric's unit") { hysteresis = clear } else { valid = false }
            default:
                if let name = d.choice(value, key, noun: "direction", among: ["above", "below"]) { direction = AlertDirection(rawValue: name) } else { valid = false }
            }
        }
        for (required, seen) in [("monitor", monitorSeen), ("metric", metricSeen)]
        where !seen && !DeploymentReader.missing([required], in: entries, allowed: keys).isEmpty {
            let form = required == "monitor" ? "monitor: ID (a key of monitors:)" : "metric: one of \(metricForms.joined(separator: ", "))"
            d.error("\(place) has no \(required); expected \(form)", at: entry.keyPosition)
            valid = false
        }
        // The levels' unit depends on the metric and the monitor, so they are read once both are known.
        guard let metric, let monitorName, let monitor = project.monitor(monitorName),
              check(metric.metric, at: metric.node, monitor: monitor, features: project.data?.features.map(\.name) ?? [], diagnostics: &d) else {
            return nil
        }
        var featureMethod: DriftMethod?
        if case .featureDrift(let feature) = metric.metric { featureMethod = monitor.drift?.feature(feature)?.method }
        let resolvedDirection = direction ?? featureMethod.map { $0.isPValueTest ? .below : .above } ?? metric.metric.defaultDirection
        var warning: Double?, critical: Double?
        for key in ["warning", "critical"] {
            guard let node = levelNodes[key] else { continue }
            guard let level = readLevel(node, key, metric: metric.metric, method: featureMethod, diagnostics: &d) else { valid = false; continue }
            if key == "warning" { warning = level } else { critical = level }
        }
        guard valid else { return nil }
        switch metric.metric {
        case .featureDrift(let feature):
            if !levelNodes.isEmpty, featureMethod == nil {
                d.error("\(place): levels for drift.\(feature) are in its method's unit, but monitor '\(monitor.id)' leaves the method to the "
                        + "window size (psi or ks, chi_square or js); expected features: {\(feature): {method: ...}} on the monitor, "
                        + "or no warning and critical (the monitor's thresholds)", at: levelNodes["warning"] ?? levelNodes["critical"] ?? metric.node)
                return nil
            }
        case .sloBurn:
            if levelNodes.isEmpty { (warning, critical) = (sloBurnLevels.warning, sloBurnLevels.critical) }
        default:
            if levelNodes.isEmpty {
                d.error("\(place) has no level; expected warning: or critical: (or both) for \(metric.metric)", at: entry.keyPosition)
                return nil
            }
        }
        if let warning, let critical, let node = levelNodes["critical"] {
            let (w, c) = (ServingValueParsing.format(warning), ServingValueParsing.format(critical))
            if resolvedDirection == .above, critical < warning {
                d.error("critical: \(c) is below warning \(w) for an alert raised above its levels; expected critical >= warning", at: node)
                return nil
            }
            if resolvedDirection == .below, critical > warning {
                d.error("critical: \(c) is above warning \(w) for an alert raised below its levels; expected critical <= warning", at: node)
                return nil
            }
        }
        return AlertRuleSpec(id: id, description: description, monitor: monitorName, metric: metric.metric, warning: warning, critical: critical,
                             direction: resolvedDirection, minimumDuration: minimumDuration, hysteresis: hysteresis)
    }

    // MARK: Metric

    /// `drift.FEATURE`, `slo.NAME`, `slo.NAME.budget` or a plain name.
    static func readMetric(_ node: YAMLNode, diagnostics d: inout ProjectDiagnostics) -> AlertMetric? {
        let list = metricForms.joined(separator: ", ")
        guard let text = d.string(node, "metric", expected: "one of \(list)") else { return nil }
        if let metric = parseMetric(text) { return metric }
        let names = plainMetrics.map(\.description) + ["drift", "slo"]
        let hint = DidYouMean.suggestion(for: text, among: names).map { name in
            name == "drift" || name == "slo" ? "did you mean '\(name).NAME'? " : "did you mean '\(name)'? "
        } ?? ""
        d.error("metric: unknown metric '\(text)'; \(hint)expected one of \(list)", at: node)
        return nil
    }

    static func parseMetric(_ text: String) -> AlertMetric? {
        if let metric = plainMetrics.first(where: { $0.description == text }) { return metric }
        if text.hasPrefix("drift.") {
            let feature = String(text.dropFirst("drift.".count))
            return feature.isEmpty ? nil : .featureDrift(feature)
        }
        if text.hasPrefix("slo.") {
            let rest = String(text.dropFirst("slo.".count))
            if rest.hasSuffix(".budget") {
                let name = String(rest.dropLast(".budget".count))
                return name.isEmpty ? nil : .sloBudget(name)
            }
            return rest.isEmpty || rest.contains(".") ? nil : .sloBurn(rest)
        }
        return nil
    }

    /// Checks the metric against what `monitor` watches (`features`: the
    /// names of `data:`). Returns whether it is valid.
    static func check(_ metric: AlertMetric, at node: YAMLNode, monitor: MonitorSpec, features: [String],
                      diagnostics d: inout ProjectDiagnostics) -> Bool {
        let owner = "monitor '\(monitor.id)'"
        switch metric {
        case .featureDrift(let feature):
            guard let drift = monitor.drift else {
                d.error("metric: \(metric) needs drift: on \(owner), which has none; expected drift: on the monitor, or another metric", at: node)
                return false
            }
            let override = drift.feature(feature)
            if override?.ignored == true {
                d.error("metric: \(owner) ignores '\(feature)' (ignore: true); expected a feature it watches", at: node)
                return false
            }
            guard override != nil || features.contains(feature) else {
                let watched = features.filter { name in drift.feature(name)?.ignored != true }
                d.error("metric: unknown feature '\(feature)'\(ProjectDiagnostics.unknownHint(feature, among: watched, noun: "feature", section: "data.features"))",
                        at: node)
                return false
            }
            return true
        case .datasetDrift:
            if monitor.drift == nil {
                d.error("metric: dataset_drift needs drift: on \(owner), which has none; expected drift: on the monitor, or another metric", at: node)
                return false
            }
        case .conceptDrift:
            if monitor.concept == nil {
                d.error("metric: concept_drift needs concept: on \(owner), which has none; expected concept: true (or its detectors) on the monitor",
                        at: node)
                return false
            }
        case .sloBurn(let name), .sloBudget(let name):
            let names = monitor.slos.map(\.id)
            if !names.contains(name) {
                let hint = names.isEmpty ? "; \(owner) has no slos (add them under its slos:)"
                    : DidYouMean.suggestion(for: name, among: names).map { "; did you mean '\($0)'?" } ?? "; its slos: \(names.joined(separator: ", "))"
                d.error("metric: \(owner) has no SLO '\(name)'\(hint)", at: node)
                return false
            }
        default:
            break
        }
        return true
    }

    // MARK: Levels

    /// A level in the metric's unit: a share (0-1 or a percentage) for
    /// rates, accuracy, dataset drift and budgets; a p-value in (0, 1] for
    /// a p-value drift method; 0-2 for concept drift and burn levels; a
    /// number >= 0 otherwise.
    static func readLevel(_ node: YAMLNode, _ label: String, metric: AlertMetric, method: DriftMethod?,
                          diagnostics d: inout ProjectDiagnostics) -> Double? {
        switch metric {
        case .datasetDrift, .errorRate, .accuracy, .sloBudget:
            return d.share(node, label)
        case .conceptDrift, .sloBurn:
            return d.number(node, label, in: 0...2)
        case .featureDrift where method?.isPValueTest == true:
            guard let level = d.share(node, label, above0: true) else { return nil }
            return level
        default:
            return d.nonNegativeNumber(node, label)
        }
    }
}
