/// A one-column vertical scroll bar: a track with a thumb whose size and
/// position show which part of a longer list is visible.
public struct ScrollBar: Sendable {
    public var total: Int
    public var visible: Int
    public var offset: Int
    public var trackStyle: Style
    public var thumbStyle: Style
    public var glyphs: GlyphSet

    public init(total: Int, visible: Int, offset: Int, trackStyle: Style = Style().dim(),
                thumbStyle: Style = .plain, glyphs: GlyphSet = .unicode) {
        self.total = total
        self.visible = visible
        self.offset = offset
        self.trackStyle = trackStyle
        self.thumbStyle = thumbStyle
        self.glyphs = glyphs
    }

    /// Whether there is anything to scroll.
    public var isNeeded: Bool { total > visible && visible > 0 }

    /// The first row and the height of the thumb on a track `height` rows long.
    public func thumb(height: Int) -> (start: Int, length: Int) {
        guard isNeeded, height > 0 else { return (0, Swift.max(0, height)) }
        let length = Swift.min(height, Swift.max(1, (visible * height + total / 2) / total))
        let maxOffset = total - visible
        let clamped = Swift.min(Swift.max(0, offset), maxOffset)
        let travel = height - length
        let start = (clamped * travel + maxOffset / 2) / maxOffset
        return (start, length)
    }

    /// Draws the bar in the first column of `area` when there is something to
    /// scroll; draws nothing otherwise.
    public func render(into buffer: inout CellBuffer, area: Rect) {
        guard isNeeded, !area.isEmpty else { return }
        let (start, length) = thumb(height: area.height)
        let full = glyphs.horizontalEighths.last ?? "#"
        for row in 0..<area.height {
            let inThumb = row >= start && row < start + length
            buffer.set(inThumb ? full : glyphs.vertical, x: area.x, y: area.y + row,
                       style: inThumb ? thumbStyle : trackStyle)
        }
    }
}
