import Engine
import TUICore

/// A Gantt timeline of the selected run's step attempts.
enum TimelinePanel {
    static func render(data: PipelinesData, now: SimTime, context: RenderContext, area: Rect, into buffer: inout CellBuffer) {
        let p = context.palette
        let inner = PipelinesView.block("Timeline", focused: false, context: context, area: area, into: &buffer)
        guard let run = data.selectedRun, let start = run.startedAt else {
            buffer.put("Step attempts appear here once the run starts.", in: inner.inset(left: 1), style: p.muted, ellipsis: context.glyphs.ellipsis)
            return
        }
        let end = max(run.endedAt ?? now, start + SimDuration.seconds(1))
        let rows = run.steps.map { step in
            GanttRow(
                label: TextSanitizer.clean(step.id),
                bars: step.attemptSpans.map { span in
                    GanttBar(start: span.start.milliseconds, end: span.end?.milliseconds, style: StateAppearance.style(span.state, p))
                },
                style: StateAppearance.style(step.state, p)
            )
        }
        GanttChart(
            rows: rows, start: start.milliseconds, end: end.milliseconds,
            now: run.endedAt == nil ? now.milliseconds : nil,
            selected: run.steps.firstIndex { $0.id == data.selectedStep?.id },
            axisStyle: p.muted, selectedStyle: p.selection.dim(),
            glyphs: context.glyphs
        ).render(into: &buffer, area: inner)
    }
}
