import Engine
import TUICore

/// Draws the approve/reject and move-alias dialogs.
enum ModelDialogView {
    static func renderDecision(_ form: DecisionForm, context: RenderContext, area: Rect, into buffer: inout CellBuffer) {
        let p = context.palette
        let verb = form.approve ? "Approve" : "Reject"
        var message: [String] = []
        if let error = form.error { message.append("\(context.glyphs.crossMark) \(error)") }
        var approvals = "\(TextSanitizer.clean(form.policy)): \(form.approvers.count) of \(form.approvalsNeeded) approvals"
        if !form.approvers.isEmpty { approvals += " (\(form.approvers.map { TextSanitizer.clean($0) }.joined(separator: ", ")))" }
        message.append(approvals)
        for item in form.evidence {
            var line = "\(TextSanitizer.clean(item.metric)) \(VersionAppearance.value(item.candidate))"
            if item.champion != nil { line += " vs champion \(VersionAppearance.value(item.champion)) (\(VersionAppearance.delta(item.delta)))" }
            message.append(line)
        }
        message.append("Recorded with your login, SSH client, the time and these metrics.")
        Dialog(title: "\(verb) \(TextSanitizer.clean(form.model)) v\(form.version)", message: message,
               field: form.reason, fieldLabel: "Reason:",
               footer: "Enter \(verb.lowercased())\(context.separator)Esc cancel", width: 64,
               style: p.text, borderStyle: form.error == nil ? (form.approve ? p.accent : p.warn) : p.critical,
               titleStyle: p.title, fieldStyle: p.text.underlined(), glyphs: context.glyphs)
            .render(into: &buffer, area: area)
    }

    static func renderAlias(_ form: AliasForm, context: RenderContext, area: Rect, into buffer: inout CellBuffer) {
        let p = context.palette
        let box = area.centered(width: min(area.width - 2, 56), height: min(area.height, 8))
        buffer.fill(box, style: p.base)
        let inner = Block(title: "Move an alias of \(TextSanitizer.clean(form.model))", borderStyle: p.accent, titleStyle: p.title, glyphs: context.glyphs)
            .render(into: &buffer, area: box)
        guard inner.height >= 4 else { return }
        let labels = ["Alias", "Version"]
        let fields = [form.alias, form.version]
        for index in 0..<2 {
            let y = inner.y + 1 + index
            let focused = index == form.focus
            buffer.put(TextLayout.pad(labels[index], to: 9), x: inner.x + 1, y: y, style: focused ? p.accent.bold() : p.text)
            let fieldArea = Rect(x: inner.x + 11, y: y, width: max(1, inner.width - 12), height: 1)
            buffer.fill(fieldArea, style: p.text.underlined())
            if focused {
                fields[index].render(into: &buffer, area: fieldArea, style: p.text.underlined(), cursorStyle: p.selection, glyphs: context.glyphs)
            } else {
                buffer.put(TextSanitizer.clean(fields[index].text), in: fieldArea, style: p.text.underlined(), ellipsis: context.glyphs.ellipsis)
            }
        }
        let note = form.error.map { TextSanitizer.clean($0) } ?? "champion promotes (approved versions only); empty version removes"
        buffer.put(note, in: Rect(x: inner.x + 1, y: inner.maxY - 2, width: inner.width - 2, height: 1),
                   style: form.error == nil ? p.muted : p.critical, ellipsis: context.glyphs.ellipsis)
        buffer.put("Enter move\(context.separator)Tab next field\(context.separator)Esc cancel", in: Rect(x: inner.x + 1, y: inner.maxY - 1, width: inner.width - 2, height: 1),
                   style: p.muted, ellipsis: context.glyphs.ellipsis)
    }
}
