import Engine
import TUICore

/// The landing screen: every pipeline with its latest run as a compact DAG
/// progress line, the newest runs across pipelines, and on the right the
/// deployments with their rollouts and the approvals waiting
/// (``OverviewServingPanel``).
enum OverviewView {
    static func render(snapshot: EngineSnapshot, context: RenderContext, area: Rect, into buffer: inout CellBuffer) {
        guard !snapshot.pipelines.isEmpty || !snapshot.deployments.isEmpty || !snapshot.models.isEmpty else {
            EmptyStateView.render(screen: .overview, snapshot: snapshot, context: context, area: area, into: &buffer)
            return
        }
        // Deployments and approvals get a wider column than the note saying they are missing.
        let serving = snapshot.deployments.isEmpty && snapshot.models.isEmpty ? 38 : 45
        let columns = area.split(.horizontal, [.percentage(100 - serving), .fill()])
        OverviewServingPanel.render(snapshot: snapshot, context: context, area: columns[1], into: &buffer)
        guard !snapshot.pipelines.isEmpty else {
            let inner = Block(title: "Pipelines", borderStyle: context.palette.border, titleStyle: context.palette.title, glyphs: context.glyphs)
                .render(into: &buffer, area: columns[0])
            buffer.put("No pipelines are declared.", in: inner.inset(left: 1), style: context.palette.muted,
                       ellipsis: context.glyphs.ellipsis)
            return
        }
        let left = columns[0].split(.vertical, [.length(min(snapshot.pipelines.count + 3, area.height / 2)), .fill()])
        renderPipelines(snapshot: snapshot, context: context, area: left[0], into: &buffer)
        renderRecentRuns(snapshot: snapshot, context: context, area: left[1], into: &buffer)
    }

    /// One line per pipeline: latest run state, its steps as glyphs, timing.
    private static func renderPipelines(snapshot: EngineSnapshot, context: RenderContext, area: Rect, into buffer: inout CellBuffer) {
        let p = context.palette
        let active = snapshot.pipelines.reduce(0) { $0 + $1.activeRuns }
        let inner = Block(title: "Pipelines", titleRight: "\(active) running", borderStyle: p.border, titleStyle: p.title, glyphs: context.glyphs)
            .render(into: &buffer, area: area)
        let nameWidth = min(18, max(8, snapshot.pipelines.map { CharacterWidth.of($0.id) }.max() ?? 8))
        for (row, pipeline) in snapshot.pipelines.enumerated() where row < inner.height {
            let y = inner.y + row
            var x = inner.x + 1
            let latest = snapshot.runs.first { $0.pipeline == pipeline.id }
            let state = latest?.state
            let glyph = state.map { StateAppearance.glyph($0, context.glyphs) } ?? context.glyphs.bullet
            buffer.set(glyph, x: x, y: y, style: state.map { StateAppearance.style($0, p) } ?? p.muted)
            x += 2
            x += buffer.put(TextLayout.pad(TextSanitizer.clean(pipeline.id), to: nameWidth, ellipsis: context.glyphs.ellipsis), x: x, y: y, style: p.text) + 1
            if let run = latest, !run.steps.isEmpty {
                for step in run.steps where x < inner.maxX - 24 {
                    buffer.set(StateAppearance.glyph(step.state, context.glyphs), x: x, y: y, style: StateAppearance.style(step.state, p))
                    x += 1
                }
                let done = run.steps.filter { $0.state.isFinal }.count
                x += 1
                x += buffer.put("\(done)/\(run.steps.count) #\(run.id)", x: x, y: y, maxWidth: inner.maxX - x, style: p.muted) + 1
            }
            let next = pipeline.nextScheduledAt.map { "next \($0.clockLabel)" } ?? "manual"
            let nx = max(x, inner.maxX - CharacterWidth.of(next) - 1)
            buffer.put(next, x: nx, y: y, maxWidth: inner.maxX - nx, style: p.muted)
        }
    }

    /// The newest runs across pipelines, failures in the critical style.
    private static func renderRecentRuns(snapshot: EngineSnapshot, context: RenderContext, area: Rect, into buffer: inout CellBuffer) {
        let p = context.palette
        let inner = Block(title: "Recent runs", borderStyle: p.border, titleStyle: p.title, glyphs: context.glyphs).render(into: &buffer, area: area)
        guard !snapshot.runs.isEmpty else {
            buffer.put("No runs yet: schedules start them, or press 2 then t.", in: inner.inset(left: 1), style: p.muted, ellipsis: context.glyphs.ellipsis)
            return
        }
        let rows = snapshot.runs.prefix(max(0, inner.height - 1)).map { run in
            TableRow(
                ["#\(run.id)", TextSanitizer.clean(run.pipeline), "\(StateAppearance.glyph(run.state, context.glyphs)) \(TextSanitizer.clean(run.reason))"],
                cellStyles: [p.muted, p.text, StateAppearance.style(run.state, p)]
            )
        }
        Table(columns: [TableColumn("Run", width: .length(6)), TableColumn("Pipeline", width: .length(16)), TableColumn("State", width: .fill())],
              rows: Array(rows), headerStyle: p.title, rowStyle: p.text, glyphs: context.glyphs)
            .render(into: &buffer, area: inner)
    }
}
