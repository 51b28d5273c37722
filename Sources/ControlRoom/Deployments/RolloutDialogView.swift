import Engine
import TUICore

/// Draws the rollout reason dialog (promote at an approval gate, abort)
/// and the weight dialog.
enum RolloutDialogView {
    static func renderReason(_ form: RolloutReasonForm, context: RenderContext, area: Rect, into buffer: inout CellBuffer) {
        let p = context.palette
        let deployment = TextSanitizer.clean(form.deployment)
        var message: [String] = []
        if let error = form.error { message.append("\(context.glyphs.crossMark) \(TextSanitizer.clean(error))") }
        message.append("Now \(TextSanitizer.clean(form.situation))")
        let candidate = form.candidateVersion.map { "v\($0)" } ?? "the candidate"
        switch form.action {
        case .abort:
            message.append("Traffic goes back to " + (form.stableVersion.map { "v\($0)" } ?? "the stable version") + " at once and the rollout stops (r retries it).")
        case .promoteFull:
            message.append("Records the registry approval of \(candidate) with your reason, then \(candidate) takes all traffic.")
        case .promote, .pause, .resume, .retry:
            message.append("Records the registry approval of \(candidate) with your reason, then the rollout goes on to its next step.")
        }
        message.append("Recorded with your login, SSH client and the time.")
        let title: String
        switch form.action {
        case .abort: title = "Abort \(deployment) and roll back"
        case .promoteFull: title = "Approve \(candidate) and promote \(deployment) fully"
        case .promote, .pause, .resume, .retry: title = "Approve \(candidate) and promote \(deployment)"
        }
        Dialog(title: title, message: message, field: form.reason, fieldLabel: "Reason:",
               footer: "Enter \(form.action == .abort ? "abort" : "promote")\(context.separator)Esc cancel", width: 64,
               style: p.text, borderStyle: form.error != nil || form.action == .abort ? p.critical : p.accent,
               titleStyle: p.title, fieldStyle: p.text.underlined(), glyphs: context.glyphs)
            .render(into: &buffer, area: area)
    }

    static func renderWeight(_ form: RolloutWeightForm, context: RenderContext, area: Rect, into buffer: inout CellBuffer) {
        let p = context.palette
        let candidate = form.candidateVersion.map { "v\($0)" } ?? "the candidate"
        var message: [String] = []
        if let error = form.error { message.append("\(context.glyphs.crossMark) \(TextSanitizer.clean(error))") }
        message.append("Share of live traffic for \(candidate), 0-100; the rest stays on the stable version. The engine keeps it within the plan's bounds.")
        Dialog(title: "Set the weight of \(TextSanitizer.clean(form.deployment))", message: message, field: form.percent, fieldLabel: "Percent:",
               footer: "Enter set\(context.separator)Esc cancel", width: 60,
               style: p.text, borderStyle: form.error == nil ? p.accent : p.critical,
               titleStyle: p.title, fieldStyle: p.text.underlined(), glyphs: context.glyphs)
            .render(into: &buffer, area: area)
    }
}
