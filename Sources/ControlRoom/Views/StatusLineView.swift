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
                buffer.put(TextSanitizer.clean(status.text), in: Rect(x: x, y: area.y, width: area.maxX - x, height: 1), style: status.isError ? p.critical : p.muted, ellipsis: context.glyphs.ellipsis)
            }
        case .filter:
            buffer.put("/", x: area.x, y: area.y, style: p.accent)
            state.filterLine.render(into: &buffer, area: Rect(x: area.x + 1, y: area.y, width: area.width - 1, height: 1), style: p.text, cursorStyle: p.selection)
        case .normal, .help, .dialog:
            var left = area
            if let session = state.session {
                if session.isAlert {
                    buffer.put(TextSanitizer.clean(session.text), in: area, style: p.critical.bold(), ellipsis: context.glyphs.ellipsis)
                    return
                }
                left = sessionOnTheRight(session, area: area, context: context, into: &buffer)
            }
            if let writeError {
                // Stays until a write succeeds; the last status message waits.
                buffer.put(TextSanitizer.clean(StoreErrorSummary.statusText(writeError)), in: left, style: p.critical, ellipsis: context.glyphs.ellipsis)
            } else if let status = state.status {
                buffer.put(TextSanitizer.clean(status.text), in: left, style: status.isError ? p.critical : p.muted, ellipsis: context.glyphs.ellipsis)
            } else if !state.filter(for: state.screen).isEmpty {
                buffer.put("filter: \(state.filter(for: state.screen))  (/ to edit, Esc to clear)", in: left, style: p.muted, ellipsis: context.glyphs.ellipsis)
            }
        }
    }

    /// Draws the session banner at the right end (at most a third of the
    /// line) and returns the room left of it.
    private static func sessionOnTheRight(_ session: SessionBanner, area: Rect, context: RenderContext, into buffer: inout CellBuffer) -> Rect {
        let width = min(CharacterWidth.of(session.text), area.width / 3)
        guard width > 0 else { return area }
        let x = area.maxX - width
        buffer.put(TextSanitizer.clean(session.text), in: Rect(x: x, y: area.y, width: width, height: 1), style: context.palette.accent, ellipsis: context.glyphs.ellipsis)
        return Rect(x: area.x, y: area.y, width: max(0, x - area.x - 1), height: 1)
    }
}
