import Engine
import TUICore

/// The landing screen. Left: every pipeline with its latest run as a
/// compact DAG progress line, the most drifting features and the SLOs, the
/// newest runs. Right: the alerts that fire, the deployments with their
/// rollouts and the approvals waiting (``OverviewServingPanel``). Across
/// the bottom: the latest continuous-training story as one chain. Panels
/// shrink, then drop (recent runs first), on small terminals; each says
/// what will appear when it has nothing yet.
enum OverviewView {
    static func render(snapshot: EngineSnapshot, context: RenderContext, area: Rect, into buffer: inout CellBuffer) {
        let monitoring = !snapshot.monitors.isEmpty || !snapshot.alerts.isEmpty || !snapshot.stories.isEmpty
        guard !snapshot.pipelines.isEmpty || !snapshot.deployments.isEmpty || !snapshot.models.isEmpty || monitoring else {
            EmptyStateView.render(screen: .overview, snapshot: snapshot, context: context, area: area, into: &buffer)
            return
        }
        var top = area
        if monitoring {
            let maxLines = area.height >= 30 ? 3 : 1
            let lines = OverviewStoryPanel.wantedLines(snapshot: snapshot, width: area.width - 4, maxLines: maxLines, glyphs: context.glyphs)
            let rows = area.split(.vertical, [.fill(), .length(lines + 2)])
            top = rows[0]
            OverviewStoryPanel.render(snapshot: snapshot, context: context, area: rows[1], into: &buffer)
        }
        // Deployments and approvals get a wider column than the note saying they are missing.
        let serving = snapshot.deployments.isEmpty && snapshot.models.isEmpty && !monitoring ? 38 : 45
        let columns = top.split(.horizontal, [.percentage(100 - serving), .fill()])
        var right = columns[1]
        if monitoring {
            let wanted = OverviewAlertsPanel.wantedLines(snapshot.alerts)
            let height = min(wanted + 2, max(3, right.height / 3))
            let rows = right.split(.vertical, [.length(height), .fill()])
            OverviewAlertsPanel.render(snapshot.alerts, now: snapshot.now, context: context, area: rows[0], into: &buffer)
            right = rows[1]
        }
        if !snapshot.deployments.isEmpty || !snapshot.models.isEmpty || !monitoring {
            OverviewServingPanel.render(snapshot: snapshot, context: context, area: right, into: &buffer)
        } else {
            renderNoServing(context: context, area: right, into: &buffer)
        }
        renderLeft(snapshot: snapshot, monitoring: monitoring, context: context, area: columns[0], into: &buffer)
    }

    /// Pipelines, then drift and SLOs (or a note that none is declared),
    /// then the recent runs in what is left (dropped below 4 rows).
    private static func renderLeft(snapshot: EngineSnapshot, monitoring: Bool, context: RenderContext, area: Rect, into buffer: inout CellBuffer) {
        let p = context.palette
        let driftLimit = area.height >= 24 ? 5 : 3
        // Without monitors, a note says what will appear, unless the right column already says nothing is declared.
        let note = !monitoring && (!snapshot.deployments.isEmpty || !snapshot.models.isEmpty)
        let monitorHeight = monitoring ? OverviewMonitoringPanel.wantedLines(snapshot.monitors, driftLimit: driftLimit) + 2
            : note ? (area.height >= 24 ? 4 : 3) : 0
        let pipelineHeight = snapshot.pipelines.isEmpty ? 3 : min(snapshot.pipelines.count + (monitoring ? 2 : 3), max(3, area.height / 2))
        let rest = area.height - pipelineHeight
        let monitor = min(monitorHeight, rest)
        let runsHeight = rest - monitor >= 4 ? rest - monitor : 0
        let rows = area.split(.vertical, [.length(pipelineHeight), .length(rest - runsHeight), .fill()])
        if snapshot.pipelines.isEmpty {
            let inner = Block(title: "Pipelines", borderStyle: p.border, titleStyle: p.title, glyphs: context.glyphs).render(into: &buffer, area: rows[0])
            buffer.put("No pipelines are declared.", in: inner.inset(left: 1), style: p.muted, ellipsis: context.glyphs.ellipsis)
        } else {
            renderPipelines(snapshot: snapshot, context: context, area: rows[0], into: &buffer)
        }
        if monitoring {
            OverviewMonitoringPanel.render(snapshot.monitors, driftLimit: driftLimit, context: context, area: rows[1], into: &buffer)
        } else if note {
            let inner = PipelinesView.block("Drift and SLOs", focused: false, context: context, area: rows[1], into: &buffer).inset(left: 1, right: 1)
            let text = inner.height >= 2
                ? "No monitors or alerts declared: add monitors: and alerts: to flightdeck.yaml to see drift, SLOs and alerts here."
                : "No monitors: drift and SLOs show here."
            for (row, line) in TextLayout.wrap(text, width: inner.width).prefix(max(0, inner.height)).enumerated() {
                buffer.put(line, x: inner.x, y: inner.y + row, maxWidth: inner.width, style: p.muted)
            }
        }
        if runsHeight > 0 { renderRecentRuns(snapshot: snapshot, context: context, area: rows[2], into: &buffer) }
    }

    /// The right column when monitoring is declared but nothing serves.
    private static func renderNoServing(context: RenderContext, area: Rect, into buffer: inout CellBuffer) {
        let p = context.palette
        let inner = PipelinesView.block("Deployments", focused: false, context: context, area: area, into: &buffer).inset(left: 1, right: 1)
        for (row, line) in TextLayout.wrap("No deployments or models are declared: traffic splits and approvals show here.", width: inner.width)
            .prefix(max(0, inner.height)).enumerated() {
            buffer.put(line, x: inner.x, y: inner.y + row, maxWidth: inner.width, style: p.muted)
        }
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
                if let step = run.steps.first(where: { $0.state == .running || $0.state == .retrying }) {
                    let text = "\(TextSanitizer.clean(step.id)) \(step.state.rawValue)"
                    let room = inner.maxX - x - 9
                    if CharacterWidth.of(text) <= room { x += buffer.put(text, x: x, y: y, style: StateAppearance.style(step.state, p)) + 1 }
                }
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
