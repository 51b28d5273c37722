import Engine
import SimKernel
import TUICore

/// How alerts look everywhere (Events, Overview, header): a glyph and a
/// style per state, the severity's short name, and `value vs threshold`.
enum AlertAppearance {
    /// `●` firing, `◐` pending, `◆` acknowledged, `⊘` silenced, `✓`
    /// resolved, `○` ok; ASCII `!`, `~`, `*`, `-`, `+`, `o`.
    static func glyph(_ state: AlertState, _ glyphs: GlyphSet) -> String {
        let unicode = glyphs.hasBraille
        switch state {
        case .firing: return unicode ? "●" : "!"
        case .pending: return unicode ? "◐" : "~"
        case .acknowledged: return unicode ? "◆" : "*"
        case .silenced: return unicode ? "⊘" : "-"
        case .resolved: return String(glyphs.check)
        case .ok: return unicode ? "○" : "o"
        }
    }

    /// Firing in its severity's colour; pending as a warning; acknowledged
    /// plain; silenced muted; resolved ok.
    static func style(_ state: AlertState, severity: AlertSeverity?, _ p: Palette) -> Style {
        switch state {
        case .firing: return severityStyle(severity, p)
        case .pending: return p.warn
        case .acknowledged: return p.text
        case .silenced, .ok: return p.muted
        case .resolved: return p.ok
        }
    }

    static func severityStyle(_ severity: AlertSeverity?, _ p: Palette) -> Style {
        switch severity {
        case .critical?: return p.critical
        case .warning?: return p.warn
        case nil: return p.muted
        }
    }

    /// `crit`, `warn`, `-`.
    static func severityText(_ severity: AlertSeverity?) -> String {
        switch severity {
        case .critical?: return "crit"
        case .warning?: return "warn"
        case nil: return "-"
        }
    }

    /// `0.23 ≥ 0.2` (above) or `0.004 ≤ 0.01` (below) while past the level,
    /// `<`/`>` while inside it; `?` for an unknown value. ASCII `>=`, `<=`.
    static func valueText(_ alert: AlertSummary, _ glyphs: GlyphSet) -> String {
        let value = alert.value.map(ChartNumberFormat.compact) ?? "?"
        guard let threshold = alert.threshold else { return value }
        let unicode = glyphs.hasBraille
        let past = alert.value.map { alert.direction == .above ? $0 >= threshold : $0 <= threshold } ?? false
        let op: String
        switch (alert.direction, past) {
        case (.above, true): op = unicode ? "≥" : ">="
        case (.above, false): op = "<"
        case (.below, true): op = unicode ? "≤" : "<="
        case (.below, false): op = ">"
        }
        return "\(value) \(op) \(ChartNumberFormat.compact(threshold))"
    }

    /// Who owns it, how long it stays quiet or when it resolved (the state
    /// column says which), and how often it fired: `by alice (10.0.0.5)`,
    /// `until d0 03:31:00`, `at d0 02:50:00, 3x`.
    static func info(_ alert: AlertSummary) -> String {
        var parts: [String] = []
        switch alert.state {
        case .acknowledged:
            parts.append("by \(alert.acknowledgedBy ?? "?")")
        case .silenced:
            if let until = alert.silencedUntil { parts.append("until \(until.clockLabel)") }
        case .resolved:
            if let at = alert.resolvedAt { parts.append("at \(at.clockLabel)") }
        case .firing, .pending, .ok:
            break
        }
        if alert.occurrences > 1 { parts.append("\(alert.occurrences)x") }
        return parts.joined(separator: ", ")
    }

    /// How long the alert has been in its state: `12m05s`.
    static func age(_ alert: AlertSummary, now: SimTime) -> String {
        now >= alert.since ? (now - alert.since).compactDescription : "0s"
    }
}
