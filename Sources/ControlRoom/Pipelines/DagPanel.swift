import Engine
import TUICore

/// The selected run's DAG: a layered graph, nodes coloured by state with
/// their attempt count and duration.
enum DagPanel {
    static func render(data: PipelinesData, now: SimTime, focused: Bool, context: RenderContext, area: Rect, into buffer: inout CellBuffer) {
        let p = context.palette
        guard let run = data.selectedRun else {
            let inner = PipelinesView.block("DAG", focused: focused, context: context, area: area, into: &buffer)
            buffer.put("No run selected. t triggers the selected pipeline.", in: inner.inset(left: 1), style: p.muted, ellipsis: context.glyphs.ellipsis)
            return
        }
        let done = run.steps.filter { $0.state.isFinal }.count
        let title = "\(TextSanitizer.clean(run.pipeline)) #\(run.id)\(context.separator)\(run.state.rawValue)\(context.separator)\(done)/\(run.steps.count) steps"
        let inner = PipelinesView.block(title, right: PipelinesView.duration(from: run.startedAt, to: run.endedAt, now: now), focused: focused, context: context, area: area, into: &buffer)
        guard inner.height >= 2 else { return }
        buffer.put(TextSanitizer.clean(run.reason), in: inner.row(0).inset(left: 1), style: StateAppearance.style(run.state, p), ellipsis: context.glyphs.ellipsis)
        let graphArea = inner.inset(top: 2, left: 1)
        let edges = run.steps.flatMap { step in step.needs.map { DagEdge(from: $0, to: step.id) } }
        let maxPerLayer = max(2, graphArea.height / DagLayout.rowPitch)
        // Durations on the nodes when the graph fits with them; otherwise
        // state glyphs and names only (the timeline below has the times).
        let ids = run.steps.map(\.id)
        let labels = run.steps.map { TextSanitizer.clean($0.id) }
        var details = true
        var layout = DagLayoutCache.layout(ids: ids, labels: labels, edges: edges, maxNodesPerLayer: maxPerLayer, details: true)
        if layout.canvasWidth > graphArea.width {
            details = false
            layout = DagLayoutCache.layout(ids: ids, labels: labels, edges: edges, maxNodesPerLayer: maxPerLayer, details: false)
        }
        let nodes = self.nodes(run, now: now, details: details, context: context)
        let selected = data.selectedStep?.id
        let offset = selected.map {
            DagGraph.offsetToReveal($0, layout: layout, viewport: (graphArea.width, graphArea.height), currentOffset: (0, 0))
        } ?? (x: 0, y: 0)
        DagGraph(
            layout: layout, nodes: nodes, edges: edges, selected: selected,
            offsetX: offset.x, offsetY: offset.y,
            edgeStyle: p.border, selectedStyle: focused ? p.selection : p.selection.dim(), collapsedStyle: p.muted,
            glyphs: context.glyphs
        ).render(into: &buffer, area: graphArea)
        // Say when part of the graph is off screen, and on which side (on
        // the blank row above the graph; the selection pans it).
        let ascii = context.glyphs.horizontal.isASCII
        let markerRow = graphArea.y - 1
        if offset.x > 0 { buffer.put(ascii ? "<< more" : "◂ more", x: graphArea.x, y: markerRow, style: p.accent) }
        if layout.canvasWidth - offset.x > graphArea.width {
            let text = ascii ? "more >>" : "more ▸"
            buffer.put(text, x: graphArea.maxX - CharacterWidth.of(text), y: markerRow, style: p.accent)
        }
    }

    private static func nodes(_ run: RunSummary, now: SimTime, details: Bool, context: RenderContext) -> [DagNode] {
        run.steps.map { step in
            DagNode(
                id: step.id,
                label: TextSanitizer.clean(step.id),
                detail: details ? detail(step, now: now) : nil,
                glyph: StateAppearance.glyph(step.state, context.glyphs),
                style: StateAppearance.style(step.state, context.palette)
            )
        }
    }

    /// `#2 40s` — the attempt (when retried) and how long the latest took.
    static func detail(_ step: StepSummary, now: SimTime) -> String? {
        guard let last = step.attemptSpans.last else { return nil }
        let took = ((last.end ?? now) - last.start).compactDescription
        return step.attempts > 1 ? "#\(step.attempts) \(took)" : took
    }
}
