import TUICore

/// Drawn by an attached control room before the running engine's first
/// publication arrives: what it waits for, and the session banner.
public enum WaitingView {
    public static func render(state: UIState, context: RenderContext, into buffer: inout CellBuffer) {
        buffer.clear(Cell(" ", style: context.palette.base))
        let width = buffer.width, height = buffer.height
        let lines = [
            TextSanitizer.clean(state.session?.text ?? "attached to the running engine"),
            "Waiting for the engine's first snapshot (it publishes within a second)...",
            "Press q to quit.",
        ]
        let top = max(0, (height - lines.count) / 2)
        for (i, line) in lines.enumerated() where top + i < height {
            let text = TextLayout.truncate(line, to: width, ellipsis: context.glyphs.ellipsis)
            let x = max(0, (width - CharacterWidth.of(text)) / 2)
            buffer.put(text, x: x, y: top + i, maxWidth: width - x, style: i == 0 ? context.palette.accent : context.palette.text)
        }
    }
}
