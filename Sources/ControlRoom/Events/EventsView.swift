import Engine
import TUICore

/// The Events screen: the alerts that have fired on top (active ones first,
/// then resolved), and below them the log: engine events and alert
/// transitions merged, newest first. The `/` filter applies to both; one
/// selection runs through both lists (alerts, then log lines). `k`
/// acknowledges and `s` silences the selected alert; Enter opens what the
/// row is about.
enum EventsView {
    static func render(snapshot: EngineSnapshot, state: UIState, context: RenderContext, area: Rect, into buffer: inout CellBuffer) {
        let filter = state.filter(for: .events)
        let data = EventsData(snapshot: snapshot, selection: state.selection(for: .events), filter: filter, showAudit: state.eventsShowAudit)
        let alertHeight: Int
        if data.alerts.isEmpty {
            alertHeight = 3
        } else {
            alertHeight = min(data.alerts.count + 3, max(5, area.height / 2))
        }
        let parts = area.split(.vertical, [.length(alertHeight), .fill()])
        renderAlerts(data, snapshot: snapshot, filter: filter, context: context, area: parts[0], into: &buffer)
        if data.showsAudit {
            AuditLogPanel.render(data, filter: filter, auditError: snapshot.auditError, context: context, area: parts[1], into: &buffer)
        } else {
            renderLog(data, filter: filter, context: context, area: parts[1], into: &buffer)
        }
    }

    private static func renderAlerts(_ data: EventsData, snapshot: EngineSnapshot, filter: String, context: RenderContext, area: Rect,
                                     into buffer: inout CellBuffer) {
        let p = context.palette
        let firing = data.alerts.filter { $0.state == .firing }.count
        var right = filter.isEmpty ? "\(data.totalAlerts) fired" : "\(data.alerts.count) of \(data.totalAlerts)"
        if firing > 0 { right = "\(firing) firing\(context.separator)" + right }
        let inner = Block(title: "Alerts", titleRight: right, borderStyle: firing > 0 ? AlertAppearance.severityStyle(worst(data.alerts), p) : p.border,
                          titleStyle: p.title, glyphs: context.glyphs)
            .render(into: &buffer, area: area)
        guard !data.alerts.isEmpty else {
            let message: String
            if !filter.isEmpty && data.totalAlerts > 0 {
                message = "No alert matches '\(TextSanitizer.clean(filter))'."
            } else if snapshot.alerts.isEmpty {
                message = "No alert rules: alerts declared in flightdeck.yaml show here when they fire."
            } else {
                message = "No alert has fired: \(snapshot.alerts.count) rule\(snapshot.alerts.count == 1 ? "" : "s") watching, all ok."
            }
            buffer.put(message, in: inner.inset(left: 1, right: 1), style: p.muted, ellipsis: context.glyphs.ellipsis)
            return
        }
        let wide = inner.width >= 100
        let idWidth = min(wide ? 22 : 16, max(5, data.alerts.map { CharacterWidth.of(TextSanitizer.clean($0.id)) }.max() ?? 5))
        var columns = [TableColumn("State", width: .length(14)), TableColumn("Sev", width: .length(4)), TableColumn("Alert", width: .length(idWidth))]
        if wide { columns.append(TableColumn("Metric", width: .length(18))) }
        columns += [TableColumn("Value", width: .length(14)), TableColumn("For", width: .length(7)), TableColumn("Info", width: .fill())]
        let selected = data.selectedIndex < data.alerts.count ? data.selectedIndex : nil
        let visibleRows = max(0, inner.height - 1)
        let first = Table.scrollOffset(selected: selected, offset: 0, visibleRows: visibleRows, rowCount: data.alerts.count)
        let rows = data.alerts[first..<min(data.alerts.count, first + visibleRows)].map { alert in
            let style = AlertAppearance.style(alert.state, severity: alert.severity, p)
            var cells = ["\(AlertAppearance.glyph(alert.state, context.glyphs)) \(alert.state.rawValue)", AlertAppearance.severityText(alert.severity),
                         TextSanitizer.clean(alert.id)]
            var styles: [Style?] = [style, AlertAppearance.severityStyle(alert.severity, p), p.text]
            if wide {
                cells.append(TextSanitizer.clean(alert.metric))
                styles.append(p.muted)
            }
            cells += [AlertAppearance.valueText(alert, context.glyphs), AlertAppearance.age(alert, now: snapshot.now), TextSanitizer.clean(AlertAppearance.info(alert))]
            styles += [p.text, p.muted, p.muted]
            return TableRow(cells, cellStyles: styles)
        }
        Table(columns: columns, rows: rows, selected: selected.map { $0 - first }, headerStyle: p.title, rowStyle: p.text,
              selectedStyle: p.selection, glyphs: context.glyphs)
            .render(into: &buffer, area: inner)
    }

    private static func renderLog(_ data: EventsData, filter: String, context: RenderContext, area: Rect, into buffer: inout CellBuffer) {
        let p = context.palette
        let title = filter.isEmpty ? "Events" : "Events (filter: \(TextSanitizer.clean(filter)))"
        let inner = Block(title: title, titleRight: "\(data.log.count) of \(data.totalLog)", borderStyle: p.border, titleStyle: p.title, glyphs: context.glyphs)
            .render(into: &buffer, area: area)
        guard !data.log.isEmpty else {
            let message = filter.isEmpty
                ? "No events yet. Pause, resume or change the speed and it is logged here; alert transitions show here too."
                : "No event matches '\(TextSanitizer.clean(filter))'. Esc clears the filter."
            buffer.put(message, in: inner.inset(top: 1, left: 2, bottom: 0, right: 2), style: p.muted, ellipsis: context.glyphs.ellipsis)
            return
        }
        // Only the rows in view are built (the log can be long).
        let selectedRow = data.selectedIndex - data.alerts.count
        let selected = selectedRow >= 0 ? selectedRow : nil
        let visibleRows = max(0, inner.height - 1)
        let first = Table.scrollOffset(selected: selected, offset: 0, visibleRows: visibleRows, rowCount: data.log.count)
        let visible = data.log[first..<min(data.log.count, first + visibleRows)]
        let table = Table(
            columns: [
                TableColumn("Time", width: .length(14)),
                TableColumn("Kind", width: .length(10)),
                TableColumn("Message", width: .fill()),
            ],
            rows: visible.map { entry in
                let kindStyle = entry.transition.map { transitionStyle($0, entry.severity, p) } ?? p.text
                return TableRow([entry.time.clockLabel, TextSanitizer.clean(entry.kind), TextSanitizer.clean(entry.message)],
                                cellStyles: [p.muted, kindStyle, p.text])
            },
            selected: selected.map { $0 - first },
            headerStyle: p.title,
            rowStyle: p.text,
            selectedStyle: p.selection,
            glyphs: context.glyphs
        )
        table.render(into: &buffer, area: inner)
    }

    /// Fired and escalated in the severity's colour, resolved ok, operator
    /// transitions plain.
    private static func transitionStyle(_ transition: AlertTransition, _ severity: AlertSeverity?, _ p: Palette) -> Style {
        switch transition {
        case .fired, .escalated: return AlertAppearance.severityStyle(severity ?? .warning, p)
        case .resolved: return p.ok
        case .deescalated, .acknowledged, .silenced, .unsilenced: return p.text
        }
    }

    /// The worst severity among firing alerts.
    static func worst(_ alerts: [AlertSummary]) -> AlertSeverity? {
        alerts.filter { $0.state == .firing }.compactMap(\.severity).max()
    }
}
