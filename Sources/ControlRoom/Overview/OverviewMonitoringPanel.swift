import Engine
import SimKernel
import TUICore

/// One drifting feature as the Overview ranks it.
struct DriftingFeature: Equatable {
    var monitor: String
    var deployment: String
    var feature: FeatureDriftSummary
}

/// The Overview's monitoring panel: the most drifting features across
/// monitors (drift before warning, then by how far past the threshold),
/// then each SLO's budget and burn-rate alert.
enum OverviewMonitoringPanel {
    /// Features in warning or drift, worst first: state, then the value
    /// relative to the threshold it is compared with (a p-value counts the
    /// more the smaller it is); project order breaks ties.
    static func mostDrifting(_ monitors: [MonitorSummary], limit: Int) -> [DriftingFeature] {
        var candidates: [(order: Int, item: DriftingFeature, rank: Int, badness: Double)] = []
        for monitor in monitors {
            for feature in monitor.features where feature.state == .drift || feature.state == .warning {
                candidates.append((candidates.count, DriftingFeature(monitor: monitor.id, deployment: monitor.deployment, feature: feature),
                                   feature.state == .drift ? 0 : 1, badness(feature)))
            }
        }
        return candidates.sorted { a, b in
            if a.rank != b.rank { return a.rank < b.rank }
            if a.badness != b.badness { return a.badness > b.badness }
            return a.order < b.order
        }
        .prefix(max(0, limit)).map(\.item)
    }

    /// How far past its alert threshold the value is (1 at the threshold).
    static func badness(_ feature: FeatureDriftSummary) -> Double {
        guard let value = feature.value, value.isFinite else { return 0 }
        let alert = feature.thresholds.alert
        if feature.method.isPValueTest { return alert / max(value, 1e-300) }
        return alert > 0 ? value / alert : value
    }

    /// `PSI`, `KS p`, `W`, `JS`, `chi2 p`.
    static func methodLabel(_ method: DriftMethod) -> String {
        switch method {
        case .psi: return "PSI"
        case .ks: return "KS p"
        case .wasserstein: return "W"
        case .jensenShannon: return "JS"
        case .chiSquare: return "chi2 p"
        }
    }

    /// `fraud-api amount PSI 0.23 ≥ 0.2 drift` (p-value tests: `KS p 0.001 < 0.01`).
    static func text(_ item: DriftingFeature, glyphs: GlyphSet) -> String {
        let f = item.feature
        let threshold = f.state == .drift ? f.thresholds.alert : f.thresholds.warn
        let op = f.method.isPValueTest ? "<" : (glyphs.hasBraille ? "≥" : ">=")
        let value = f.value.map(ChartNumberFormat.compact) ?? "?"
        return "\(TextSanitizer.clean(item.deployment)) \(TextSanitizer.clean(f.feature)) \(methodLabel(f.method)) \(value) \(op) "
            + "\(ChartNumberFormat.compact(threshold)) \(f.state.rawValue)"
    }

    /// Every SLO of every monitor with its deployment.
    static func slos(_ monitors: [MonitorSummary]) -> [(deployment: String, slo: SLOSummary)] {
        monitors.flatMap { monitor in monitor.slos.map { (monitor.deployment, $0) } }
    }

    /// How many lines the panel wants: drift lines (at least one, saying
    /// none drifts) and one per SLO.
    static func wantedLines(_ monitors: [MonitorSummary], driftLimit: Int) -> Int {
        max(1, mostDrifting(monitors, limit: driftLimit).count) + slos(monitors).count
    }

    static func lines(_ monitors: [MonitorSummary], height: Int, width: Int, driftLimit: Int, context: RenderContext) -> [PanelLine] {
        let p = context.palette
        let allSLOs = slos(monitors)
        // Drift gets its lines first (up to 3 when room is short), then the SLOs, then more drift.
        let drifting = mostDrifting(monitors, limit: driftLimit)
        let sloRoom = max(0, height - max(1, min(drifting.count, 3)))
        let sloShown = min(allSLOs.count, sloRoom)
        let driftRoom = max(1, height - sloShown)
        var lines: [PanelLine] = []
        if drifting.isEmpty {
            let watched = monitors.reduce(0) { $0 + $1.features.count }
            let evaluated = monitors.contains { $0.evaluatedAt != nil }
            let text = monitors.isEmpty ? "No monitors declared: drift shows here once monitors: watch a deployment."
                : !evaluated ? "Monitors are collecting their first window; drifting features show here."
                : "No feature drifts: \(watched) watched, all within thresholds."
            lines.append(PanelLine(text, monitors.isEmpty || !evaluated ? p.muted : p.ok))
        } else {
            for item in drifting.prefix(driftRoom) {
                let style = item.feature.state == .drift ? p.critical : p.warn
                let glyph = item.feature.state == .drift ? (context.glyphs.hasBraille ? "●" : "!") : (context.glyphs.hasBraille ? "◐" : "~")
                lines.append(PanelLine(spans: [("\(glyph) ", style), (text(item, glyphs: context.glyphs), p.text)]))
            }
        }
        for (deployment, slo) in allSLOs.prefix(sloShown) {
            lines.append(sloLine(deployment: deployment, slo: slo, width: width, context: context))
        }
        return lines
    }

    /// `fraud-api availability  budget 62% left  fast burn`.
    static func sloLine(deployment: String, slo: SLOSummary, width: Int, context: RenderContext) -> PanelLine {
        let p = context.palette
        let left = "SLO \(TextSanitizer.clean(deployment)) \(TextSanitizer.clean(slo.id))"
        let budget = slo.budgetRemaining.isFinite ? Int((slo.budgetRemaining * 100).rounded()) : 0
        let budgetText = budget >= 0 ? "budget \(budget)% left" : "budget overspent \(-budget)%"
        let burn: String
        let style: Style
        switch slo.alert {
        case .fast:
            burn = "fast burn"
            style = p.critical
        case .slow:
            burn = "slow burn"
            style = p.warn
        case .none:
            burn = budget < 0 ? "spent" : "ok"
            style = budget < 0 ? p.critical : (budget < 25 ? p.warn : p.ok)
        }
        let frozen = slo.freezesPromotions ? ", promotions frozen" : ""
        let right = OverviewServingPanel.right(["\(budgetText)  \(burn)\(frozen)", "\(budgetText)  \(burn)", "\(budget)% \(burn)", burn],
                                               beside: left, width: width)
        return PanelLine(spans: [(left, p.text)], right: (right, style))
    }

    static func render(_ monitors: [MonitorSummary], driftLimit: Int, context: RenderContext, area: Rect, into buffer: inout CellBuffer) {
        let drifting = monitors.flatMap(\.features).filter { $0.state == .drift }.count
        let inner = PipelinesView.block("Drift and SLOs", right: drifting > 0 ? "\(drifting) drifting" : "\(monitors.count) monitor\(monitors.count == 1 ? "" : "s")",
                                        focused: false, context: context, area: area, into: &buffer)
            .inset(left: 1, right: 1)
        guard !inner.isEmpty else { return }
        PanelLine.render(lines(monitors, height: inner.height, width: inner.width, driftLimit: driftLimit, context: context),
                         into: &buffer, area: inner, glyphs: context.glyphs)
    }
}
