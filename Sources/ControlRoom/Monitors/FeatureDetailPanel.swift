import Engine
import TUICore

/// The selected feature: the reference and current distributions overlaid
/// on the same bins, the drift value over time against its warning and
/// alert lines, and the result's note (`significant but tiny: ...`).
///
/// P-value tests (KS, chi-square) are plotted as -log10(p), with the lines
/// at -log10(warn) and -log10(alert), and the title says so. The chart is
/// linear, and on it raw p-values would crowd every interesting value
/// against the bottom axis (0.01 and 1e-6 one dot apart); -log10 spreads
/// them and keeps "higher is more drift" true for every method, so the
/// table's sparklines and this chart read the same way.
enum FeatureDetailPanel {
    static func render(monitor: MonitorSummary, feature: FeatureDriftSummary?, context: RenderContext, area: Rect, into buffer: inout CellBuffer) {
        let p = context.palette
        guard let feature else {
            let inner = PipelinesView.block("Feature", focused: false, context: context, area: area, into: &buffer).inset(left: 1, right: 1)
            buffer.put("No feature selected.", in: inner.row(0), style: p.muted, ellipsis: context.glyphs.ellipsis)
            return
        }
        let title = "\(TextSanitizer.clean(feature.feature))\(context.separator)\(MonitorAppearance.method(feature.method))"
        let stateText = "\(MonitorAppearance.glyph(feature.state, context.glyphs)) \(feature.state.rawValue)"
        let inner = PipelinesView.block(title, right: stateText, focused: false, context: context, area: area, into: &buffer)
            .inset(left: 1, right: 1)
        guard !inner.isEmpty else { return }
        let notes = noteLines(feature, withFacts: inner.height >= 10, width: inner.width, context: context)
        let noteRows = min(notes.count, max(0, inner.height - 6))
        let charts = inner.inset(bottom: noteRows)
        let histogramRows = charts.height >= 12 ? charts.height / 2 : max(0, charts.height - max(4, charts.height / 2))
        let histogramArea = Rect(x: charts.x, y: charts.y, width: charts.width, height: histogramRows)
        let chartArea = charts.inset(top: histogramRows)
        if !histogramArea.isEmpty { histogram(feature, context: context).render(into: &buffer, area: histogramArea) }
        renderHistory(feature, context: context, area: chartArea, into: &buffer)
        PanelLine.render(notes, into: &buffer, area: Rect(x: inner.x, y: inner.maxY - noteRows, width: inner.width, height: noteRows), glyphs: context.glyphs)
    }

    /// Reference shaded, current solid, on the reference-quantile bins (or
    /// categories); the first and last bin labels under them.
    static func histogram(_ feature: FeatureDriftSummary, context: RenderContext) -> OverlaidHistogram {
        let p = context.palette
        let labels = feature.binLabels.isEmpty ? nil : (first: feature.binLabels[0], last: feature.binLabels[feature.binLabels.count - 1])
        return OverlaidHistogram(reference: feature.referenceShares, current: feature.currentShares,
                                 referenceName: "reference", currentName: "current",
                                 referenceStyle: p.muted, currentStyle: p.accent, binLabels: labels,
                                 labelStyle: p.muted, glyphs: context.glyphs)
    }

    /// The value over time with dashed warning and alert lines.
    static func renderHistory(_ feature: FeatureDriftSummary, context: RenderContext, area: Rect, into buffer: inout CellBuffer) {
        let p = context.palette
        guard area.height >= 2 else { return }
        let isP = feature.method.isPValueTest
        let name = isP ? "-log10 p (higher = more drift)" : "\(MonitorAppearance.method(feature.method)) over time"
        buffer.put(name, in: area.row(0), style: p.title, ellipsis: context.glyphs.ellipsis)
        guard !feature.history.isEmpty else {
            buffer.put("No values yet: the chart starts with the first evaluation.", in: area.row(1), style: p.muted, ellipsis: context.glyphs.ellipsis)
            return
        }
        let plotted = { (value: Double) in isP ? MonitorAppearance.minusLog10(value) : value }
        let points = feature.history.map { (x: Double($0.time.milliseconds), y: plotted($0.value)) }
        let warn = plotted(feature.thresholds.warn), alert = plotted(feature.thresholds.alert)
        let warnLabel = isP ? "warn p \(MonitorAppearance.threshold(feature.thresholds.warn))" : "warn"
        let alertLabel = isP ? "alert p \(MonitorAppearance.threshold(feature.thresholds.alert))" : "alert"
        let top = max(alert, warn, points.map(\.y).filter(\.isFinite).max() ?? 0) * 1.1
        LineChart(
            series: [ChartSeries(name: "value", points: points, style: MonitorAppearance.style(feature.state, p))],
            yRange: 0...max(top, 0.001),
            thresholds: [ChartThreshold(value: warn, label: warnLabel, style: p.warn),
                         ChartThreshold(value: alert, label: alertLabel, style: p.critical)],
            xLabel: { TrafficPanel.shortClock($0) },
            yLabel: { MonitorAppearance.number($0) },
            axisStyle: p.muted, labelStyle: p.muted, showLegend: false,
            glyphs: context.glyphs
        ).render(into: &buffer, area: area.inset(top: 1))
    }

    /// The statistic and raw distance behind the value (when there is
    /// room: `withFacts`), and the note wrapped to at most two lines.
    static func noteLines(_ feature: FeatureDriftSummary, withFacts: Bool, width: Int, context: RenderContext) -> [PanelLine] {
        let p = context.palette
        var lines: [PanelLine] = []
        if withFacts {
            var facts: [String] = []
            if let statistic = feature.statistic { facts.append("\(feature.method == .ks ? "D" : "statistic") \(MonitorAppearance.number(statistic))") }
            if let raw = feature.rawDistance { facts.append("W1 \(MonitorAppearance.number(raw)) in the feature's unit") }
            facts.append("n \(feature.referenceCount) vs \(feature.currentCount)")
            lines.append(PanelLine(facts.joined(separator: "  "), p.muted))
        }
        if let note = feature.note, !note.isEmpty {
            let style = feature.state == .insufficient ? p.muted : p.warn
            let wrapped = TextLayout.wrap("note: \(TextSanitizer.clean(note))", width: max(1, width))
            for (index, line) in wrapped.prefix(2).enumerated() {
                let last = index == 1 && wrapped.count > 2
                lines.append(PanelLine(last ? line + context.glyphs.ellipsis : line, style))
            }
        }
        return lines
    }
}
