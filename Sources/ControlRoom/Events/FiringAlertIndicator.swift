import Engine
import TUICore

/// The header's count of firing alerts (not acknowledged, not silenced), in
/// the worst severity's colour, with the key of the screen that lists them:
/// `● 2 alerts firing — 6` (ASCII `!`, `-`), shortened as room runs out.
enum FiringAlertIndicator {
    /// Alerts firing now (acknowledged and silenced ones are owned or quiet).
    static func firing(_ alerts: [AlertSummary]) -> [AlertSummary] {
        alerts.filter { $0.state == .firing }
    }

    /// The worst severity among firing alerts; nil when none fires.
    static func worstSeverity(_ alerts: [AlertSummary]) -> AlertSeverity? {
        guard !firing(alerts).isEmpty else { return nil }
        return firing(alerts).compactMap(\.severity).max() ?? .warning
    }

    /// Every form, longest first (none when nothing fires).
    static func candidates(alerts: [AlertSummary], glyphs: GlyphSet) -> [String] {
        let count = firing(alerts).count
        guard count > 0 else { return [] }
        let unicode = glyphs.hasBraille
        let mark = unicode ? "●" : "!"
        let dash = unicode ? "—" : "-"
        let key = Screen.events.rawValue
        return [
            "\(mark) \(count) alert\(count == 1 ? "" : "s") firing \(dash) \(key)",
            "\(mark) \(count) firing \(dash) \(key)",
            "\(mark) \(count) firing",
            "\(mark)\(count)",
        ]
    }

    /// The approvals and alerts notices that fit `width` together (two
    /// cells between them), both shortened by the same step; when even the
    /// shortest pair does not fit, the alerts alone, else nothing.
    static func fit(approvals: [String], alerts: [String], width: Int) -> (approval: String?, alert: String?) {
        func w(_ s: String?) -> Int { s.map { CharacterWidth.of($0) } ?? 0 }
        let steps = max(approvals.count, alerts.count)
        for step in 0..<steps {
            let a = approvals.isEmpty ? nil : approvals[min(step, approvals.count - 1)]
            let b = alerts.isEmpty ? nil : alerts[min(step, alerts.count - 1)]
            let gap = a != nil && b != nil ? 2 : 0
            if w(a) + gap + w(b) <= width { return (a, b) }
        }
        if let b = alerts.last, w(b) <= width { return (nil, b) }
        return (nil, nil)
    }
}
