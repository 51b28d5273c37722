import Engine
import SimKernel
import TUICore

/// The Overview's alerts panel: how many fire, and the most urgent ones
/// (firing, pending, acknowledged, silenced; resolved ones stay on the
/// Events screen), one line each.
enum OverviewAlertsPanel {
    /// Alerts worth a line here, most urgent first.
    static func listed(_ alerts: [AlertSummary]) -> [AlertSummary] {
        EventsData.displayOrder(alerts).filter { $0.state != .resolved }
    }

    /// Lines the panel wants: one per listed alert, at least one.
    static func wantedLines(_ alerts: [AlertSummary]) -> Int {
        max(1, listed(alerts).count)
    }

    static func lines(_ alerts: [AlertSummary], now: SimTime, height: Int, width: Int, context: RenderContext) -> [PanelLine] {
        let p = context.palette
        let shown = listed(alerts)
        guard !shown.isEmpty else {
            let fired = alerts.filter { $0.state == .resolved }.count
            let text = alerts.isEmpty ? "No alert rules: alerts: in flightdeck.yaml fire here."
                : "No alert firing: \(alerts.count) rule\(alerts.count == 1 ? "" : "s") ok" + (fired > 0 ? ", \(fired) resolved (6 lists them)" : ".")
            return [PanelLine(text, alerts.isEmpty ? p.muted : p.ok)]
        }
        let fitting = shown.count <= height ? shown.count : max(0, height - 1)
        var lines = shown.prefix(fitting).map { alert in
            let style = AlertAppearance.style(alert.state, severity: alert.severity, p)
            let left = "\(AlertAppearance.glyph(alert.state, context.glyphs)) \(AlertAppearance.severityText(alert.severity)) \(TextSanitizer.clean(alert.id))"
            let value = AlertAppearance.valueText(alert, context.glyphs)
            let age = AlertAppearance.age(alert, now: now)
            let state = alert.state == .firing ? "" : " \(alert.state.rawValue)"
            let right = OverviewServingPanel.right(["\(value)\(state) \(age)", "\(value)\(state)", value], beside: left, width: width)
            return PanelLine(spans: [(left, style)], right: (right, alert.state == .firing ? p.text : p.muted))
        }
        if fitting < shown.count { lines.append(PanelLine("+\(shown.count - fitting) more: press \(Screen.events.rawValue)", p.muted)) }
        return lines
    }

    static func render(_ alerts: [AlertSummary], now: SimTime, context: RenderContext, area: Rect, into buffer: inout CellBuffer) {
        let p = context.palette
        let firing = FiringAlertIndicator.firing(alerts).count
        let worst = FiringAlertIndicator.worstSeverity(alerts)
        let inner = Block(title: "Alerts", titleRight: firing > 0 ? "\(firing) firing" : "none firing",
                          borderStyle: worst.map { AlertAppearance.severityStyle($0, p) } ?? p.border, titleStyle: p.title, glyphs: context.glyphs)
            .render(into: &buffer, area: area)
            .inset(left: 1, right: 1)
        guard !inner.isEmpty else { return }
        PanelLine.render(lines(alerts, now: now, height: inner.height, width: inner.width, context: context), into: &buffer, area: inner, glyphs: context.glyphs)
    }
}
