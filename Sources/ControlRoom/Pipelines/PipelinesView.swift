import Engine
import TUICore

/// The Pipelines screen: pipelines and their run history on the left; the
/// selected run's DAG, its timeline and the selected step's log on the right.
enum PipelinesView {
    static func render(snapshot: EngineSnapshot, state: UIState, logTail: [LogLine], context: RenderContext, area: Rect, into buffer: inout CellBuffer) {
        let data = PipelinesData(snapshot: snapshot, state: state.pipelines, filter: state.filter(for: .pipelines))
        guard !data.pipelines.isEmpty else {
            EmptyStateView.render(screen: .pipelines, snapshot: snapshot, context: context, area: area, into: &buffer)
            return
        }
        let leftWidth = max(30, area.width * 38 / 100)
        let columns = area.split(.horizontal, [.length(leftWidth), .fill()])
        let pipelinesHeight = min(data.pipelines.count + 3, max(5, area.height * 2 / 5))
        let left = columns[0].split(.vertical, [.length(pipelinesHeight), .fill()])
        let ganttHeight = min(data.steps.count + 4, max(5, area.height * 3 / 10))
        let logHeight = max(5, area.height * 3 / 10)
        let right = columns[1].split(.vertical, [.fill(), .length(ganttHeight), .length(logHeight)])
        let pane = state.pipelines.pane

        PipelineListPanel.render(data: data, focused: pane == .pipelines, context: context, area: left[0], into: &buffer)
        RunHistoryPanel.render(data: data, now: snapshot.now, filter: state.filter(for: .pipelines), focused: pane == .runs, context: context, area: left[1], into: &buffer)
        DagPanel.render(data: data, now: snapshot.now, focused: pane == .steps, context: context, area: right[0], into: &buffer)
        TimelinePanel.render(data: data, now: snapshot.now, context: context, area: right[1], into: &buffer)
        LogPanel.render(data: data, lines: logTail, ui: state.pipelines, focused: pane == .log, context: context, area: right[2], into: &buffer)
    }

    /// A panel's frame: accent border and a marker when it has the focus.
    static func block(_ title: String, right: String? = nil, focused: Bool, context: RenderContext, area: Rect, into buffer: inout CellBuffer) -> Rect {
        let p = context.palette
        return Block(
            title: focused ? "\(context.glyphs.arrowRight) \(title)" : title,
            titleRight: right,
            borderStyle: focused ? p.accent : p.border,
            titleStyle: focused ? p.title.bold() : p.title,
            glyphs: context.glyphs
        ).render(into: &buffer, area: area)
    }

    /// `1m05s`-style length of a span that may still be running.
    static func duration(from start: SimTime?, to end: SimTime?, now: SimTime) -> String {
        guard let start else { return "" }
        return ((end ?? now) - start).compactDescription
    }
}
