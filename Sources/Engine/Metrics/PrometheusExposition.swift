import SimKernel

/// Renders an ``EngineSnapshot`` in the Prometheus text exposition format
/// (version 0.0.4): `# HELP` and `# TYPE` per metric family, then its
/// samples; every name starts with `flightdeck_`.
///
/// Pure: the same snapshot gives the same text. Order is the project's:
/// deployments, monitors, alerts and pipelines in project-file order,
/// versions as the snapshot lists them (stable first), features in the
/// monitor's order, histogram buckets ascending. Absent values (a drift value
/// while insufficient, a latency histogram the snapshot did not compute) are
/// left out rather than written as zero.
///
/// Families: requests, errors and mirrored requests per deployment and
/// version (counters since the engine started), request latency (histogram,
/// seconds), live and mirror traffic weights (0-1), drift value and drifting
/// flag per monitor and feature, SLO burn rate per window and budget
/// remaining, one alert-state gauge per alert (1 on the current state's
/// label, 0 on the others), pipeline runs by state and run durations
/// (histogram, simulated seconds), and the simulated clock.
public enum PrometheusExposition {
    /// The HTTP content type of the format.
    public static let contentType = "text/plain; version=0.0.4; charset=utf-8"

    /// The whole exposition for `snapshot`, ending with a newline.
    public static func render(_ snapshot: EngineSnapshot) -> String {
        var out = Writer()
        let project = [("project", snapshot.projectName)]

        out.family("flightdeck_simulated_time_seconds", .gauge, "The engine's simulated clock, seconds since the project's start.")
        out.sample("flightdeck_simulated_time_seconds", project, Double(snapshot.now.milliseconds) / 1000)

        // Serving, per deployment and version.
        let deployments = snapshot.deployments
        func versions(_ body: (DeploymentSummary, VersionServingSummary) -> Void) {
            for deployment in deployments { for version in deployment.versions { body(deployment, version) } }
        }
        func versionLabels(_ deployment: DeploymentSummary, _ version: VersionServingSummary) -> [(String, String)] {
            [("deployment", deployment.id), ("model", deployment.model), ("version", String(version.version))]
        }
        out.family("flightdeck_requests_total", .counter, "Live requests answered or failed by a version since the engine started.")
        versions { out.sample("flightdeck_requests_total", versionLabels($0, $1), Double($1.totals.requests)) }
        out.family("flightdeck_request_errors_total", .counter, "Failed requests of a version (live and mirrored) since the engine started.")
        versions { out.sample("flightdeck_request_errors_total", versionLabels($0, $1), Double($1.totals.errors)) }
        out.family("flightdeck_mirrored_requests_total", .counter, "Requests mirrored to a version (shadow, preview) since the engine started.")
        versions { out.sample("flightdeck_mirrored_requests_total", versionLabels($0, $1), Double($1.totals.mirrored)) }
        out.family("flightdeck_request_latency_seconds", .histogram,
                   "Latency of a version's answered requests (live and mirrored), simulated seconds, since it entered the deployment.")
        versions { deployment, version in
            guard let latency = version.latency else { return }
            out.histogram("flightdeck_request_latency_seconds", versionLabels(deployment, version), latency)
        }
        out.family("flightdeck_traffic_weight_ratio", .gauge, "A version's share of live traffic, 0 to 1.")
        versions { out.sample("flightdeck_traffic_weight_ratio", versionLabels($0, $1), $1.livePercent / 100) }
        out.family("flightdeck_mirror_weight_ratio", .gauge, "The share of requests copied to a version as a mirror, 0 to 1.")
        versions { out.sample("flightdeck_mirror_weight_ratio", versionLabels($0, $1), $1.mirrorPercent / 100) }
        out.family("flightdeck_replicas", .gauge, "Replicas a version runs.")
        versions { out.sample("flightdeck_replicas", versionLabels($0, $1), Double($1.replicas)) }

        // Monitoring.
        let monitors = snapshot.monitors
        func features(_ body: (MonitorSummary, FeatureDriftSummary) -> Void) {
            for monitor in monitors { for feature in monitor.features { body(monitor, feature) } }
        }
        func featureLabels(_ monitor: MonitorSummary, _ feature: FeatureDriftSummary) -> [(String, String)] {
            [("monitor", monitor.id), ("deployment", monitor.deployment), ("feature", feature.feature), ("method", feature.method.rawValue)]
        }
        out.family("flightdeck_drift_value", .gauge,
                   "A feature's latest drift value (PSI, KS or chi-square p-value, normalised Wasserstein, JS distance) by its monitor's method.")
        features { monitor, feature in
            guard let value = feature.value else { return }
            out.sample("flightdeck_drift_value", featureLabels(monitor, feature), value)
        }
        out.family("flightdeck_drift_detected", .gauge, "1 when a feature's latest drift value crosses its drift threshold, else 0.")
        features { out.sample("flightdeck_drift_detected", featureLabels($0, $1), $1.state == .drift ? 1 : 0) }
        func slos(_ body: (MonitorSummary, SLOSummary) -> Void) {
            for monitor in monitors { for slo in monitor.slos { body(monitor, slo) } }
        }
        func sloLabels(_ monitor: MonitorSummary, _ slo: SLOSummary) -> [(String, String)] {
            [("monitor", monitor.id), ("deployment", monitor.deployment), ("slo", slo.id)]
        }
        out.family("flightdeck_slo_burn_rate", .gauge, "An SLO's error-budget burn rate over a window (1 spends the budget exactly over the period).")
        slos { monitor, slo in
            for burn in slo.burnRates {
                out.sample("flightdeck_slo_burn_rate", sloLabels(monitor, slo) + [("window", burn.window.description)], burn.rate)
            }
        }
        out.family("flightdeck_slo_error_budget_remaining_ratio", .gauge, "The share of an SLO's error budget left (1 untouched, 0 spent, negative overspent).")
        slos { out.sample("flightdeck_slo_error_budget_remaining_ratio", sloLabels($0, $1), $1.budgetRemaining) }
        out.family("flightdeck_alert_state", .gauge, "An alert rule's state: 1 on the current state's label, 0 on the others.")
        for alert in snapshot.alerts {
            let base = [("alert", alert.id), ("monitor", alert.monitor), ("deployment", alert.deployment)]
            for state in AlertState.allCases {
                out.sample("flightdeck_alert_state", base + [("state", state.rawValue)], alert.state == state ? 1 : 0)
            }
        }

        // Pipelines.
        out.family("flightdeck_pipeline_runs", .gauge, "Runs of a pipeline the engine knows, by their current state.")
        for pipeline in snapshot.pipelines {
            for entry in pipeline.runsByState {
                out.sample("flightdeck_pipeline_runs", [("pipeline", pipeline.id), ("state", entry.state.rawValue)], Double(entry.count))
            }
        }
        out.family("flightdeck_pipeline_run_duration_seconds", .histogram, "Durations of a pipeline's finished runs, start to end, simulated seconds.")
        for pipeline in snapshot.pipelines {
            out.histogram("flightdeck_pipeline_run_duration_seconds", [("pipeline", pipeline.id)], pipeline.runDurations)
        }
        return out.text
    }

    /// A label value escaped for the text format: backslash, double quote
    /// and line feed become `\\`, `\"` and `\n`.
    public static func escapeLabelValue(_ value: String) -> String {
        var result = ""
        result.reserveCapacity(value.utf8.count)
        for character in value.unicodeScalars {
            switch character {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "\n": result += "\\n"
            default: result.unicodeScalars.append(character)
            }
        }
        return result
    }

    /// Help text escaped for `# HELP`: backslash and line feed.
    public static func escapeHelp(_ text: String) -> String {
        text.replacingAll("\\", with: "\\\\").replacingAll("\n", with: "\\n")
    }

    /// A sample value: integers without a fraction, `+Inf`, `-Inf`, `NaN`,
    /// otherwise Swift's shortest round-tripping form (`0.25`, `1e-05`).
    public static func formatValue(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value > 0 ? "+Inf" : "-Inf" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return value.description
    }

    /// The metric types the exposition uses.
    public enum MetricType: String, Sendable {
        case counter, gauge, histogram
    }

    struct Writer {
        var text = ""

        mutating func family(_ name: String, _ type: MetricType, _ help: String) {
            text += "# HELP \(name) \(PrometheusExposition.escapeHelp(help))\n# TYPE \(name) \(type.rawValue)\n"
        }

        mutating func sample(_ name: String, _ labels: [(String, String)], _ value: Double) {
            text += name
            if !labels.isEmpty {
                text += "{"
                for (index, label) in labels.enumerated() {
                    if index > 0 { text += "," }
                    text += "\(label.0)=\"\(PrometheusExposition.escapeLabelValue(label.1))\""
                }
                text += "}"
            }
            text += " \(PrometheusExposition.formatValue(value))\n"
        }

        mutating func histogram(_ name: String, _ labels: [(String, String)], _ histogram: MetricHistogram) {
            let cumulative = histogram.cumulativeCounts
            for (index, bound) in histogram.upperBounds.enumerated() {
                sample(name + "_bucket", labels + [("le", PrometheusExposition.formatValue(bound))], Double(cumulative[index]))
            }
            sample(name + "_bucket", labels + [("le", "+Inf")], Double(cumulative.last ?? 0))
            sample(name + "_sum", labels, histogram.sum)
            sample(name + "_count", labels, Double(cumulative.last ?? 0))
        }
    }
}

extension String {
    fileprivate func replacingAll(_ target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
