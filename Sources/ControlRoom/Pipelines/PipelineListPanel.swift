import Engine
import TUICore

/// The list of pipelines: last run, next scheduled time, success rate.
enum PipelineListPanel {
    static func render(data: PipelinesData, focused: Bool, context: RenderContext, area: Rect, into buffer: inout CellBuffer) {
        let p = context.palette
        let inner = PipelinesView.block("Pipelines", right: "\(data.pipelines.count)", focused: focused, context: context, area: area, into: &buffer)
        let wide = inner.width >= 40
        // Narrow: the last run's state as its glyph only, so names keep their room.
        var columns = [TableColumn("Pipeline", width: .fill()), TableColumn(wide ? "Last" : "", width: .length(wide ? 12 : 1))]
        if wide { columns.append(TableColumn("Next", width: .length(11))) }
        columns.append(TableColumn("OK", width: .length(4), alignment: .right))
        let rows = data.pipelines.map { pipeline -> TableRow in
            let last = pipeline.lastRunState.map { wide ? "\(StateAppearance.glyph($0, context.glyphs)) \($0.rawValue)" : "\(StateAppearance.glyph($0, context.glyphs))" } ?? "-"
            let lastStyle = pipeline.lastRunState.map { StateAppearance.style($0, p) } ?? p.muted
            let rate = pipeline.successRate.map { "\(Int(($0 * 100).rounded()))%" } ?? "-"
            var cells = [TextSanitizer.clean(pipeline.id), last]
            var styles: [Style?] = [nil, lastStyle]
            if wide {
                cells.append(pipeline.nextScheduledAt?.clockLabel ?? (pipeline.activeRuns > 0 ? "running" : "manual"))
                styles.append(p.muted)
            }
            cells.append(rate)
            styles.append(nil)
            return TableRow(cells, cellStyles: styles)
        }
        Table(
            columns: columns, rows: rows,
            selected: data.pipelines.firstIndex { $0.id == data.selectedPipeline?.id },
            headerStyle: p.title, rowStyle: p.text, selectedStyle: focused ? p.selection : p.selection.dim(),
            glyphs: context.glyphs
        ).render(into: &buffer, area: inner)
    }
}
