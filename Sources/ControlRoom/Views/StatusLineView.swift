import TUICore

/// The line above the key hints: the command or filter being typed, the
/// completions of the last Tab, a store error (a full disk: it stays until
/// a write succeeds), or the last status message.
enum StatusLineView {
    static func render(state: UIState, writeError: String? = nil, context: RenderContext, area: Rect, into buffer: inout CellBuffer) {
        let p = context.palette
        switch state.mode {
        case .command:
            buffer.put(":", x: area.x, y: area.y, style: p.accent)
            let fieldArea = Rect(x: area.x + 1, y: area.y, width: area.width / 2, height: 1)
            state.commandLine.render(into: &buffer, area: fieldArea, style: p.text, cursorStyle: p.selection)
            if !state.completions.isEmpty {
                let x = fieldArea.maxX + 2
                buffer.put(state.completions.joined(separator: "  "), in: Rect(x: x, y: area.y, width: area.maxX - x, height: 1), style: p.muted, ellipsis: context.glyphs.ellipsis)
            } else if let status = state.status {
                let x = fieldArea.maxX + 2
                buffer.put(status.text, in: Rect(x: x, y: area.y, width: area.maxX - x, height: 1), style: status.isError ? p.critical : p.muted, ellipsis: context.glyphs.ellipsis)
            }
        case .filter:
            buffer.put("/", x: area.x, y: area.y, style: p.accent)
            state.filterLine.render(into: &buffer, area: Rect(x: area.x + 1, y: area.y, width: area.width - 1, height: 1), style: p.text, cursorStyle: p.selection)
        case .normal, .help, .dialog:
            if let writeError {
                // Stays until a write succeeds; the last status message waits.
                buffer.put(TextSanitizer.clean(StoreErrorSummary.statusText(writeError)), in: area, style: p.critical, ellipsis: context.glyphs.ellipsis)
            } else if let status = state.status {
                buffer.put(status.text, in: area, style: status.isError ? p.critical : p.muted, ellipsis: context.glyphs.ellipsis)
            } else if !state.filter(for: state.screen).isEmpty {
                buffer.put("filter: \(state.filter(for: state.screen))  (/ to edit, Esc to clear)", in: area, style: p.muted, ellipsis: context.glyphs.ellipsis)
            }
        }
    }
}
