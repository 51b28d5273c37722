import TUICore

/// One line of a panel built from styled spans, with an optional
/// right-aligned part and a row highlight (the current plan step, the
/// selected bandit arm).
struct PanelLine {
    var spans: [(text: String, style: Style)]
    var right: (text: String, style: Style)?
    var highlight: Style?

    init(_ text: String, _ style: Style, right: (text: String, style: Style)? = nil, highlight: Style? = nil) {
        self.spans = [(text, style)]
        self.right = right
        self.highlight = highlight
    }

    init(spans: [(text: String, style: Style)], right: (text: String, style: Style)? = nil, highlight: Style? = nil) {
        self.spans = spans
        self.right = right
        self.highlight = highlight
    }

    /// Draws the line on `row`: spans from the left, the right part
    /// right-aligned (given room first), all truncated with the ellipsis.
    func render(into buffer: inout CellBuffer, row: Rect, glyphs: GlyphSet) {
        guard !row.isEmpty else { return }
        if let highlight { buffer.fill(row, style: highlight) }
        var limit = row.maxX
        if let right, !right.text.isEmpty {
            let width = min(CharacterWidth.of(right.text), max(0, row.width - 8))
            if width > 0 {
                let x = row.maxX - width
                buffer.put(right.text, in: Rect(x: x, y: row.y, width: width, height: 1), style: style(right.style), ellipsis: glyphs.ellipsis)
                limit = x - 1
            }
        }
        var x = row.x
        for span in spans where x < limit {
            let width = limit - x
            let text = TextLayout.truncate(span.text, to: width, ellipsis: glyphs.ellipsis)
            x += buffer.put(text, x: x, y: row.y, maxWidth: width, style: style(span.style))
        }
    }

    /// A highlighted line keeps the highlight's background and attributes.
    private func style(_ base: Style) -> Style {
        guard let highlight else { return base }
        var merged = highlight
        if base.fg != .default && highlight.bg == .default && !highlight.attributes.contains(.reverse) { merged.fg = base.fg }
        merged.attributes.formUnion(base.attributes.subtracting(.reverse))
        return merged
    }

    /// Draws `lines` from the top of `area`, starting at `first`.
    static func render(_ lines: [PanelLine], from first: Int = 0, into buffer: inout CellBuffer, area: Rect, glyphs: GlyphSet) {
        for (row, line) in lines.dropFirst(first).prefix(max(0, area.height)).enumerated() {
            line.render(into: &buffer, row: area.row(row), glyphs: glyphs)
        }
    }
}
