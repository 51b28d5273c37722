import Engine
import Foundation
import TUICore

/// The text of `flightdeck drift` (status): per monitor its reference and
/// window, a table of the watched features (method, value, thresholds,
/// sample sizes, state, note), dataset drift, the concept-drift detectors,
/// the SLOs' budgets and burn rates, per-version performance and system
/// health. All user text is sanitized.
enum MonitorStatusText {
    static func render(_ summary: MonitorSummary) -> String {
        var lines: [String] = []
        let serving = summary.servingVersion.map { "v\($0)" } ?? "no serving version"
        let evaluated = summary.evaluatedAt.map { "evaluated \($0.clockLabel)" } ?? "not evaluated yet"
        lines.append("\(summary.id)  deployment \(summary.deployment)  serving \(serving)  \(evaluated)")
        lines.append("  reference: \(summary.reference)")
        lines.append("  window: \(summary.window)")
        if summary.features.isEmpty {
            lines.append("  no features watched")
        } else {
            var rows = [["", "FEATURE", "METHOD", "VALUE", "THRESHOLDS", "REF", "CUR", "STATE", "NOTE"]]
            for feature in summary.features {
                rows.append(["", feature.feature, feature.method.rawValue, value(feature), thresholds(feature.method, feature.thresholds),
                             String(feature.referenceCount), String(feature.currentCount), feature.state.rawValue, feature.note ?? "-"]
                    .map { TextSanitizer.clean($0) })
            }
            lines.append(contentsOf: TextTable.render(rows).split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
        }
        if let dataset = summary.datasetDrift {
            lines.append("  dataset drift: \(dataset.drifting) of \(dataset.watched) features (\(percent(dataset.share))), "
                         + "threshold \(percent(dataset.threshold)): \(dataset.isDrifting ? "drifting" : "not drifting")")
        }
        if let concept = summary.concept {
            lines.append("  concept drift (labels \(concept.labelDelay) late): \(levelText(concept.level))"
                         + (concept.accuracy.last.map { ", accuracy \(fixed($0.value, 3)) at \($0.time.clockLabel)" } ?? ""))
            for detector in concept.detectors {
                let detected = detector.detectedAt.map { ", detected \($0.clockLabel)" } ?? ""
                lines.append("    \(detector.kind.rawValue): \(levelText(detector.level))\(detected), \(detector.samples) samples, \(detector.detail)")
            }
        }
        if !summary.slos.isEmpty {
            lines.append("  SLOs:")
            for slo in summary.slos {
                let burns = slo.burnRates.map { "\($0.window) \(fixed($0.rate, 1))x" }.joined(separator: ", ")
                let alert: String
                switch slo.alert {
                case .none: alert = "no burn alert"
                case .slow: alert = "slow burn (6x over 6h and 30m)"
                case .fast: alert = "fast burn (14.4x over 1h and 5m)"
                }
                lines.append("    \(slo.id): \(slo.objective.description), target \(percentTrimmed(slo.target)) over \(slo.period) "
                             + "(\(slo.good)/\(slo.total) good), budget left \(percent(slo.budgetRemaining)); burn \(burns.isEmpty ? "-" : burns); \(alert)"
                             + (slo.freezesPromotions ? "; promotions frozen" : ""))
            }
        }
        if !summary.performance.isEmpty {
            var rows = [["", "VERSION", "P50", "P95", "P99", "MAX", "ERR%", "REQ/S", "ACCURACY"]]
            for version in summary.performance {
                rows.append(["", "v\(version.version)", RolloutStatusText.milliseconds(version.p50), RolloutStatusText.milliseconds(version.p95),
                             RolloutStatusText.milliseconds(version.p99), RolloutStatusText.milliseconds(version.max),
                             version.errorRate.map { fixed($0 * 100, 2) + "%" } ?? "-", fixed(version.throughput, 1),
                             version.accuracy.map { fixed($0, 3) } ?? "-"])
            }
            lines.append(contentsOf: TextTable.render(rows).split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
        }
        let health = summary.health
        lines.append("  health: replicas \(percent(health.replicaUtilisation)) busy, streaming lag \(health.streamingLag.map(String.init) ?? "-"), "
                     + "pipeline failures in the last hour \(health.pipelineFailuresLastHour), scheduler backlog \(health.schedulerBacklog)")
        return lines.map { TextSanitizer.clean($0) }.joined(separator: "\n")
    }

    /// `0.231`; for p-value tests `p 0.0031 (D 0.041)`; for Wasserstein
    /// with its raw distance `0.12 (raw 3.4)`; `-` while insufficient.
    static func value(_ feature: FeatureDriftSummary) -> String {
        guard let value = feature.value else { return "-" }
        switch feature.method {
        case .ks, .chiSquare:
            let label = feature.method == .ks ? "D" : "chi2"
            return "p \(AlertsText.number(value))" + (feature.statistic.map { " (\(label) \(AlertsText.number($0)))" } ?? "")
        case .wasserstein:
            return AlertsText.number(value) + (feature.rawDistance.map { " (raw \(AlertsText.number($0)))" } ?? "")
        case .psi, .jensenShannon:
            return AlertsText.number(value)
        }
    }

    /// `>=0.1 / >=0.2` for distances, `<0.05 / <0.01` for p-values (warn / alert).
    static func thresholds(_ method: DriftMethod, _ thresholds: DriftThresholds) -> String {
        let sign = method.isPValueTest ? "<" : ">="
        return "\(sign)\(AlertsText.number(thresholds.warn)) / \(sign)\(AlertsText.number(thresholds.alert))"
    }

    static func levelText(_ level: DetectorLevel) -> String {
        switch level {
        case .none: "no drift"
        case .warning: "warning"
        case .drift: "drift"
        }
    }

    /// `42.0%` (one decimal).
    static func percent(_ share: Double) -> String { fixed(share * 100, 1) + "%" }

    /// `99.9%`, `99%`, `99.95%`: as few decimals as the target needs.
    static func percentTrimmed(_ share: Double) -> String { String(format: "%g", (share * 100 * 1e6).rounded() / 1e6) + "%" }

    static func fixed(_ value: Double, _ digits: Int) -> String { String(format: "%.\(digits)f", value) }

    /// The latest persisted rollup of each feature, in the order the
    /// features first appear (for `drift` with no engine running).
    static func latestPerFeature(_ rollups: [DriftRollup]) -> [DriftRollup] {
        var order: [String] = []
        var latest: [String: DriftRollup] = [:]
        for rollup in rollups {
            if latest[rollup.feature] == nil { order.append(rollup.feature) }
            latest[rollup.feature] = rollup
        }
        return order.compactMap { latest[$0] }
    }

    /// The table of persisted rollups.
    static func rollupTable(_ rollups: [DriftRollup]) -> String {
        var rows = [["MONITOR", "FEATURE", "TIME", "METHOD", "VALUE", "REF", "CUR", "STATE"]]
        for rollup in rollups {
            rows.append([rollup.monitor, rollup.feature, rollup.time.clockLabel, rollup.method.rawValue,
                         rollup.value.map { AlertsText.number($0) } ?? "-", String(rollup.referenceCount), String(rollup.currentCount),
                         rollup.state.rawValue].map { TextSanitizer.clean($0) })
        }
        return TextTable.render(rows)
    }
}
