import Engine
import TUICore

/// The live traffic split as a bar coloured per version (theme colour per
/// version number) with its legend, the mirror as a shaded bar of its own,
/// and the candidate's share over time.
enum TrafficPanel {
    /// Rows the bar part takes: bar, legend, and the mirror row if any.
    static func barHeight(_ d: DeploymentSummary) -> Int { d.routing.mirror == nil ? 2 : 3 }

    /// Draws the bar, legend and mirror rows at the top of `area`.
    static func renderBar(_ d: DeploymentSummary, context: RenderContext, area: Rect, into buffer: inout CellBuffer) {
        let p = context.palette
        let g = context.glyphs
        guard !area.isEmpty else { return }
        let routing = d.routing
        if routing.down {
            buffer.fill(area.row(0), style: p.critical.reversed())
            buffer.put(" DOWN: every request fails (downtime window) ", in: area.row(0), style: p.critical.reversed(), ellipsis: g.ellipsis)
        } else if routing.live.isEmpty || routing.live.allSatisfy({ $0.percent <= 0 }) {
            buffer.put("No live traffic: nothing is deployed yet.", in: area.row(0), style: p.muted, ellipsis: g.ellipsis)
        } else {
            let segments = routing.live.map { BarSegment(label: "v\($0.version)", value: $0.percent, style: p.version($0.version)) }
            StackedBar(segments: segments, emptyStyle: p.muted, legendStyle: p.text, glyphs: g)
                .render(into: &buffer, area: Rect(x: area.x, y: area.y, width: area.width, height: min(2, area.height)))
            if area.height >= 2 {
                // The split key after the legend when it fits.
                let key = routing.split == .user ? "by user id" : "per request"
                let legendEnd = lastUsedColumn(buffer, row: area.y + 1, from: area.x, to: area.maxX)
                let x = legendEnd + 3
                if x + CharacterWidth.of(key) <= area.maxX { buffer.put(key, x: x, y: area.y + 1, style: p.muted) }
            }
        }
        guard let mirror = routing.mirror, area.height >= 3 else { return }
        let row = area.row(2)
        let head = "mirror \(g.hasBraille ? "→" : "->") v\(mirror.version) \(DeploymentAppearance.percent(mirror.percent))"
        let long = head + " of requests, answers discarded"
        let label = CharacterWidth.of(long) + 2 <= row.width ? long : head + " (discarded)"
        let style = p.version(mirror.version)
        let shaded = Int((Double(row.width) * max(0, min(100, mirror.percent)) / 100).rounded())
        for x in row.x..<(row.x + shaded) { buffer.set(g.shade, x: x, y: row.y, style: style) }
        let labelWidth = min(row.width, CharacterWidth.of(label) + 2)
        let start = row.x + max(0, (max(shaded, labelWidth) - labelWidth) / 2)
        buffer.put(" ", x: start, y: row.y, style: p.base)
        buffer.put(" ", x: start + labelWidth - 1, y: row.y, style: p.base)
        buffer.put(label, in: Rect(x: start + 1, y: row.y, width: max(0, row.maxX - start - 1), height: 1), style: style.bold(), ellipsis: g.ellipsis)
    }

    private static func lastUsedColumn(_ buffer: CellBuffer, row: Int, from: Int, to: Int) -> Int {
        var last = from - 3
        for x in from..<to where buffer[x, row].scalar != " " { last = x }
        return last
    }

    /// The candidate's live share over time (0-100%).
    static func renderHistory(_ d: DeploymentSummary, context: RenderContext, area: Rect, into buffer: inout CellBuffer) {
        let p = context.palette
        guard !area.isEmpty else { return }
        let name = d.candidateVersion.map { "v\($0) live %" } ?? "candidate live %"
        let style = d.candidateVersion.map { p.version($0) } ?? p.accent
        let points = d.trafficHistory.map { (x: Double($0.time.milliseconds), y: $0.candidatePercent) }
        LineChart(
            series: [ChartSeries(name: name, points: points, style: style)],
            yRange: 0...100,
            xLabel: { shortClock($0) },
            yLabel: { "\(Int($0.rounded()))%" },
            axisStyle: p.muted, labelStyle: p.muted,
            glyphs: context.glyphs
        ).render(into: &buffer, area: area)
    }

    /// `01:20` (hours and minutes of the simulated clock; days dropped).
    static func shortClock(_ milliseconds: Double) -> String {
        guard milliseconds.isFinite else { return "" }
        let label = SimTime(milliseconds: Int64(milliseconds.rounded())).clockLabel
        let time = label.split(separator: " ").last.map(String.init) ?? label
        return String(time.prefix(5))
    }
}
