import Engine
import TUICore

/// The monitor's SLOs and the system's health. Per SLO: objective and
/// target, the alert (none, slow burn, fast burn) and `promotions frozen`,
/// the error budget left as a gauge (overspent: the overspent share in the
/// critical colour) and the burn rate of each window as a bar on a 0-20x
/// scale with the 6x (slow) and 14.4x (fast) lines marked. (The narrow
/// layout shows SLOs as text: ``MonitorsView/compactLines(_:context:)``.)
enum SLOPanel {
    /// The burn bars' full scale.
    static let burnScale = 20.0

    static func render(monitor: MonitorSummary, context: RenderContext, area: Rect, into buffer: inout CellBuffer) {
        let p = context.palette
        let mark = context.glyphs.vertical
        let inner = PipelinesView.block("SLOs", right: "\(mark) 6x slow  \(mark) 14.4x fast", focused: false, context: context, area: area, into: &buffer)
            .inset(left: 1, right: 1)
        guard !inner.isEmpty else { return }
        var y = inner.y
        if monitor.slos.isEmpty {
            buffer.put("No SLOs declared for this monitor.", in: inner.row(0), style: p.muted, ellipsis: context.glyphs.ellipsis)
            y += 1
        }
        let health = healthLines(monitor.health, context: context)
        let bottom = inner.maxY - min(health.count, max(0, inner.height - 1))
        for (index, slo) in monitor.slos.enumerated() where y < bottom {
            if index > 0 { y += 1 }
            y = renderSLO(slo, context: context, area: Rect(x: inner.x, y: y, width: inner.width, height: bottom - y), into: &buffer)
        }
        PanelLine.render(health, into: &buffer, area: Rect(x: inner.x, y: bottom, width: inner.width, height: inner.maxY - bottom), glyphs: context.glyphs)
    }

    /// Draws one SLO from the top of `area`; returns the row after it.
    private static func renderSLO(_ slo: SLOSummary, context: RenderContext, area: Rect, into buffer: inout CellBuffer) -> Int {
        let p = context.palette
        var y = area.y
        let state = MonitorAppearance.state(slo.alert)
        let alertStyle = MonitorAppearance.style(state, p)
        PanelLine(spans: [("\(MonitorAppearance.glyph(state, context.glyphs)) ", alertStyle), (TextSanitizer.clean(slo.id), p.text.bold())],
                  right: (MonitorAppearance.burnAlertText(slo.alert), alertStyle))
            .render(into: &buffer, row: Rect(x: area.x, y: y, width: area.width, height: 1), glyphs: context.glyphs)
        y += 1
        guard y < area.maxY else { return y }
        PanelLine("  \(MonitorAppearance.objective(slo))\(context.separator)\(MonitorAppearance.duration(slo.period))", p.muted)
            .render(into: &buffer, row: Rect(x: area.x, y: y, width: area.width, height: 1), glyphs: context.glyphs)
        y += 1
        guard y < area.maxY else { return y }
        if slo.freezesPromotions {
            PanelLine("  promotions frozen (budget spent)", p.critical.bold())
                .render(into: &buffer, row: Rect(x: area.x, y: y, width: area.width, height: 1), glyphs: context.glyphs)
            y += 1
            guard y < area.maxY else { return y }
        }
        renderBudget(slo, context: context, row: Rect(x: area.x, y: y, width: area.width, height: 1), into: &buffer)
        y += 1
        for burn in slo.burnRates where y < area.maxY {
            renderBurn(burn, context: context, row: Rect(x: area.x, y: y, width: area.width, height: 1), into: &buffer)
            y += 1
        }
        return y
    }

    /// `budget ████████░░░░ 62% left`, or `overspent 35%` in the critical colour.
    private static func renderBudget(_ slo: SLOSummary, context: RenderContext, row: Rect, into buffer: inout CellBuffer) {
        let p = context.palette
        let remaining = slo.budgetRemaining
        let text = remaining < 0 ? "overspent \(MonitorAppearance.percent(-remaining))" : "\(MonitorAppearance.percent(remaining)) left"
        let style = remaining <= 0 ? p.critical : (remaining < 0.25 ? p.warn : p.ok)
        let x = row.x + buffer.put("budget ", x: row.x, y: row.y, maxWidth: row.width, style: p.muted)
        let textWidth = CharacterWidth.of(text)
        let barWidth = row.maxX - x - textWidth - 1
        guard barWidth >= 4 else {
            buffer.put(text, in: Rect(x: x, y: row.y, width: row.maxX - x, height: 1), style: style, ellipsis: context.glyphs.ellipsis)
            return
        }
        Gauge(ratio: remaining < 0 ? min(1, -remaining) : remaining, filledStyle: style, emptyStyle: p.muted, glyphs: context.glyphs)
            .render(into: &buffer, area: Rect(x: x, y: row.y, width: barWidth, height: 1))
        buffer.put(text, x: row.maxX - textWidth, y: row.y, style: style)
    }

    /// ` 5m ██████|████  |    15x`: the rate on the 0-20x scale with the
    /// 6x and 14.4x marks.
    private static func renderBurn(_ burn: BurnRate, context: RenderContext, row: Rect, into buffer: inout CellBuffer) {
        let p = context.palette
        let label = TextLayout.pad(MonitorAppearance.duration(burn.window), to: 4, alignment: .right)
        let value = TextLayout.pad(MonitorAppearance.rate(burn.rate), to: 6, alignment: .right)
        buffer.put(label, x: row.x, y: row.y, maxWidth: row.width, style: p.muted)
        let bar = Rect(x: row.x + 5, y: row.y, width: row.width - 5 - 7, height: 1)
        guard bar.width >= 6 else { return }
        let style = burnStyle(burn, p)
        Gauge(ratio: burn.rate / burnScale, filledStyle: style, emptyStyle: p.base, glyphs: context.glyphs).render(into: &buffer, area: bar)
        if burn.rate > burnScale { buffer.set(context.glyphs.arrowRight, x: bar.maxX - 1, y: bar.y, style: style.bold()) }
        for (mark, markStyle) in [(6.0, p.warn), (14.4, p.critical)] {
            let x = bar.x + Int((mark / burnScale * Double(bar.width)).rounded())
            if x < bar.maxX - 1 { buffer.set(context.glyphs.vertical, x: x, y: bar.y, style: markStyle) }
        }
        buffer.put(value, x: row.maxX - 6, y: row.y, style: style)
    }

    /// Critical at or above 14.4x, warning at or above 6x (on every window:
    /// either pair's threshold crossed on one window is worth a look).
    static func burnStyle(_ burn: BurnRate, _ p: Palette) -> Style {
        if burn.rate >= 14.4 { return p.critical }
        if burn.rate >= 6 { return p.warn }
        return p.ok
    }

    /// `health  replicas 72% busy  lag 120` and `failed runs 1h 0  scheduler backlog 3`.
    static func healthLines(_ health: SystemHealthSummary, context: RenderContext) -> [PanelLine] {
        let p = context.palette
        let utilisation = health.replicaUtilisation
        let busyStyle = utilisation >= 1 ? p.critical : (utilisation >= 0.8 ? p.warn : p.text)
        var first: [(text: String, style: Style)] = [("health ", p.title), ("replicas ", p.muted),
                                                     ("\(utilisation.isFinite ? Int((utilisation * 100).rounded()) : 0)% busy", busyStyle)]
        if let lag = health.streamingLag { first += [("  lag ", p.muted), ("\(lag)", lag > 0 ? p.warn : p.text)] }
        let second: [(text: String, style: Style)] = [
            ("failed runs 1h ", p.muted), ("\(health.pipelineFailuresLastHour)", health.pipelineFailuresLastHour > 0 ? p.critical : p.text),
            ("  scheduler backlog ", p.muted), ("\(health.schedulerBacklog)", health.schedulerBacklog > 0 ? p.warn : p.text),
        ]
        return [PanelLine(spans: first), PanelLine(spans: second)]
    }
}
