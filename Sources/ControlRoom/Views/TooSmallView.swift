import TUICore

/// Drawn instead of the layout when the terminal is below the minimum size.
enum TooSmallView {
    static func render(width: Int, height: Int, context: RenderContext, into buffer: inout CellBuffer) {
        let lines = [
            "Terminal too small: \(width)x\(height)",
            "Flightdeck needs at least \(ControlRoomView.minimumWidth)x\(ControlRoomView.minimumHeight).",
            "Enlarge the window, or press q to quit.",
        ]
        let top = max(0, (height - lines.count) / 2)
        for (i, line) in lines.enumerated() where top + i < height {
            let text = TextLayout.truncate(line, to: width, ellipsis: context.glyphs.ellipsis)
            let x = max(0, (width - CharacterWidth.of(text)) / 2)
            buffer.put(text, x: x, y: top + i, maxWidth: width - x, style: i == 0 ? context.palette.warn : context.palette.text)
        }
    }
}
