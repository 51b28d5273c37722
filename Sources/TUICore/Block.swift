/// A bordered box with an optional title on the left and another on the
/// right of its top border. Other widgets draw into the inner rectangle it
/// returns.
public struct Block: Sendable {
    public var title: String?
    public var titleRight: String?
    public var borderStyle: Style
    public var titleStyle: Style
    /// When set, the whole area is cleared to spaces in this style first.
    public var fillStyle: Style?
    public var glyphs: GlyphSet

    public init(title: String? = nil, titleRight: String? = nil, borderStyle: Style = .plain,
                titleStyle: Style = Style().bold(), fillStyle: Style? = nil, glyphs: GlyphSet = .unicode) {
        self.title = title
        self.titleRight = titleRight
        self.borderStyle = borderStyle
        self.titleStyle = titleStyle
        self.fillStyle = fillStyle
        self.glyphs = glyphs
    }

    /// The space inside the border of a block drawn over `area`.
    public static func inner(of area: Rect) -> Rect { area.inset(by: 1) }

    /// Draws the border and titles; returns the inner rectangle.
    ///
    /// Titles are drawn as ` Title ` between the corners; the left title is
    /// truncated with the glyph set's ellipsis, and the right title is shown
    /// only when it fits whole next to at least a short left title.
    @discardableResult
    public func render(into buffer: inout CellBuffer, area: Rect) -> Rect {
        guard !area.isEmpty else { return .zero }
        if let fillStyle { buffer.fill(area, style: fillStyle) }
        drawBorder(into: &buffer, area: area)
        drawTitles(into: &buffer, area: area)
        return Block.inner(of: area)
    }

    private func drawBorder(into buffer: inout CellBuffer, area: Rect) {
        let s = borderStyle
        for x in area.x..<area.maxX {
            buffer.set(glyphs.horizontal, x: x, y: area.y, style: s)
            if area.height > 1 { buffer.set(glyphs.horizontal, x: x, y: area.maxY - 1, style: s) }
        }
        if area.height > 2 {
            for y in (area.y + 1)..<(area.maxY - 1) {
                buffer.set(glyphs.vertical, x: area.x, y: y, style: s)
                if area.width > 1 { buffer.set(glyphs.vertical, x: area.maxX - 1, y: y, style: s) }
            }
        }
        guard area.width > 1 else { return }
        buffer.set(glyphs.topLeft, x: area.x, y: area.y, style: s)
        buffer.set(glyphs.topRight, x: area.maxX - 1, y: area.y, style: s)
        if area.height > 1 {
            buffer.set(glyphs.bottomLeft, x: area.x, y: area.maxY - 1, style: s)
            buffer.set(glyphs.bottomRight, x: area.maxX - 1, y: area.maxY - 1, style: s)
        }
    }

    private func drawTitles(into buffer: inout CellBuffer, area: Rect) {
        // Columns between the corners.
        let available = area.width - 2
        var leftLimit = available
        if let titleRight, !titleRight.isEmpty {
            let text = " " + titleRight + " "
            let width = CharacterWidth.of(text)
            let leftNeeds = (title?.isEmpty ?? true) ? 0 : Swift.min(CharacterWidth.of(title!) + 2, 5) + 1
            if width + leftNeeds <= available {
                buffer.put(text, x: area.maxX - 1 - width, y: area.y, maxWidth: width, style: titleStyle)
                leftLimit = available - width - 1
            }
        }
        if let title, !title.isEmpty, leftLimit >= 3 {
            let text = " " + TextLayout.truncate(title, to: leftLimit - 2, ellipsis: glyphs.ellipsis) + " "
            buffer.put(text, x: area.x + 1, y: area.y, maxWidth: leftLimit, style: titleStyle)
        }
    }
}
