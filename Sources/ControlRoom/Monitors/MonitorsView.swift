import Engine
import TUICore

/// The Monitors screen. Wide (from 110x30 cells of body): the monitors
/// (when there are several) above the selected monitor's drift table on
/// the left, the selected feature's histograms and drift chart on the
/// right; below, the performance panel (latency and accuracy charts,
/// per-version figures, detectors) and the SLO panel (budget gauges, burn
/// bars, system health).
///
/// Narrow: the monitors on one line, the drift table across the width,
/// then the feature's charts beside one text panel with the versions'
/// figures, accuracy, detectors, SLO budgets and burn rates and health;
/// the latency and accuracy charts and the burn bars are dropped.
enum MonitorsView {
    static func render(snapshot: EngineSnapshot, state: UIState, context: RenderContext, area: Rect, into buffer: inout CellBuffer) {
        let filter = state.filter(for: .monitors)
        let data = MonitorsData(snapshot: snapshot, state: state.monitors, filter: filter)
        guard data.total > 0 else {
            EmptyStateView.render(screen: .monitors, snapshot: snapshot, context: context, area: area, into: &buffer)
            return
        }
        guard let monitor = data.selected else {
            let inner = PipelinesView.block("Monitors /\(TextSanitizer.clean(filter))", focused: true, context: context, area: area, into: &buffer)
            buffer.put("No monitor or feature matches '\(TextSanitizer.clean(filter))'. Esc clears the filter.", in: inner.inset(left: 1).row(0),
                       style: context.palette.muted, ellipsis: context.glyphs.ellipsis)
            return
        }
        if area.width >= 110 && area.height >= 30 {
            renderWide(data: data, monitor: monitor, filter: filter, now: snapshot.now, context: context, area: area, into: &buffer)
        } else {
            renderCompact(data: data, monitor: monitor, filter: filter, context: context, area: area, into: &buffer)
        }
    }

    private static func renderWide(data: MonitorsData, monitor: MonitorSummary, filter: String, now: SimTime, context: RenderContext,
                                   area: Rect, into buffer: inout CellBuffer) {
        let leftWidth = max(70, area.width * 66 / 100)
        let listHeight = data.monitors.count > 1 ? min(data.monitors.count, 4) + 2 : 0
        let topHeight = min(max(listHeight + DriftTablePanel.preferredHeight(data), 16), area.height - 14)
        let rows = area.split(.vertical, [.length(topHeight), .fill()])
        let top = rows[0].split(.horizontal, [.length(leftWidth), .fill()])
        let left = top[0].split(.vertical, [.length(listHeight), .fill()])
        if listHeight > 0 { MonitorListPanel.render(data: data, context: context, area: left[0], into: &buffer) }
        DriftTablePanel.render(data: data, filter: filter, showTrend: true, context: context, area: left[1], into: &buffer)
        FeatureDetailPanel.render(monitor: monitor, feature: data.selectedFeature, context: context, area: top[1], into: &buffer)
        let bottom = rows[1].split(.horizontal, [.length(leftWidth), .fill()])
        PerformancePanel.render(monitor: monitor, now: now, context: context, area: bottom[0], into: &buffer)
        SLOPanel.render(monitor: monitor, context: context, area: bottom[1], into: &buffer)
    }

    private static func renderCompact(data: MonitorsData, monitor: MonitorSummary, filter: String, context: RenderContext,
                                      area: Rect, into buffer: inout CellBuffer) {
        var body = area
        if data.monitors.count > 1 {
            MonitorListPanel.renderStrip(data: data, context: context, row: area.row(0), into: &buffer)
            body = area.inset(top: 1)
        }
        let driftHeight = min(DriftTablePanel.preferredHeight(data), max(7, body.height / 2))
        let rows = body.split(.vertical, [.length(driftHeight), .fill()])
        DriftTablePanel.render(data: data, filter: filter, showTrend: true, context: context, area: rows[0], into: &buffer)
        let columns = rows[1].split(.horizontal, [.length(max(30, rows[1].width * 2 / 5)), .fill()])
        FeatureDetailPanel.render(monitor: monitor, feature: data.selectedFeature, context: context, area: columns[0], into: &buffer)
        let inner = PipelinesView.block("Performance\(context.separator)SLOs", focused: false, context: context, area: columns[1], into: &buffer)
            .inset(left: 1, right: 1)
        PanelLine.render(compactLines(monitor, context: context), into: &buffer, area: inner, glyphs: context.glyphs)
    }

    /// The narrow layout's serving panel, most important first: per-version
    /// figures, SLOs (budget, alert, burn rates), accuracy and detectors,
    /// system health.
    static func compactLines(_ monitor: MonitorSummary, context: RenderContext) -> [PanelLine] {
        let p = context.palette
        var lines: [PanelLine] = monitor.performance.map { v in
            let figures = "\(DeploymentAppearance.latency(v.p50))/\(DeploymentAppearance.latency(v.p95))/\(DeploymentAppearance.latency(v.p99))"
                + " err \(DeploymentAppearance.fractionPercent(v.errorRate)) \(VersionAppearance.fixed(v.throughput, decimals: 0)) rps"
            return PanelLine(spans: [("v\(v.version) ", p.version(v.version).bold()), (figures, p.text)])
        }
        for slo in monitor.slos {
            let state = MonitorAppearance.state(slo.alert)
            let style = MonitorAppearance.style(state, p)
            var spans: [(text: String, style: Style)] = [
                ("\(MonitorAppearance.glyph(state, context.glyphs)) ", style), (TextSanitizer.clean(slo.id), p.text),
                (" budget ", p.muted), (MonitorAppearance.percent(slo.budgetRemaining), slo.budgetRemaining <= 0 ? p.critical : p.text),
            ]
            if slo.alert != .none { spans.append((" \(MonitorAppearance.burnAlertText(slo.alert))", style)) }
            lines.append(PanelLine(spans: spans, right: slo.freezesPromotions ? ("frozen", p.critical.bold()) : nil))
            var burn: [(text: String, style: Style)] = [("  burn", p.muted)]
            for rate in slo.burnRates {
                burn.append((" \(MonitorAppearance.duration(rate.window)) ", p.muted))
                burn.append((MonitorAppearance.rate(rate.rate), SLOPanel.burnStyle(rate, p)))
            }
            lines.append(PanelLine(spans: burn))
        }
        if let concept = monitor.concept {
            var accuracy = "acc \(concept.accuracy.last.map { DeploymentAppearance.ratio($0.value) } ?? "-")"
            if concept.labelDelay.milliseconds > 0 { accuracy += " labels \(MonitorAppearance.duration(concept.labelDelay)) late" }
            var spans: [(text: String, style: Style)] = [(accuracy, p.text)]
            for d in concept.detectors {
                let state = MonitorAppearance.state(d.level)
                spans.append((" \(MonitorAppearance.detector(d.kind)) ", p.muted))
                spans.append(("\(MonitorAppearance.glyph(state, context.glyphs))", MonitorAppearance.style(state, p)))
            }
            lines.append(PanelLine(spans: spans))
        }
        let h = monitor.health
        var health = "replicas \(h.replicaUtilisation.isFinite ? Int((h.replicaUtilisation * 100).rounded()) : 0)%"
        if let lag = h.streamingLag { health += " lag \(lag)" }
        health += " failures 1h \(h.pipelineFailuresLastHour) backlog \(h.schedulerBacklog)"
        lines.append(PanelLine(health, p.muted))
        return lines
    }
}
