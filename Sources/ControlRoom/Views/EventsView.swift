import Engine
import TUICore

/// The Events screen: the engine's event log, newest first, filterable.
enum EventsView {
    static func rows(snapshot: EngineSnapshot, filter: String) -> [EngineEvent] {
        let newestFirst = snapshot.recentEvents.reversed()
        guard !filter.isEmpty else { return Array(newestFirst) }
        let needle = filter.lowercased()
        return newestFirst.filter {
            $0.message.lowercased().contains(needle) || "\($0.kind)".lowercased().contains(needle)
        }
    }

    static func render(snapshot: EngineSnapshot, state: UIState, context: RenderContext, area: Rect, into buffer: inout CellBuffer) {
        let p = context.palette
        let filter = state.filter(for: .events)
        let events = rows(snapshot: snapshot, filter: filter)
        let title = filter.isEmpty ? "Events" : "Events (filter: \(filter))"
        let inner = Block(title: title, titleRight: "\(events.count) of \(snapshot.recentEvents.count)", borderStyle: p.border, titleStyle: p.title, glyphs: context.glyphs)
            .render(into: &buffer, area: area)
        guard !events.isEmpty else {
            let message = filter.isEmpty ? "No events yet. Pause, resume or change the speed and it is logged here." : "No event matches '\(filter)'. Esc clears the filter."
            buffer.put(message, in: inner.inset(top: 1, left: 2, bottom: 0, right: 2), style: p.muted, ellipsis: context.glyphs.ellipsis)
            return
        }
        // Only the rows in view are built (the log can be long).
        let selected = min(state.selection(for: .events), events.count - 1)
        let first = Table.scrollOffset(selected: selected, offset: 0, visibleRows: inner.height - 1, rowCount: events.count)
        let visible = events[first..<min(events.count, first + max(0, inner.height - 1))]
        let table = Table(
            columns: [
                TableColumn("Time", width: .length(14)),
                TableColumn("Kind", width: .length(10)),
                TableColumn("Message", width: .fill()),
            ],
            rows: visible.map { event in
                TableRow([event.time.clockLabel, "\(event.kind)", TextSanitizer.clean(event.message)])
            },
            selected: selected - first,
            headerStyle: p.title,
            rowStyle: p.text,
            selectedStyle: p.selection,
            glyphs: context.glyphs
        )
        table.render(into: &buffer, area: inner)
    }
}
