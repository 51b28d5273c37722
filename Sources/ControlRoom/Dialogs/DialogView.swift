import Engine
import TUICore

/// Draws the open dialog over the screen.
enum DialogView {
    static func render(_ dialog: DialogState, context: RenderContext, area: Rect, into buffer: inout CellBuffer) {
        let p = context.palette
        switch dialog {
        case .confirm(let confirm):
            Dialog(title: TextSanitizer.clean(confirm.title), message: confirm.message.map { TextSanitizer.clean($0) },
                   footer: "y/Enter confirm\(context.separator)n/Esc cancel", width: 64, style: p.text, borderStyle: p.warn, titleStyle: p.title, glyphs: context.glyphs)
                .render(into: &buffer, area: area)
        case .markStep(let run, let step):
            Dialog(title: "Mark step \(TextSanitizer.clean(step)) of run #\(run)",
                   message: ["Set the step's state by hand; steps downstream proceed accordingly and the mark is recorded with your name."],
                   footer: "s success\(context.separator)f failed\(context.separator)Esc cancel", width: 64, style: p.text, borderStyle: p.warn, titleStyle: p.title, glyphs: context.glyphs)
                .render(into: &buffer, area: area)
        case .trigger(let form):
            renderTrigger(form, context: context, area: area, into: &buffer)
        case .decision(let form):
            ModelDialogView.renderDecision(form, context: context, area: area, into: &buffer)
        case .alias(let form):
            ModelDialogView.renderAlias(form, context: context, area: area, into: &buffer)
        case .rolloutReason(let form):
            RolloutDialogView.renderReason(form, context: context, area: area, into: &buffer)
        case .rolloutWeight(let form):
            RolloutDialogView.renderWeight(form, context: context, area: area, into: &buffer)
        case .acknowledgeAlert(let form):
            AlertDialogView.renderAcknowledge(form, context: context, area: area, into: &buffer)
        case .silenceAlert(let form):
            AlertDialogView.renderSilence(form, context: context, area: area, into: &buffer)
        }
    }

    /// The trigger form: one labelled field per parameter.
    private static func renderTrigger(_ form: TriggerForm, context: RenderContext, area: Rect, into buffer: inout CellBuffer) {
        let p = context.palette
        let height = min(area.height, form.fields.count + 6 + (form.error == nil ? 0 : 1))
        let box = area.centered(width: min(area.width - 2, 64), height: height)
        buffer.fill(box, style: p.base)
        let inner = Block(title: "Trigger \(TextSanitizer.clean(form.pipeline))", borderStyle: p.accent, titleStyle: p.title, glyphs: context.glyphs)
            .render(into: &buffer, area: box)
        guard inner.height >= 3 else { return }
        var y = inner.y
        let intro = form.fields.isEmpty ? "The pipeline has no parameters." : "Parameters (defaults filled in):"
        buffer.put(intro, in: Rect(x: inner.x + 1, y: y, width: inner.width - 2, height: 1), style: p.muted, ellipsis: context.glyphs.ellipsis)
        y += 2
        let labelWidth = min(20, max(8, form.fields.map { CharacterWidth.of($0.name) }.max() ?? 0) + 1)
        for (index, field) in form.fields.enumerated() where y < inner.maxY - 2 {
            let focused = index == form.focus
            buffer.put(TextLayout.pad(TextSanitizer.clean(field.name), to: labelWidth, ellipsis: context.glyphs.ellipsis), x: inner.x + 1, y: y, style: focused ? p.accent.bold() : p.text)
            let fieldArea = Rect(x: inner.x + 2 + labelWidth, y: y, width: inner.width - labelWidth - 12, height: 1)
            buffer.fill(fieldArea, style: p.text.underlined())
            if focused {
                field.input.render(into: &buffer, area: fieldArea, style: p.text.underlined(), cursorStyle: p.selection, glyphs: context.glyphs)
            } else {
                buffer.put(TextSanitizer.clean(field.input.text), in: fieldArea, style: p.text.underlined(), ellipsis: context.glyphs.ellipsis)
            }
            buffer.put(field.defaultValue.typeName, in: Rect(x: fieldArea.maxX + 1, y: y, width: inner.maxX - fieldArea.maxX - 1, height: 1), style: p.muted, ellipsis: context.glyphs.ellipsis)
            y += 1
        }
        if let error = form.error {
            buffer.put(TextSanitizer.clean(error), in: Rect(x: inner.x + 1, y: inner.maxY - 2, width: inner.width - 2, height: 1), style: p.critical, ellipsis: context.glyphs.ellipsis)
        }
        let footer = "Enter start run\(context.separator)Tab next field\(context.separator)Esc cancel"
        buffer.put(footer, in: Rect(x: inner.x + 1, y: inner.maxY - 1, width: inner.width - 2, height: 1), style: p.muted, ellipsis: context.glyphs.ellipsis)
    }
}
