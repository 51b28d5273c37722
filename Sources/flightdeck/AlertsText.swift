import Engine
import Foundation
import TUICore

/// The text of `flightdeck alerts`: the alerts that need attention first
/// (firing, pending, acknowledged, silenced), the quiet ones only when asked,
/// one aligned line each, then the recent history of the firing ones. All
/// user text is sanitized.
enum AlertsText {
    /// The order states are listed in.
    static let stateOrder: [AlertState] = [.firing, .pending, .acknowledged, .silenced, .resolved, .ok]

    /// The alerts to show, in the order shown: by state (``stateOrder``),
    /// critical before warning, then as published; resolved and ok ones only with `all`.
    static func shown(_ alerts: [AlertSummary], all: Bool) -> [AlertSummary] {
        alerts.enumerated()
            .filter { all || ($0.element.state != .resolved && $0.element.state != .ok) }
            .sorted { a, b in
                let rankA = stateOrder.firstIndex(of: a.element.state) ?? stateOrder.count
                let rankB = stateOrder.firstIndex(of: b.element.state) ?? stateOrder.count
                if rankA != rankB { return rankA < rankB }
                let severityA = a.element.severity == .critical ? 0 : 1, severityB = b.element.severity == .critical ? 0 : 1
                if severityA != severityB { return severityA < severityB }
                return a.offset < b.offset
            }
            .map(\.element)
    }

    /// Whether an alert's recent history is listed under the table.
    static func showsHistory(_ alert: AlertSummary) -> Bool {
        alert.state == .firing || alert.state == .acknowledged || alert.state == .silenced
    }

    /// The table of `alerts` (already chosen and ordered by ``shown(_:all:)``).
    static func table(_ alerts: [AlertSummary]) -> String {
        var rows = [["ID", "STATE", "SEVERITY", "METRIC", "VALUE", "SINCE", "OWNER", "MESSAGE"]]
        for alert in alerts {
            rows.append([alert.id, alert.state.rawValue, alert.severity?.rawValue ?? "-", alert.metric,
                         comparison(alert.value, alert.threshold, alert.direction), alert.since.clockLabel, owner(alert), alert.message]
                .map { TextSanitizer.clean($0) })
        }
        return TextTable.render(rows)
    }

    /// The whole live report: the table (or why it is empty) and the history
    /// of the firing ones (`history[alert id]`, oldest first).
    static func render(_ alerts: [AlertSummary], all: Bool, history: [String: [AlertHistoryEntry]]) -> String {
        let shown = shown(alerts, all: all)
        var lines: [String] = []
        if alerts.isEmpty {
            lines.append("no alerts (add alerts: to the project file; see docs/project-file.md)")
        } else if shown.isEmpty {
            lines.append("no alert is firing, pending, acknowledged or silenced (\(alerts.count) rule\(alerts.count == 1 ? "" : "s"); --all lists them)")
        } else {
            lines.append(table(shown))
        }
        for alert in shown where showsHistory(alert) {
            let entries = history[alert.id] ?? []
            guard !entries.isEmpty else { continue }
            lines.append("")
            lines.append("\(TextSanitizer.clean(alert.id)) recent history:")
            lines.append(contentsOf: entries.map { "  " + historyLine($0, withAlert: false) })
        }
        return lines.joined(separator: "\n")
    }

    /// `d0 00:08:20  fired  critical  0.231 >= 0.2  drift.amount 0.231 >= 0.2 for 2m`, with the actor for operator transitions.
    static func historyLine(_ entry: AlertHistoryEntry, withAlert: Bool) -> String {
        var fields = [entry.time.clockLabel]
        if withAlert { fields.append(entry.alert) }
        fields.append(entry.transition.rawValue)
        if let severity = entry.severity { fields.append(severity.rawValue) }
        if entry.value != nil || entry.threshold != nil { fields.append(values(entry.value, entry.threshold)) }
        if let actor = entry.actor { fields.append("by \(actor)") }
        fields.append(entry.message)
        return fields.map { TextSanitizer.clean($0) }.joined(separator: "  ")
    }

    /// `0.231 >= 0.2` (above, crossed), `0.15 < 0.2` (above, not crossed),
    /// `0.01 <= 0.05` (below, crossed); `-` parts when unknown.
    static func comparison(_ value: Double?, _ threshold: Double?, _ direction: AlertDirection) -> String {
        guard let value, let threshold else { return values(value, threshold) }
        switch direction {
        case .above: return "\(number(value)) \(value >= threshold ? ">=" : "<") \(number(threshold))"
        case .below: return "\(number(value)) \(value <= threshold ? "<=" : ">") \(number(threshold))"
        }
    }

    /// `0.231 / 0.2` (value and threshold), `-` for unknown ones.
    static func values(_ value: Double?, _ threshold: Double?) -> String {
        "\(value.map(number) ?? "-") / \(threshold.map(number) ?? "-")"
    }

    /// Who owns it or until when it is silenced.
    static func owner(_ alert: AlertSummary) -> String {
        var parts: [String] = []
        if let by = alert.acknowledgedBy { parts.append("ack \(by)") }
        if let until = alert.silencedUntil { parts.append("silenced until \(until.clockLabel)") }
        return parts.isEmpty ? "-" : parts.joined(separator: ", ")
    }

    /// Four significant digits: `0.231`, `0.2`, `150`, `1.235e+05`.
    static func number(_ value: Double) -> String {
        value.isFinite ? String(format: "%.4g", value) : "\(value)"
    }
}
