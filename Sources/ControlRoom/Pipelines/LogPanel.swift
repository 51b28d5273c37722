import Engine
import TUICore

/// The selected step's log tail. Step output is untrusted: every line goes
/// through `TextSanitizer` before it reaches the buffer.
enum LogPanel {
    static func render(data: PipelinesData, lines: [LogLine], ui: PipelinesUIState, focused: Bool, context: RenderContext, area: Rect, into buffer: inout CellBuffer) {
        let p = context.palette
        guard let step = data.selectedStep else {
            _ = PipelinesView.block("Log", focused: focused, context: context, area: area, into: &buffer)
            return
        }
        let follow = ui.followLog ? "follow" : "scrolled \(ui.logOffset)"
        let inner = PipelinesView.block("Log\(context.separator)\(TextSanitizer.clean(step.id))\(context.separator)\(TextSanitizer.clean(step.reason))", right: follow, focused: focused, context: context, area: area, into: &buffer)
        guard !inner.isEmpty else { return }
        guard !lines.isEmpty else {
            let message: String
            if step.attempts == 0 {
                message = "The step has not started."
            } else if step.kind.hasPrefix("simulate") {
                message = "No output: a simulated step (\(step.kind)) only takes simulated time."
            } else {
                message = "No output."
            }
            buffer.put(message, in: inner.inset(left: 1), style: p.muted, ellipsis: context.glyphs.ellipsis)
            return
        }
        let offset = ui.followLog ? 0 : min(ui.logOffset, max(0, lines.count - inner.height))
        let visible = lines.dropLast(offset).suffix(inner.height)
        for (row, line) in visible.enumerated() {
            let y = inner.y + row
            var x = inner.x + 1
            let stamp = String(line.time.clockLabel.suffix(8))
            x += buffer.put(stamp + " ", x: x, y: y, maxWidth: inner.maxX - x, style: p.muted)
            let style = line.stream == .stderr ? p.warn : (line.stream == .system ? p.muted : p.text)
            buffer.put(TextSanitizer.clean(line.text), in: Rect(x: x, y: y, width: inner.maxX - x, height: 1), style: style, ellipsis: context.glyphs.ellipsis)
        }
    }
}
