import Engine
import TUICore

/// The selected model's versions, newest first: state, aliases, AUC,
/// accuracy, dataset and created time.
enum VersionsPanel {
    static func render(data: ModelsData, filter: String, focused: Bool, context: RenderContext, area: Rect, into buffer: inout CellBuffer) {
        let p = context.palette
        var title = "Versions"
        if let model = data.selectedModel { title += "\(context.separator)\(TextSanitizer.clean(model.id))" }
        if !filter.isEmpty { title += " /\(TextSanitizer.clean(filter))" }
        let total = data.selectedModel?.versionCount ?? 0
        let right = data.versions.count < total ? "\(data.versions.count) of \(total)" : "\(total)"
        let inner = PipelinesView.block(title, right: right, focused: focused, context: context, area: area, into: &buffer)
        let wide = inner.width >= 72
        var columns = [
            TableColumn("Ver", width: .length(5)),
            TableColumn("State", width: .length(wide ? 15 : 12)),
            TableColumn("Aliases", width: .fill()),
            TableColumn("AUC", width: .length(6), alignment: .right),
            TableColumn("Acc", width: .length(6), alignment: .right),
        ]
        if wide {
            columns.append(TableColumn("Dataset", width: .length(12)))
            columns.append(TableColumn("Created", width: .length(11)))
        }
        let compare = data.compareVersion?.number
        let mark = VersionAppearance.pendingMark(context.glyphs)
        let rows = data.versions.map { summary -> TableRow in
            let version = summary.version
            let marker = summary.number == compare ? (context.glyphs.hasBraille ? "◇" : "=") : (summary.pendingApproval != nil ? mark : " ")
            var cells = [
                "\(marker)v\(version.version)",
                "\(VersionAppearance.glyph(version.state, context.glyphs)) \(version.state.rawValue)",
                summary.aliases.map { TextSanitizer.clean($0) }.joined(separator: ","),
                VersionAppearance.value(version.metric("auc")).prefix(6).description,
                VersionAppearance.value(version.metric("accuracy")).prefix(6).description,
            ]
            var styles: [Style?] = [summary.pendingApproval != nil ? p.warn : nil, VersionAppearance.style(version.state, p), p.accent, nil, nil]
            if wide {
                cells.append(VersionAppearance.dataset(version.lineage))
                styles.append(p.muted)
                cells.append(version.createdAt.clockLabel)
                styles.append(p.muted)
            }
            return TableRow(cells, cellStyles: styles)
        }
        let placeholder = filter.isEmpty ? "No versions yet: a pipeline's register step adds them." : "No version matches '\(TextSanitizer.clean(filter))'."
        Table(
            columns: columns, rows: rows,
            selected: data.versions.firstIndex { $0.number == data.selectedVersion?.number },
            headerStyle: p.title, rowStyle: p.text, selectedStyle: focused ? p.selection : p.selection.dim(),
            placeholder: placeholder, placeholderStyle: p.muted, glyphs: context.glyphs
        ).render(into: &buffer, area: inner)
    }
}
