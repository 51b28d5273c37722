import Engine
import TUICore

/// The monitors (shown when there is more than one): worst-state glyph,
/// id, the watched deployment and the worst state; or, where height is
/// short, all of them on one line with the selected one highlighted.
enum MonitorListPanel {
    static func render(data: MonitorsData, context: RenderContext, area: Rect, into buffer: inout CellBuffer) {
        let p = context.palette
        let inner = PipelinesView.block("Monitors", right: "[ ] switch", focused: false, context: context, area: area, into: &buffer)
            .inset(left: 1, right: 1)
        guard !inner.isEmpty else { return }
        let selected = data.selectedIndex
        let first = Table.scrollOffset(selected: selected, offset: 0, visibleRows: inner.height, rowCount: data.monitors.count)
        for (offset, monitor) in data.monitors.dropFirst(first).prefix(inner.height).enumerated() {
            let state = MonitorAppearance.worstState(monitor)
            let stateStyle = MonitorAppearance.style(state, p)
            PanelLine(spans: [("\(MonitorAppearance.glyph(state, context.glyphs)) ", stateStyle),
                              (TextSanitizer.clean(monitor.id), p.text),
                              ("  \(TextSanitizer.clean(monitor.deployment))", p.muted)],
                      right: (state.rawValue, stateStyle), highlight: first + offset == selected ? p.selection : nil)
                .render(into: &buffer, row: inner.row(offset), glyphs: context.glyphs)
        }
    }

    /// `[1/2] ✓ fraud-drift  ▲ ranker-drift`: every monitor on one row, the
    /// selected one highlighted.
    static func renderStrip(data: MonitorsData, context: RenderContext, row: Rect, into buffer: inout CellBuffer) {
        let p = context.palette
        guard !row.isEmpty else { return }
        var x = row.x
        x += buffer.put("\(data.selectedIndex + 1)/\(data.monitors.count) ", x: x, y: row.y, maxWidth: row.maxX - x, style: p.muted)
        for (index, monitor) in data.monitors.enumerated() where x < row.maxX {
            let state = MonitorAppearance.worstState(monitor)
            let isSelected = index == data.selectedIndex
            let text = " \(MonitorAppearance.glyph(state, context.glyphs)) \(TextSanitizer.clean(monitor.id)) "
            let style = isSelected ? p.selection : MonitorAppearance.style(state, p)
            x += buffer.put(TextLayout.truncate(text, to: row.maxX - x, ellipsis: context.glyphs.ellipsis), x: x, y: row.y, maxWidth: row.maxX - x, style: style)
        }
    }
}
