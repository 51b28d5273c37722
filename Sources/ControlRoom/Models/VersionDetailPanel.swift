import Engine
import TUICore

/// The selected version: lineage (run -> step -> dataset -> model artifact,
/// code version, runtime), its approval or the `auto` rule's verdict, and
/// its metrics next to the champion's with deltas coloured improvement ok,
/// regression critical. With a version marked by `d`, the two versions side
/// by side instead.
enum VersionDetailPanel {
    static func render(data: ModelsData, now: SimTime, context: RenderContext, area: Rect, into buffer: inout CellBuffer) {
        let p = context.palette
        guard let model = data.selectedModel, let selected = data.selectedVersion else {
            let inner = PipelinesView.block("Version", focused: false, context: context, area: area, into: &buffer)
            buffer.put("No version selected.", in: inner.inset(left: 1), style: p.muted, ellipsis: context.glyphs.ellipsis)
            return
        }
        if let marked = data.compareVersion, marked.number != selected.number {
            renderComparison(model: model, left: marked, right: selected, context: context, area: area, into: &buffer)
            return
        }
        let version = selected.version
        var title = "\(TextSanitizer.clean(model.id)) v\(version.version)\(context.separator)\(version.state.rawValue)"
        if data.compareVersion != nil { title += "\(context.separator)marked: select another to compare" }
        let inner = PipelinesView.block(title, right: "created \(version.createdAt.clockLabel)", focused: false, context: context, area: area, into: &buffer)
        guard inner.height >= 1 else { return }
        // The table keeps its rows; the text above wraps into what is left
        // (the pending approval or rule verdict before the lineage).
        let table = metricsTable(selected, champion: model.champion, context: context)
        let text = inner.inset(left: 1, right: 1)
        let tableHeight = min(table.rows.count + 1, max(2, text.height / 2))
        let textRows = max(0, text.height - tableHeight - 1)
        var wrapped: [(String, Style)] = []
        for (line, style) in header(selected, context: context) + verdict(selected, model: model, now: now, context: context)
            + lineage(selected.version, context: context) {
            wrapped += TextLayout.wrap(line, width: max(1, text.width)).map { ($0, style) }
        }
        for (row, (line, style)) in wrapped.prefix(textRows).enumerated() {
            let shown = row == textRows - 1 && wrapped.count > textRows ? line + context.glyphs.ellipsis : line
            buffer.put(shown, in: text.row(row), style: style, ellipsis: context.glyphs.ellipsis)
        }
        let used = min(wrapped.count, textRows)
        let tableArea = Rect(x: text.x, y: text.y + used + 1, width: text.width, height: text.maxY - text.y - used - 1)
        guard tableArea.height >= 2 else { return }
        table.render(into: &buffer, area: tableArea)
    }

    /// State, aliases, description, tags.
    private static func header(_ summary: VersionSummary, context: RenderContext) -> [(String, Style)] {
        let p = context.palette
        let version = summary.version
        var first = "\(VersionAppearance.glyph(version.state, context.glyphs)) \(version.state.rawValue)"
        if !summary.aliases.isEmpty { first += "\(context.separator)" + summary.aliases.map { TextSanitizer.clean($0) }.joined(separator: ", ") }
        if let description = version.description, !description.isEmpty { first += "\(context.separator)\(TextSanitizer.clean(description))" }
        var lines: [(String, Style)] = [(first, VersionAppearance.style(version.state, p))]
        if !version.tags.isEmpty { lines.append(("tags: " + version.tags.map { TextSanitizer.clean($0) }.joined(separator: ", "), p.muted)) }
        return lines
    }

    /// `run #12 -> register -> data abc1234 (20000 rows) -> model aaaaaaa 1.0 KB`
    /// and the code version and runtime.
    private static func lineage(_ version: ModelVersion, context: RenderContext) -> [(String, Style)] {
        let p = context.palette
        let arrow = context.glyphs.hasBraille ? " → " : " -> "
        let lineage = version.lineage
        var parts: [String] = []
        parts.append(lineage.run.map { "run #\($0)" } ?? "by hand")
        if let step = lineage.step { parts.append(TextSanitizer.clean(step)) }
        if let hash = lineage.datasetHash {
            parts.append("data \(TextSanitizer.clean(String(hash.prefix(7))))" + (lineage.datasetRows.map { " (\($0) rows)" } ?? ""))
        }
        if let artifact = version.artifact {
            let state = version.artifactDroppedAt == nil ? "" : " dropped"
            parts.append("model \(TextSanitizer.clean(String(artifact.sha256.prefix(7)))) \(VersionAppearance.bytes(artifact.size))\(state)")
        } else {
            parts.append("no artifact")
        }
        let runtime = lineage.runtime
        var environment = "code \(lineage.codeVersion.map { TextSanitizer.clean($0) } ?? "unknown")"
        environment += "\(context.separator)flightdeck \(TextSanitizer.clean(runtime.flightdeckVersion))\(context.separator)swift \(TextSanitizer.clean(runtime.swiftVersion))\(context.separator)\(TextSanitizer.clean(runtime.os))"
        return [("lineage: " + parts.joined(separator: arrow), p.text), (environment, p.muted)]
    }

    /// The pending approval (who so far, deadline and default), the `auto`
    /// rule's verdict, or the last state change.
    private static func verdict(_ summary: VersionSummary, model: ModelSummary, now: SimTime, context: RenderContext) -> [(String, Style)] {
        let p = context.palette
        var lines: [(String, Style)] = []
        if let pending = summary.pendingApproval {
            var text = "\(VersionAppearance.pendingMark(context.glyphs)) awaits approval (\(TextSanitizer.clean(pending.policy))): \(pending.approvers.count) of \(pending.approvalsNeeded)"
            if !pending.approvers.isEmpty { text += " (\(pending.approvers.map { TextSanitizer.clean($0) }.joined(separator: ", ")))" }
            if let deadline = pending.deadline {
                let left = deadline > now ? " (in \((deadline - now).compactDescription))" : ""
                text += "\(context.separator)due \(deadline.clockLabel)\(left), then \(pending.onTimeout.rawValue)"
            } else {
                text += "\(context.separator)no deadline"
            }
            lines.append((text, p.warn))
        }
        if let evaluation = summary.ruleEvaluation {
            let mark = evaluation.holds ? context.glyphs.check : context.glyphs.crossMark
            lines.append(("\(mark) \(TextSanitizer.clean(evaluation.explanation))", evaluation.holds ? p.ok : p.critical))
        }
        // The note repeats the rule's explanation when the rule decided.
        let repeatsRule = summary.ruleEvaluation.map { summary.version.stateNote.contains($0.explanation) } ?? false
        if summary.pendingApproval == nil, !summary.version.stateNote.isEmpty, !repeatsRule {
            lines.append((TextSanitizer.clean(summary.version.stateNote), p.muted))
        }
        return lines
    }

    /// Metric, this version, the champion, the delta (coloured).
    private static func metricsTable(_ summary: VersionSummary, champion: ModelVersion?, context: RenderContext) -> Table {
        let p = context.palette
        let version = summary.version
        let other = champion.flatMap { $0.version == version.version ? nil : $0 }
        var columns = [TableColumn("Metric", width: .fill()), TableColumn("v\(version.version)", width: .length(9), alignment: .right)]
        if let other {
            columns.append(TableColumn("champ v\(other.version)", width: .length(9), alignment: .right))
            columns.append(TableColumn(context.glyphs.hasBraille ? "Δ" : "delta", width: .length(8), alignment: .right))
        }
        var names = version.metrics.map(\.name)
        for metric in other?.metrics ?? [] where !names.contains(metric.name) { names.append(metric.name) }
        let rows = names.map { name -> TableRow in
            let value = version.metric(name)
            var cells = [TextSanitizer.clean(name), VersionAppearance.value(value)]
            var styles: [Style?] = [nil, nil]
            if let other {
                let base = other.metric(name)
                let delta = value.flatMap { v in base.map { v - $0 } }
                cells.append(VersionAppearance.value(base))
                styles.append(p.muted)
                cells.append(VersionAppearance.delta(delta))
                styles.append(deltaStyle(name, delta: delta, p))
            }
            return TableRow(cells, cellStyles: styles)
        }
        return Table(columns: columns, rows: rows, headerStyle: p.title, rowStyle: p.text, selectedStyle: p.selection,
                     placeholder: "No metrics recorded.", placeholderStyle: p.muted, glyphs: context.glyphs)
    }

    static func deltaStyle(_ metric: String, delta: Double?, _ p: Palette) -> Style? {
        switch VersionAppearance.improves(metric, delta: delta) {
        case true?: return p.ok
        case false?: return p.critical
        case nil: return p.muted
        }
    }

    /// Two versions side by side: life cycle, lineage, then metrics with
    /// the delta of the selected version against the marked one.
    private static func renderComparison(model: ModelSummary, left: VersionSummary, right: VersionSummary,
                                         context: RenderContext, area: Rect, into buffer: inout CellBuffer) {
        let p = context.palette
        let arrows = context.glyphs.hasBraille ? "↔" : "<->"
        let inner = PipelinesView.block("Compare \(TextSanitizer.clean(model.id)) v\(left.number) \(arrows) v\(right.number)", right: "d/Esc clears",
                                        focused: false, context: context, area: area, into: &buffer)
        guard inner.height >= 2 else { return }
        let a = left.version, b = right.version
        func text(_ value: String?) -> String { value.map { TextSanitizer.clean($0) } ?? "-" }
        var rows: [TableRow] = [
            TableRow(["state", a.state.rawValue, b.state.rawValue, ""], cellStyles: [nil, VersionAppearance.style(a.state, p), VersionAppearance.style(b.state, p)]),
            TableRow(["aliases", text(left.aliases.joined(separator: ",")), text(right.aliases.joined(separator: ",")), ""]),
            TableRow(["created", a.createdAt.clockLabel, b.createdAt.clockLabel, ""]),
            TableRow(["run", a.lineage.run.map { "#\($0)" } ?? "-", b.lineage.run.map { "#\($0)" } ?? "-", ""]),
            TableRow(["dataset", VersionAppearance.dataset(a.lineage), VersionAppearance.dataset(b.lineage), a.lineage.datasetHash == b.lineage.datasetHash ? "same" : "differs"]),
            TableRow(["code", text(a.lineage.codeVersion), text(b.lineage.codeVersion), a.lineage.codeVersion == b.lineage.codeVersion ? "same" : "differs"]),
            TableRow(["runtime", text(a.lineage.runtime.swiftVersion), text(b.lineage.runtime.swiftVersion), a.lineage.runtime == b.lineage.runtime ? "same" : "differs"]),
        ]
        rows = rows.map { row in
            var row = row
            if row.cells[3] == "differs" { row.cellStyles = row.cellStyles + Array(repeating: nil, count: max(0, 3 - row.cellStyles.count)) + [p.warn] }
            return row
        }
        var names = a.metrics.map(\.name)
        for metric in b.metrics where !names.contains(metric.name) { names.append(metric.name) }
        for name in names {
            let delta = b.metric(name).flatMap { v in a.metric(name).map { v - $0 } }
            rows.append(TableRow([TextSanitizer.clean(name), VersionAppearance.value(a.metric(name)), VersionAppearance.value(b.metric(name)), VersionAppearance.delta(delta)],
                                 cellStyles: [nil, nil, nil, deltaStyle(name, delta: delta, p)]))
        }
        Table(
            columns: [
                TableColumn("", width: .length(min(18, max(8, names.map { CharacterWidth.of($0) }.max() ?? 0)))),
                TableColumn("v\(left.number) (marked)", width: .fill()),
                TableColumn("v\(right.number)", width: .fill()),
                TableColumn(context.glyphs.hasBraille ? "Δ" : "delta", width: .length(8), alignment: .right),
            ],
            rows: rows, headerStyle: p.title, rowStyle: p.text, selectedStyle: p.selection, glyphs: context.glyphs
        ).render(into: &buffer, area: inner.inset(left: 1, right: 1))
    }
}
