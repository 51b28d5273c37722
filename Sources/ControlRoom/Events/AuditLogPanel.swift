import Engine
import TUICore

/// The Events screen's audit view (`a`): the engine's recent audit records,
/// newest first — time, user@client, source, action, target, result and
/// reason (the engine's message when no reason was given). Filtered by `/`
/// like the event log. Every field is cleaned before it is drawn.
enum AuditLogPanel {
    static func render(_ data: EventsData, filter: String, auditError: String?, context: RenderContext, area: Rect,
                       into buffer: inout CellBuffer) {
        let p = context.palette
        let title = filter.isEmpty ? "Audit log" : "Audit log (filter: \(TextSanitizer.clean(filter)))"
        let inner = Block(title: title, titleRight: "\(data.audit.count) of \(data.totalAudit)\(context.separator)a: events",
                          borderStyle: auditError == nil ? p.border : p.critical, titleStyle: p.title, glyphs: context.glyphs)
            .render(into: &buffer, area: area)
        var body = inner
        if let auditError, body.height > 1 {
            buffer.put(TextSanitizer.clean(auditError), in: body.inset(left: 1, right: 1), style: p.critical, ellipsis: context.glyphs.ellipsis)
            body = body.inset(top: 1, left: 0, bottom: 0, right: 0)
        }
        guard !data.audit.isEmpty else {
            let message = filter.isEmpty || data.totalAudit == 0
                ? "No audited action yet. Every state change (a key, the CLI, another operator, an automatic rule) is listed here; flightdeck audit --verify checks the whole log."
                : "No audit entry matches '\(TextSanitizer.clean(filter))'. Esc clears the filter."
            buffer.put(message, in: body.inset(top: 1, left: 2, bottom: 0, right: 2), style: p.muted, ellipsis: context.glyphs.ellipsis)
            return
        }
        let wide = body.width >= 100
        var columns = [TableColumn("Time", width: .length(wide ? 14 : 11)), TableColumn("Who", width: .length(wide ? 20 : 13))]
        if wide { columns.append(TableColumn("Source", width: .length(9))) }
        columns += [TableColumn("Action", width: .length(16)), TableColumn("Target", width: .length(wide ? 18 : 12)),
                    TableColumn("Result", width: .length(wide ? 9 : 8)), TableColumn("Reason", width: .fill())]
        let selectedRow = data.selectedIndex - data.alerts.count
        let selected = selectedRow >= 0 ? selectedRow : nil
        let visibleRows = max(0, body.height - 1)
        let first = Table.scrollOffset(selected: selected, offset: 0, visibleRows: visibleRows, rowCount: data.audit.count)
        let rows = data.audit[first..<min(data.audit.count, first + visibleRows)].map { record in
            var cells = [record.simTime.clockLabel, TextSanitizer.clean(EventsData.who(record))]
            var styles: [Style?] = [p.muted, record.source == .automatic ? p.muted : p.text]
            if wide {
                cells.append(record.source.rawValue)
                styles.append(p.muted)
            }
            cells += [TextSanitizer.clean(record.action), TextSanitizer.clean(record.target), TextSanitizer.clean(record.result),
                      TextSanitizer.clean(record.reason ?? record.message)]
            styles += [p.text, p.text, resultStyle(record.result, p), p.muted]
            return TableRow(cells, cellStyles: styles)
        }
        Table(columns: columns, rows: rows, selected: selected.map { $0 - first }, headerStyle: p.title, rowStyle: p.text,
              selectedStyle: p.selection, glyphs: context.glyphs)
            .render(into: &buffer, area: body)
    }

    private static func resultStyle(_ result: String, _ p: Palette) -> Style {
        switch result {
        case "applied": p.ok
        case "rejected", "invalid": p.critical
        default: p.muted
        }
    }
}
