/// A key and what it does, shown in a `KeyHintBar`.
public struct KeyHint: Sendable, Hashable {
    public var key: String
    public var label: String

    public init(key: String, label: String) {
        self.key = key
        self.label = label
    }
}

/// One row of key hints, ` q Quit  ? Help ...`. Hints that do not fit whole
/// are dropped from the end (never cut in half); when some were dropped and
/// there is room, the glyph set's ellipsis marks it.
public struct KeyHintBar: Sendable {
    public var hints: [KeyHint]
    public var keyStyle: Style
    public var labelStyle: Style
    public var separator: String
    public var glyphs: GlyphSet

    public init(hints: [KeyHint], keyStyle: Style = Style().reversed(), labelStyle: Style = .plain,
                separator: String = "  ", glyphs: GlyphSet = .unicode) {
        self.hints = hints
        self.keyStyle = keyStyle
        self.labelStyle = labelStyle
        self.separator = separator
        self.glyphs = glyphs
    }

    /// How many hints, from the start, fit whole on a row `width` columns wide.
    public func fittingCount(width: Int) -> Int {
        var used = 1 // leading space
        var count = 0
        for hint in hints {
            let w = (count == 0 ? 0 : CharacterWidth.of(separator)) + hintWidth(hint)
            if used + w > width { break }
            used += w
            count += 1
        }
        return count
    }

    private func hintWidth(_ hint: KeyHint) -> Int {
        CharacterWidth.of(hint.key) + (hint.label.isEmpty ? 0 : 1 + CharacterWidth.of(hint.label))
    }

    public func render(into buffer: inout CellBuffer, area: Rect) {
        guard !area.isEmpty else { return }
        let row = area.row(0)
        buffer.fill(row, style: labelStyle)
        let count = fittingCount(width: row.width)
        var x = row.x + 1
        for (i, hint) in hints.prefix(count).enumerated() {
            if i > 0 { x += buffer.put(separator, x: x, y: row.y, maxWidth: row.maxX - x, style: labelStyle) }
            x += buffer.put(hint.key, x: x, y: row.y, maxWidth: row.maxX - x, style: keyStyle)
            if !hint.label.isEmpty {
                x += buffer.put(" " + hint.label, x: x, y: row.y, maxWidth: row.maxX - x, style: labelStyle)
            }
        }
        if count < hints.count {
            let mark = (count > 0 ? " " : "") + glyphs.ellipsis
            if x + CharacterWidth.of(mark) <= row.maxX {
                buffer.put(mark, x: x, y: row.y, maxWidth: row.maxX - x, style: labelStyle)
            }
        }
    }
}
