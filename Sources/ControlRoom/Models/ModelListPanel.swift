import Engine
import TUICore

/// The list of models: champion version, policy and pending approvals.
enum ModelListPanel {
    static func render(data: ModelsData, focused: Bool, context: RenderContext, area: Rect, into buffer: inout CellBuffer) {
        let p = context.palette
        let inner = PipelinesView.block("Models", right: "\(data.models.count)", focused: focused, context: context, area: area, into: &buffer)
        let wide = inner.width >= 34
        var columns = [TableColumn("Model", width: .fill()), TableColumn("Champ", width: .length(5), alignment: .right)]
        if wide { columns.append(TableColumn("Policy", width: .length(10))) }
        columns.append(TableColumn("Wait", width: .length(4), alignment: .right))
        let mark = VersionAppearance.pendingMark(context.glyphs)
        let rows = data.models.map { model -> TableRow in
            var cells = [TextSanitizer.clean(model.id), model.championVersion.map { "v\($0)" } ?? "-"]
            var styles: [Style?] = [nil, model.championVersion == nil ? p.muted : p.accent]
            if wide {
                cells.append(policyLabel(model.policy))
                styles.append(p.muted)
            }
            let pending = model.pendingApprovals.count
            cells.append(pending > 0 ? "\(mark)\(pending)" : "-")
            styles.append(pending > 0 ? p.warn : p.muted)
            return TableRow(cells, cellStyles: styles)
        }
        Table(
            columns: columns, rows: rows,
            selected: data.models.firstIndex { $0.id == data.selectedModel?.id },
            headerStyle: p.title, rowStyle: p.text, selectedStyle: focused ? p.selection : p.selection.dim(),
            glyphs: context.glyphs
        ).render(into: &buffer, area: inner)
    }

    /// `manual`, `two_person`, `auto` (the rule is in the info panel).
    static func policyLabel(_ policy: String) -> String {
        policy.hasPrefix("auto") ? "auto" : TextSanitizer.clean(policy)
    }
}

/// The selected model's description, policy, aliases and version states.
enum ModelInfoPanel {
    static func render(data: ModelsData, context: RenderContext, area: Rect, into buffer: inout CellBuffer) {
        let p = context.palette
        guard let model = data.selectedModel else {
            _ = PipelinesView.block("Model", focused: false, context: context, area: area, into: &buffer)
            return
        }
        let inner = PipelinesView.block(TextSanitizer.clean(model.id), right: model.declared ? nil : "not declared", focused: false, context: context, area: area, into: &buffer)
        guard !inner.isEmpty else { return }
        var lines: [(String, Style)] = []
        if let description = model.description, !description.isEmpty { lines.append((TextSanitizer.clean(description), p.text)) }
        lines.append(("policy: " + TextSanitizer.clean(model.policy), p.text))
        let aliases = model.aliases.map { "\(TextSanitizer.clean($0.alias)) v\($0.version)" }
        lines.append(("aliases: " + (aliases.isEmpty ? "none" : aliases.joined(separator: ", ")), aliases.isEmpty ? p.muted : p.text))
        let counts = model.stateCounts.map { "\($0.count) \($0.state.rawValue)" }
        lines.append(("\(model.versionCount) version\(model.versionCount == 1 ? "" : "s")" + (counts.isEmpty ? "" : ": " + counts.joined(separator: ", ")), p.muted))
        let mark = VersionAppearance.pendingMark(context.glyphs)
        for pending in model.pendingApprovals {
            lines.append(("\(mark) v\(pending.version) awaits approval (\(pending.approvers.count) of \(pending.approvalsNeeded))", p.warn))
        }
        let text = inner.inset(left: 1, right: 1)
        var y = text.y
        for (line, style) in lines where y < text.maxY {
            for wrapped in TextLayout.wrap(line, width: text.width) where y < text.maxY {
                buffer.put(wrapped, x: text.x, y: y, maxWidth: text.width, style: style)
                y += 1
            }
        }
    }
}
