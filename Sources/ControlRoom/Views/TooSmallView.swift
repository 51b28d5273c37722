import TUICore

/// Drawn instead of the layout when the terminal is below the minimum size.
///
/// Each line has shorter wordings for narrow terminals; the longest one that
/// fits is drawn, so the notice stays readable down to about 10 columns
/// (`Too small`, `q quits`). The first line comes first: on a one-row
/// terminal it is the only one.
enum TooSmallView {
    static func render(width: Int, height: Int, context: RenderContext, into buffer: inout CellBuffer) {
        guard width > 0, height > 0 else { return }
        let minimum = "\(ControlRoomView.minimumWidth)x\(ControlRoomView.minimumHeight)"
        let lines = [
            ["Terminal too small: \(width)x\(height)", "Too small: \(width)x\(height)", "Too small", "small"],
            ["Flightdeck needs at least \(minimum).", "Needs \(minimum).", "Needs \(minimum)"],
            ["Enlarge the window, or press q to quit.", "Enlarge it or press q.", "q quits"],
        ]
        let top = max(0, (height - lines.count) / 2)
        for (i, variants) in lines.enumerated() where top + i < height {
            let text = fitting(variants, width: width, ellipsis: context.glyphs.ellipsis)
            let x = max(0, (width - CharacterWidth.of(text)) / 2)
            buffer.put(text, x: x, y: top + i, maxWidth: width - x, style: i == 0 ? context.palette.warn : context.palette.text)
        }
    }

    /// The first wording that fits in `width` columns, else the last one
    /// truncated.
    static func fitting(_ variants: [String], width: Int, ellipsis: String) -> String {
        if let text = variants.first(where: { CharacterWidth.of($0) <= width }) { return text }
        return TextLayout.truncate(variants[variants.count - 1], to: width, ellipsis: ellipsis)
    }
}
