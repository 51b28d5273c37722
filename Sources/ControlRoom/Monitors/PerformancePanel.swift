import Engine
import TUICore

/// The serving side of a monitor: latency percentiles over time per
/// version (each version in its theme colour, as on the Deployments
/// screen), the current figures per version, accuracy over time with the
/// label delay marked, and the concept-drift detectors.
enum PerformancePanel {
    static func render(monitor: MonitorSummary, now: SimTime, context: RenderContext, area: Rect, into buffer: inout CellBuffer) {
        let inner = PipelinesView.block("Performance", right: "last 5m", focused: false, context: context, area: area, into: &buffer)
            .inset(left: 1, right: 1)
        guard !inner.isEmpty else { return }
        guard !monitor.performance.isEmpty || monitor.concept != nil else {
            buffer.put("No serving figures yet: the deployment has served no requests.", in: inner.row(0), style: context.palette.muted,
                       ellipsis: context.glyphs.ellipsis)
            return
        }
        let lines = versionLines(monitor, context: context)
        let detectors = detectorLines(monitor, context: context)
        let textRows = min(inner.height, lines.count + detectors.count)
        let chartRows = inner.height - textRows
        if chartRows >= 5 {
            let charts = Rect(x: inner.x, y: inner.y, width: inner.width, height: chartRows)
            if let concept = monitor.concept {
                let halves = charts.split(.horizontal, [.fill(), .fill()], spacing: 2)
                renderLatency(monitor, context: context, area: halves[0], into: &buffer)
                renderAccuracy(concept, now: now, context: context, area: halves[1], into: &buffer)
            } else {
                renderLatency(monitor, context: context, area: charts, into: &buffer)
            }
        }
        PanelLine.render(lines + detectors, into: &buffer, area: Rect(x: inner.x, y: inner.maxY - textRows, width: inner.width, height: textRows),
                         glyphs: context.glyphs)
    }

    /// p50, p95 and p99 of each version per minute, in the version's colour.
    static func renderLatency(_ monitor: MonitorSummary, context: RenderContext, area: Rect, into buffer: inout CellBuffer) {
        let p = context.palette
        guard area.height >= 3 else { return }
        buffer.put("latency p50/p95/p99 (ms)", in: area.row(0), style: p.title, ellipsis: context.glyphs.ellipsis)
        var series: [ChartSeries] = []
        series.reserveCapacity(monitor.performance.count * 3)
        for version in monitor.performance {
            let style = p.version(version.version)
            for (name, value) in [("p50", \PerformancePoint.p50), ("p95", \PerformancePoint.p95), ("p99", \PerformancePoint.p99)] {
                let points = version.history.map { (x: Double($0.time.milliseconds), y: $0[keyPath: value] ?? .nan) }
                series.append(ChartSeries(name: "v\(version.version) \(name)", points: points, style: style))
            }
        }
        let legend = monitor.performance.map { "v\($0.version)" }.joined(separator: " ")
        let legendWidth = CharacterWidth.of(legend)
        if legendWidth + 26 <= area.width {
            var x = area.maxX - legendWidth
            for (index, version) in monitor.performance.enumerated() {
                if index > 0 { x += 1 }
                x += buffer.put("v\(version.version)", x: x, y: area.y, style: p.version(version.version).bold())
            }
        }
        LineChart(series: series, yRange: nil, xLabel: { TrafficPanel.shortClock($0) }, yLabel: { ChartNumberFormat.compact($0) },
                  axisStyle: p.muted, labelStyle: p.muted, showLegend: false, glyphs: context.glyphs)
            .render(into: &buffer, area: area.inset(top: 1))
    }

    /// Accuracy per minute up to `now`: the newest point is `labelDelay`
    /// behind, so the plot runs to `now` and a vertical line marks where
    /// the labels end.
    static func renderAccuracy(_ concept: ConceptDriftSummary, now: SimTime, context: RenderContext, area: Rect, into buffer: inout CellBuffer) {
        let p = context.palette
        guard area.height >= 3 else { return }
        let delay = concept.labelDelay
        let title = delay.milliseconds > 0 ? "accuracy, labels arrive \(MonitorAppearance.duration(delay)) late" : "accuracy"
        buffer.put(title, in: area.row(0), style: p.title, ellipsis: context.glyphs.ellipsis)
        let points = concept.accuracy.map { (x: Double($0.time.milliseconds), y: $0.value) }
        let values = points.map(\.y).filter(\.isFinite)
        let low = max(0, (values.min() ?? 0) - 0.02), high = min(1, (values.max() ?? 1) + 0.02)
        var series = [ChartSeries(name: "accuracy", points: points, style: p.accent)]
        let labelsEnd = Double((now - delay).milliseconds)
        if delay.milliseconds > 0, !points.isEmpty {
            series.append(ChartSeries(name: "labels end", points: [(x: labelsEnd, y: low), (x: labelsEnd, y: high)], style: p.muted))
        }
        let start = points.first?.x ?? labelsEnd
        LineChart(series: series, xRange: start...max(start + 1, Double(now.milliseconds)), yRange: low...max(high, low + 0.01),
                  xLabel: { TrafficPanel.shortClock($0) }, yLabel: { VersionAppearance.fixed($0, decimals: 2) },
                  axisStyle: p.muted, labelStyle: p.muted, showLegend: false, glyphs: context.glyphs)
            .render(into: &buffer, area: area.inset(top: 1))
    }

    /// `v3 stable  p50/95/99/max 19/41/58/90ms  err 0.10%  31.5 rps  acc 0.912`.
    static func versionLines(_ monitor: MonitorSummary, context: RenderContext) -> [PanelLine] {
        let p = context.palette
        return monitor.performance.map { v in
            let role = v.version == monitor.servingVersion ? "stable" : "cand  "
            var figures = "p50/95/99/max \(milliseconds(v.p50))/\(milliseconds(v.p95))/\(milliseconds(v.p99))/\(milliseconds(v.max))ms"
            figures += "  err \(DeploymentAppearance.fractionPercent(v.errorRate))  \(VersionAppearance.fixed(v.throughput, decimals: 1)) rps"
            if let accuracy = v.accuracy { figures += "  acc \(DeploymentAppearance.ratio(accuracy))" }
            return PanelLine(spans: [("v\(v.version) \(role)  ", p.version(v.version).bold()), (figures, p.text)])
        }
    }

    /// Whole milliseconds (one decimal below 10), `-` when missing.
    static func milliseconds(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "-" }
        return VersionAppearance.fixed(value, decimals: value < 10 ? 1 : 0)
    }

    /// One line per detector: `DDM ▲ warning  p+s 0.214 (...)  at 00:41  3,912 samples`.
    static func detectorLines(_ monitor: MonitorSummary, context: RenderContext) -> [PanelLine] {
        let p = context.palette
        guard let concept = monitor.concept else { return [] }
        return concept.detectors.map { d in
            let state = MonitorAppearance.state(d.level)
            let style = MonitorAppearance.style(state, p)
            var rest = "  \(TextSanitizer.clean(d.detail))"
            if let at = d.detectedAt { rest += "  at \(MonitorAppearance.clock(at))" }
            rest += "  \(d.samples) samples"
            return PanelLine(spans: [(TextLayout.pad(MonitorAppearance.detector(d.kind), to: 6), p.text),
                                     ("\(MonitorAppearance.glyph(state, context.glyphs)) \(MonitorAppearance.levelText(d.level))", style),
                                     (rest, p.muted)])
        }
    }
}
