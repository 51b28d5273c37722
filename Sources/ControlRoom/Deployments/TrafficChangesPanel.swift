import Engine
import TUICore

/// The newest traffic changes, newest first: when, the split, why, who.
enum TrafficChangesPanel {
    static func render(_ d: DeploymentSummary, context: RenderContext, area: Rect, into buffer: inout CellBuffer) {
        let p = context.palette
        let inner = PipelinesView.block("Traffic changes", right: d.recentChanges.isEmpty ? nil : "\(d.recentChanges.count)", focused: false,
                                        context: context, area: area, into: &buffer)
        guard !inner.isEmpty else { return }
        let rows = d.recentChanges.reversed().map { change in
            TableRow([change.time.clockLabel, change.routing.splitText, TextSanitizer.clean(change.why), TextSanitizer.clean(change.who)],
                     cellStyles: [p.muted, nil, nil, change.who == "rollout" ? p.muted : p.accent])
        }
        Table(
            columns: [
                TableColumn("Time", width: .length(11)),
                TableColumn("Split", width: .length(inner.width >= 90 ? 26 : 18)),
                TableColumn("Why", width: .fill()),
                TableColumn("Who", width: .length(8)),
            ],
            rows: Array(rows), headerStyle: p.title, rowStyle: p.text, selectedStyle: p.selection,
            placeholder: "No traffic change yet.", placeholderStyle: p.muted, glyphs: context.glyphs
        ).render(into: &buffer, area: inner.inset(left: 1, right: 1))
    }
}
