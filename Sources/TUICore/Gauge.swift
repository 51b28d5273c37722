/// A horizontal progress bar filling the whole area, with partial cells
/// drawn from the glyph set's eighths and an optional label centred on the
/// middle row. Label characters over the filled part are drawn in the filled
/// style with reverse video toggled, so they stay readable.
public struct Gauge: Sendable {
    /// The filled fraction, clamped to 0...1; NaN counts as 0.
    public var ratio: Double
    public var label: String?
    public var filledStyle: Style
    public var emptyStyle: Style
    public var glyphs: GlyphSet

    public init(ratio: Double, label: String? = nil, filledStyle: Style, emptyStyle: Style = .plain, glyphs: GlyphSet = .unicode) {
        self.ratio = ratio
        self.label = label
        self.filledStyle = filledStyle
        self.emptyStyle = emptyStyle
        self.glyphs = glyphs
    }

    /// `ratio` made safe: NaN becomes 0, everything else is clamped to 0...1.
    public var clampedRatio: Double {
        ratio.isNaN ? 0 : Swift.min(1, Swift.max(0, ratio))
    }

    /// How many eighths of a cell are filled on a bar `width` cells wide.
    public func filledEighths(width: Int) -> Int {
        Int((clampedRatio * Double(Swift.max(0, width) * 8)).rounded())
    }

    public func render(into buffer: inout CellBuffer, area: Rect) {
        guard !area.isEmpty else { return }
        let levels = glyphs.horizontalEighths
        let steps = levels.count - 1
        let eighths = filledEighths(width: area.width)
        let full = eighths / 8
        let partial = (eighths % 8) * steps / 8
        for row in 0..<area.height {
            let y = area.y + row
            for col in 0..<area.width {
                let x = area.x + col
                if col < full {
                    buffer.set(levels[steps], x: x, y: y, style: filledStyle)
                } else if col == full && partial > 0 {
                    buffer.set(levels[partial], x: x, y: y, style: filledStyle)
                } else {
                    buffer.set(" ", x: x, y: y, style: emptyStyle)
                }
            }
        }
        guard let label, !label.isEmpty else { return }
        let text = TextLayout.truncate(label, to: area.width, ellipsis: glyphs.ellipsis)
        let textWidth = CharacterWidth.of(text)
        let startX = area.x + (area.width - textWidth) / 2
        let y = area.y + (area.height - 1) / 2
        // A cell counts as filled for the label when at least half of it is.
        let filledColumns = (eighths + 4) / 8
        var x = startX
        for scalar in text.unicodeScalars {
            let w = CharacterWidth.of(scalar)
            guard w > 0 else { continue }
            let onFill = x - area.x < filledColumns
            let style = onFill ? filledStyle.togglingReverse() : emptyStyle
            buffer.put(String(scalar), x: x, y: y, maxWidth: area.maxX - x, style: style)
            x += w
        }
    }
}

extension Style {
    /// This style with reverse video switched on, or off if it was on:
    /// used to draw text over a bar drawn with full blocks in this style.
    public func togglingReverse() -> Style {
        var copy = self
        if copy.attributes.contains(.reverse) {
            copy.attributes.remove(.reverse)
        } else {
            copy.attributes.insert(.reverse)
        }
        return copy
    }
}
