import Engine
import TUICore

/// Draws the acknowledge (`k`) and silence (`s`) dialogs.
enum AlertDialogView {
    static func renderAcknowledge(_ form: AcknowledgeForm, context: RenderContext, area: Rect, into buffer: inout CellBuffer) {
        let p = context.palette
        let message = [
            "Now \(TextSanitizer.clean(form.situation))",
            "Acknowledging says someone owns it: it stays listed until it resolves, and the header stops counting it as firing.",
            "Reason (optional), recorded with your login, SSH client and the time.",
        ]
        Dialog(title: "Acknowledge \(TextSanitizer.clean(form.alert))", message: message, field: form.reason, fieldLabel: "Reason:",
               footer: "Enter acknowledge\(context.separator)Esc cancel", width: 64,
               style: p.text, borderStyle: p.accent, titleStyle: p.title, fieldStyle: p.text.underlined(), glyphs: context.glyphs)
            .render(into: &buffer, area: area)
    }

    static func renderSilence(_ form: SilenceForm, context: RenderContext, area: Rect, into buffer: inout CellBuffer) {
        let p = context.palette
        var message: [String] = []
        if let error = form.error { message.append("\(context.glyphs.crossMark) \(TextSanitizer.clean(error))") }
        message.append("Now \(TextSanitizer.clean(form.situation))")
        let field: TextField
        let label: String
        let footer: String
        switch form.step {
        case .duration:
            message.append("For how long (simulated time: 30m, 1h, 1h30m, 2d)? It keeps being evaluated and recorded, but is not shown as firing.")
            field = form.duration
            label = "Duration:"
            footer = "Enter next\(context.separator)Esc cancel"
        case .reason:
            if case .success(let duration) = form.parsedDuration() {
                message.append("Silenced for \(duration) until \((form.now + duration).clockLabel) (Tab changes it).")
            }
            message.append("Reason (optional), recorded with your login, SSH client and the time.")
            field = form.reason
            label = "Reason:"
            footer = "Enter silence\(context.separator)Tab duration\(context.separator)Esc cancel"
        }
        Dialog(title: "Silence \(TextSanitizer.clean(form.alert))", message: message, field: field, fieldLabel: label,
               footer: footer, width: 64, style: p.text, borderStyle: form.error == nil ? p.accent : p.critical,
               titleStyle: p.title, fieldStyle: p.text.underlined(), glyphs: context.glyphs)
            .render(into: &buffer, area: area)
    }
}
