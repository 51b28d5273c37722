/// A grid that records which directions lines leave each cell in, so that
/// crossing, merging and splitting lines become proper box-drawing junctions
/// (`├ ┬ ┼ ...`) when the canvas is drawn.
///
/// The canvas covers a window `(originX, originY, width, height)` of a larger
/// drawing; segments are given in drawing coordinates and clipped.
public struct LineCanvas: Sendable, Equatable {
    /// Directions a line leaves a cell in.
    public struct Directions: OptionSet, Sendable, Hashable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }
        public static let up = Directions(rawValue: 1 << 0)
        public static let down = Directions(rawValue: 1 << 1)
        public static let left = Directions(rawValue: 1 << 2)
        public static let right = Directions(rawValue: 1 << 3)
    }

    public let originX: Int
    public let originY: Int
    public let width: Int
    public let height: Int
    private var bits: [UInt8]

    /// An empty canvas covering `width` x `height` cells starting at the
    /// drawing coordinate (`originX`, `originY`).
    public init(originX: Int = 0, originY: Int = 0, width: Int, height: Int) {
        self.originX = originX
        self.originY = originY
        self.width = max(0, width)
        self.height = max(0, height)
        self.bits = Array(repeating: 0, count: self.width * self.height)
    }

    /// The directions recorded at a drawing coordinate (empty outside).
    public func directions(x: Int, y: Int) -> Directions {
        let cx = x - originX, cy = y - originY
        guard cx >= 0, cy >= 0, cx < width, cy < height else { return [] }
        return Directions(rawValue: bits[cy * width + cx])
    }

    /// Adds `directions` to the cell at a drawing coordinate (ignored outside).
    public mutating func add(_ directions: Directions, x: Int, y: Int) {
        let cx = x - originX, cy = y - originY
        guard cx >= 0, cy >= 0, cx < width, cy < height else { return }
        bits[cy * width + cx] |= directions.rawValue
    }

    /// A horizontal line on row `y` between columns `x0` and `x1` (either order).
    public mutating func addHorizontal(y: Int, from x0: Int, to x1: Int) {
        let a = min(x0, x1), b = max(x0, x1)
        guard a < b, y >= originY, y < originY + height else { return }
        let lo = max(a, originX - 1), hi = min(b, originX + width)
        guard lo <= hi else { return }
        for x in lo...hi {
            var d: Directions = []
            if x > a { d.insert(.left) }
            if x < b { d.insert(.right) }
            add(d, x: x, y: y)
        }
    }

    /// A vertical line in column `x` between rows `y0` and `y1` (either order).
    public mutating func addVertical(x: Int, from y0: Int, to y1: Int) {
        let a = min(y0, y1), b = max(y0, y1)
        guard a < b, x >= originX, x < originX + width else { return }
        let lo = max(a, originY - 1), hi = min(b, originY + height)
        guard lo <= hi else { return }
        for y in lo...hi {
            var d: Directions = []
            if y > a { d.insert(.up) }
            if y < b { d.insert(.down) }
            add(d, x: x, y: y)
        }
    }

    /// The box-drawing glyph for a set of directions (`nil` for none).
    public static func glyph(for directions: Directions, glyphs: GlyphSet) -> Unicode.Scalar? {
        let vertical = directions.intersection([.up, .down])
        let horizontal = directions.intersection([.left, .right])
        if directions.isEmpty { return nil }
        if vertical.isEmpty { return glyphs.horizontal }
        if horizontal.isEmpty { return glyphs.vertical }
        switch (directions.contains(.up), directions.contains(.down), directions.contains(.left), directions.contains(.right)) {
        case (false, true, false, true): return glyphs.topLeft
        case (false, true, true, false): return glyphs.topRight
        case (true, false, false, true): return glyphs.bottomLeft
        case (true, false, true, false): return glyphs.bottomRight
        case (true, true, false, true): return glyphs.teeRight
        case (true, true, true, false): return glyphs.teeLeft
        case (false, true, true, true): return glyphs.teeDown
        case (true, false, true, true): return glyphs.teeUp
        default: return glyphs.cross
        }
    }

    /// Draws every non-empty cell into `buffer`, with the canvas origin
    /// placed at the buffer position (`x`, `y`), clipped to `clip`.
    public func draw(into buffer: inout CellBuffer, x: Int, y: Int, clip: Rect, style: Style, glyphs: GlyphSet) {
        var table: [Unicode.Scalar?] = []
        for bits in 0..<16 { table.append(LineCanvas.glyph(for: Directions(rawValue: UInt8(bits)), glyphs: glyphs)) }
        let visible = clip.intersection(Rect(x: x, y: y, width: width, height: height))
        guard !visible.isEmpty else { return }
        for by in visible.y..<visible.maxY {
            let rowBase = (by - y) * width - x
            for bx in visible.x..<visible.maxX {
                if let g = table[Int(bits[rowBase + bx])] {
                    buffer[bx, by] = Cell(g, style: style)
                }
            }
        }
    }
}
