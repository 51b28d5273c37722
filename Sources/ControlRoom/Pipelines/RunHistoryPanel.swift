import Engine
import TUICore

/// The selected pipeline's runs, newest first, with the screen's filter.
enum RunHistoryPanel {
    static func render(data: PipelinesData, now: SimTime, filter: String, focused: Bool, context: RenderContext, area: Rect, into buffer: inout CellBuffer) {
        let p = context.palette
        var title = "Runs"
        if let pipeline = data.selectedPipeline { title += "\(context.separator)\(TextSanitizer.clean(pipeline.id))" }
        if !filter.isEmpty { title += " /\(TextSanitizer.clean(filter))" }
        let inner = PipelinesView.block(title, right: "\(data.runs.count)", focused: focused, context: context, area: area, into: &buffer)
        let wide = inner.width >= 40
        var columns = [TableColumn("Run", width: .length(5)), TableColumn("State", width: .length(12))]
        if wide { columns.append(TableColumn("Started", width: .length(11))) }
        columns.append(TableColumn("Took", width: .length(6), alignment: .right))
        if wide { columns.append(TableColumn("Trigger", width: .fill())) }
        let rows = data.runs.map { run -> TableRow in
            var cells = ["#\(run.id)", "\(StateAppearance.glyph(run.state, context.glyphs)) \(run.state.rawValue)"]
            var styles: [Style?] = [nil, StateAppearance.style(run.state, p)]
            if wide {
                cells.append((run.startedAt ?? run.queuedAt).clockLabel)
                styles.append(p.muted)
            }
            cells.append(PipelinesView.duration(from: run.startedAt, to: run.endedAt, now: now))
            styles.append(nil)
            if wide {
                cells.append(TextSanitizer.clean(run.trigger))
                styles.append(p.muted)
            }
            return TableRow(cells, cellStyles: styles)
        }
        let placeholder = filter.isEmpty ? "No runs yet. t triggers one." : "No run matches '\(TextSanitizer.clean(filter))'."
        Table(
            columns: columns, rows: rows,
            selected: data.runs.firstIndex { $0.id == data.selectedRun?.id },
            headerStyle: p.title, rowStyle: p.text, selectedStyle: focused ? p.selection : p.selection.dim(),
            placeholder: placeholder, placeholderStyle: p.muted, glyphs: context.glyphs
        ).render(into: &buffer, area: inner)
    }
}
