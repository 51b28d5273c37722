/// A grid of braille dots: each cell holds 2x4 dots and renders as one
/// braille pattern (U+2800 plus the dot bits). Dot (0,0) is the top-left dot
/// of the top-left cell; x grows right, y grows down.
///
/// Every dot is set with a tag (e.g. a series index); a cell remembers the tag
/// of the last dot set in it, so a caller can style the cell by "last writer
/// wins". Dots outside the canvas are ignored.
public struct BrailleCanvas: Sendable, Equatable {
    /// Size in cells.
    public let width: Int
    public let height: Int
    private var bits: [UInt8]
    private var tags: [Int]

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        bits = Array(repeating: 0, count: self.width * self.height)
        tags = Array(repeating: -1, count: self.width * self.height)
    }

    /// Size in dots.
    public var dotWidth: Int { width * 2 }
    public var dotHeight: Int { height * 4 }

    /// The bit of the dot at column `dx` (0-1), row `dy` (0-3) of a cell.
    public static func bit(dx: Int, dy: Int) -> UInt8 {
        switch (dx, dy) {
        case (0, 0): return 0x01
        case (0, 1): return 0x02
        case (0, 2): return 0x04
        case (1, 0): return 0x08
        case (1, 1): return 0x10
        case (1, 2): return 0x20
        case (0, 3): return 0x40
        case (1, 3): return 0x80
        default: return 0
        }
    }

    /// Sets the dot at (x, y) and marks its cell with `tag`.
    public mutating func set(x: Int, y: Int, tag: Int = 0) {
        guard x >= 0, y >= 0, x < dotWidth, y < dotHeight else { return }
        let index = (y / 4) * width + x / 2
        bits[index] |= Self.bit(dx: x % 2, dy: y % 4)
        tags[index] = tag
    }

    /// Draws a straight line of dots between two dot positions (Bresenham),
    /// both ends included. The segment is clipped to the canvas first, so far
    /// away end points cost nothing.
    public mutating func line(from start: (x: Double, y: Double), to end: (x: Double, y: Double), tag: Int = 0) {
        guard let clipped = clip(start, end) else { return }
        var x0 = Int(clipped.0.x.rounded()), y0 = Int(clipped.0.y.rounded())
        let x1 = Int(clipped.1.x.rounded()), y1 = Int(clipped.1.y.rounded())
        let dx = abs(x1 - x0), dy = -abs(y1 - y0)
        let sx = x0 < x1 ? 1 : -1, sy = y0 < y1 ? 1 : -1
        var error = dx + dy
        while true {
            set(x: x0, y: y0, tag: tag)
            if x0 == x1 && y0 == y1 { break }
            let doubled = 2 * error
            if doubled >= dy { error += dy; x0 += sx }
            if doubled <= dx { error += dx; y0 += sy }
        }
    }

    /// The braille pattern of cell (column, row), or nil when it has no dots.
    public func scalar(column: Int, row: Int) -> Unicode.Scalar? {
        guard column >= 0, row >= 0, column < width, row < height else { return nil }
        let value = bits[row * width + column]
        guard value != 0 else { return nil }
        return Unicode.Scalar(0x2800 + UInt32(value))
    }

    /// The tag of the last dot set in cell (column, row), or nil when empty.
    public func tag(column: Int, row: Int) -> Int? {
        guard column >= 0, row >= 0, column < width, row < height else { return nil }
        let index = row * width + column
        return bits[index] == 0 ? nil : tags[index]
    }

    /// Liang-Barsky clipping of a segment to the dot area (half a dot of slack
    /// so rounding keeps edge dots); nil when it misses the canvas.
    private func clip(_ a: (x: Double, y: Double), _ b: (x: Double, y: Double)) -> ((x: Double, y: Double), (x: Double, y: Double))? {
        guard a.x.isFinite, a.y.isFinite, b.x.isFinite, b.y.isFinite, width > 0, height > 0 else { return nil }
        let minX = -0.4999, maxX = Double(dotWidth) - 0.5001
        let minY = -0.4999, maxY = Double(dotHeight) - 0.5001
        let dx = b.x - a.x, dy = b.y - a.y
        var t0 = 0.0, t1 = 1.0
        for (p, q) in [(-dx, a.x - minX), (dx, maxX - a.x), (-dy, a.y - minY), (dy, maxY - a.y)] {
            if p == 0 {
                if q < 0 { return nil }
            } else {
                let t = q / p
                if p < 0 { t0 = max(t0, t) } else { t1 = min(t1, t) }
                if t0 > t1 { return nil }
            }
        }
        return ((a.x + t0 * dx, a.y + t0 * dy), (a.x + t1 * dx, a.y + t1 * dy))
    }
}
