import Engine
import TUICore

/// The list of deployments: phase glyph, id, strategy, step n/N and, when
/// there is room, the phase's reason on a second line.
enum DeploymentListPanel {
    static func render(data: DeploymentsData, filter: String, twoLine: Bool, context: RenderContext, area: Rect, into buffer: inout CellBuffer) {
        let p = context.palette
        var title = "Deployments"
        if !filter.isEmpty { title += " /\(TextSanitizer.clean(filter))" }
        let right = data.deployments.count < data.total ? "\(data.deployments.count) of \(data.total)" : "\(data.total)"
        let inner = PipelinesView.block(title, right: right, focused: true, context: context, area: area, into: &buffer)
        guard !inner.isEmpty else { return }
        guard !data.deployments.isEmpty else {
            buffer.put("No deployment matches '\(TextSanitizer.clean(filter))'. Esc clears the filter.", in: inner.inset(left: 1),
                       style: p.muted, ellipsis: context.glyphs.ellipsis)
            return
        }
        let rowsPer = twoLine ? 2 : 1
        let visible = max(1, inner.height / rowsPer)
        let selected = data.selectedIndex
        let first = Table.scrollOffset(selected: selected, offset: 0, visibleRows: visible, rowCount: data.deployments.count)
        let showStrategy = inner.width >= 34
        let strategyWidth = 12, stepWidth = 5
        for (offset, d) in data.deployments.dropFirst(first).prefix(visible).enumerated() {
            let y = inner.y + offset * rowsPer
            let isSelected = first + offset == selected
            let highlight: Style? = isSelected ? p.selection : nil
            let row = Rect(x: inner.x, y: y, width: inner.width, height: 1)
            var right = TextLayout.pad(DeploymentAppearance.step(d), to: stepWidth, alignment: .right)
            if showStrategy { right = TextLayout.pad(TextSanitizer.clean(d.strategy), to: strategyWidth, ellipsis: context.glyphs.ellipsis) + right }
            PanelLine(spans: [("\(DeploymentAppearance.glyph(d.phase, context.glyphs)) ", DeploymentAppearance.style(d.phase, p)),
                              (TextSanitizer.clean(d.id), p.text)],
                      right: (right, p.muted), highlight: highlight)
                .render(into: &buffer, row: row, glyphs: context.glyphs)
            if twoLine, y + 1 < inner.maxY {
                PanelLine("  " + DeploymentAppearance.reasonText(d), DeploymentAppearance.reasonStyle(d.phase, p), highlight: highlight)
                    .render(into: &buffer, row: row.row(0).offsetBy(dy: 1), glyphs: context.glyphs)
            }
        }
    }
}

extension Rect {
    /// The same rectangle moved down by `dy` rows.
    func offsetBy(dy: Int) -> Rect { Rect(x: x, y: y + dy, width: width, height: height) }
}
