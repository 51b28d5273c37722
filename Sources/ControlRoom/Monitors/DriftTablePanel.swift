import Engine
import TUICore

/// The selected monitor's per-feature drift table (feature, method, value,
/// warn/alert thresholds, `ref/cur` sample sizes, state, trend sparkline of
/// the history) above the dataset verdict and the reference, window and
/// evaluation lines.
enum DriftTablePanel {
    /// Rows the panel wants: the table's header and features plus the
    /// footer lines and the border.
    static func preferredHeight(_ data: MonitorsData) -> Int {
        max(1, data.features.count) + 1 + 1 + (data.selected.map { footer($0, .monochrome).count } ?? 0) + 2
    }

    static func render(data: MonitorsData, filter: String, showTrend: Bool, context: RenderContext, area: Rect, into buffer: inout CellBuffer) {
        guard let monitor = data.selected else { return }
        let p = context.palette
        var title = "Drift\(context.separator)\(TextSanitizer.clean(monitor.id))"
        if !filter.isEmpty { title += " /\(TextSanitizer.clean(filter))" }
        let right = "deployment \(TextSanitizer.clean(monitor.deployment))"
        let inner = PipelinesView.block(title, right: right, focused: true, context: context, area: area, into: &buffer)
            .inset(left: 1, right: 1)
        guard !inner.isEmpty else { return }
        let footerLines = footer(monitor, p)
        // The features first; the footer gets what is left (at least its
        // first line), with a blank line above it when there is room.
        let spare = inner.height - (max(1, data.features.count) + 1)
        let footerRows = spare > footerLines.count ? footerLines.count : max(min(1, inner.height - 3), min(spare, footerLines.count))
        let table = inner.inset(bottom: footerRows + (spare > footerLines.count ? 1 : 0))
        renderTable(data: data, filter: filter, showTrend: showTrend, context: context, area: table, into: &buffer)
        let footerArea = Rect(x: inner.x, y: inner.maxY - footerRows, width: inner.width, height: footerRows)
        PanelLine.render(footerLines, into: &buffer, area: footerArea, glyphs: context.glyphs)
    }

    /// The dataset verdict, the first-window progress, reference, window and evaluation time.
    static func footer(_ monitor: MonitorSummary, _ p: Palette) -> [PanelLine] {
        var lines: [PanelLine] = []
        if monitor.evaluatedAt == nil {
            lines.append(PanelLine(waitingText(monitor), p.warn))
        } else if let dataset = monitor.datasetDrift {
            lines.append(PanelLine("dataset: " + MonitorAppearance.datasetLine(dataset), dataset.isDrifting ? p.critical.bold() : p.text))
        }
        lines.append(PanelLine("reference: \(TextSanitizer.clean(monitor.reference))", p.muted))
        var window = "window: \(TextSanitizer.clean(monitor.window))"
        if let at = monitor.evaluatedAt { window += "   evaluated \(MonitorAppearance.clock(at))" }
        lines.append(PanelLine(window, p.muted))
        return lines
    }

    /// `waiting for the first window: 12/30 values` (the fewest current
    /// values of any feature against the minimum), or `12 values so far`.
    static func waitingText(_ monitor: MonitorSummary) -> String {
        let have = monitor.features.map(\.currentCount).min() ?? 0
        if let need = monitor.minimumSamples { return "waiting for the first window: \(min(have, need))/\(need) values" }
        return "waiting for the first window: \(have) values so far"
    }

    private static func renderTable(data: MonitorsData, filter: String, showTrend: Bool, context: RenderContext, area: Rect, into buffer: inout CellBuffer) {
        let p = context.palette
        guard area.height >= 1 else { return }
        var constraints: [Constraint] = [.fill(), .length(4), .length(8), .length(12), .length(9), .length(14)]
        if showTrend { constraints.append(.length(8)) }
        let columns = Layout.split(area.row(0), .horizontal, constraints, spacing: 1)
        let titles = ["feature", "meth", "value", "warn/alert", "ref/cur", "state", "trend"]
        for (index, column) in columns.enumerated() {
            let alignment: Alignment = index == 2 || index == 4 ? .right : .left
            buffer.put(TextLayout.pad(titles[index], to: column.width, alignment: alignment, ellipsis: context.glyphs.ellipsis),
                       x: column.x, y: column.y, maxWidth: column.width, style: p.title)
        }
        let body = area.inset(top: 1)
        guard !body.isEmpty else { return }
        guard !data.features.isEmpty else {
            let text = filter.isEmpty ? "No features watched: this monitor has no drift: section."
                : "No feature matches '\(TextSanitizer.clean(filter))'. Esc clears the filter."
            buffer.put(text, in: body.row(0), style: p.muted, ellipsis: context.glyphs.ellipsis)
            return
        }
        let selected = data.selectedFeatureIndex
        let first = Table.scrollOffset(selected: selected, offset: 0, visibleRows: body.height, rowCount: data.features.count)
        for (offset, feature) in data.features.dropFirst(first).prefix(body.height).enumerated() {
            let y = body.y + offset
            let isSelected = first + offset == selected
            if isSelected { buffer.fill(Rect(x: area.x, y: y, width: area.width, height: 1), style: p.selection) }
            func cellStyle(_ style: Style) -> Style { isSelected ? p.selection : style }
            let stateStyle = MonitorAppearance.style(feature.state, p)
            let cells: [(String, Style)] = [
                (TextSanitizer.clean(feature.feature) + (feature.isCategorical ? " (cat)" : ""), p.text),
                (MonitorAppearance.method(feature.method), p.muted),
                (MonitorAppearance.value(feature), stateStyle),
                (MonitorAppearance.thresholds(feature), p.muted),
                (MonitorAppearance.counts(feature), p.muted),
                ("\(MonitorAppearance.glyph(feature.state, context.glyphs)) \(feature.state.rawValue)", stateStyle),
            ]
            for (index, cell) in cells.enumerated() {
                let column = columns[index]
                let alignment: Alignment = index == 2 || index == 4 ? .right : .left
                let text = TextLayout.pad(cell.0, to: column.width, alignment: alignment, ellipsis: context.glyphs.ellipsis)
                buffer.put(text, x: column.x, y: y, maxWidth: column.width, style: cellStyle(cell.1))
            }
            if showTrend, columns.count > 6 {
                trend(feature, style: cellStyle(stateStyle), glyphs: context.glyphs)
                    .render(into: &buffer, area: Rect(x: columns[6].x, y: y, width: columns[6].width, height: 1))
            }
        }
    }

    /// The history as a sparkline; p-values plotted as -log10(p) so a
    /// higher bar is more drift for every method.
    static func trend(_ feature: FeatureDriftSummary, style: Style, glyphs: GlyphSet) -> Sparkline {
        let values = feature.history.map { feature.method.isPValueTest ? MonitorAppearance.minusLog10($0.value) : $0.value }
        return Sparkline(values: values, minValue: 0, style: style, glyphs: glyphs)
    }
}
