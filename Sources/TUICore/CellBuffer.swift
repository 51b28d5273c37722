/// A grid of cells that widgets draw into and the terminal renders.
///
/// Drawing is clipped to the buffer: writes outside are ignored. Untrusted
/// text must go through `TextSanitizer` first; as a last defence `put`
/// replaces any control character that still reaches it with U+FFFD.
public struct CellBuffer: Equatable, Sendable {
    public private(set) var width: Int
    public private(set) var height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int, fill: Cell = .blank) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.cells = Array(repeating: fill, count: self.width * self.height)
    }

    /// The whole buffer as a rectangle at the origin.
    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    public subscript(x: Int, y: Int) -> Cell {
        get {
            guard x >= 0, y >= 0, x < width, y < height else { return .blank }
            return cells[y * width + x]
        }
        set {
            guard x >= 0, y >= 0, x < width, y < height else { return }
            cells[y * width + x] = newValue
        }
    }

    /// Resets every cell to `fill`, keeping the size.
    public mutating func clear(_ fill: Cell = .blank) {
        cells.withUnsafeMutableBufferPointer { $0.update(repeating: fill) }
    }

    /// Changes the size; the content is cleared.
    public mutating func resize(width: Int, height: Int, fill: Cell = .blank) {
        self = CellBuffer(width: width, height: height, fill: fill)
    }

    /// Fills `rect` (clipped) with `cell`.
    public mutating func fill(_ rect: Rect, with cell: Cell) {
        let r = rect.intersection(bounds)
        guard !r.isEmpty else { return }
        for row in r.y..<r.maxY {
            let base = row * width
            for col in r.x..<r.maxX { cells[base + col] = cell }
        }
    }

    /// Fills `rect` with spaces in `style`.
    public mutating func fill(_ rect: Rect, style: Style) {
        fill(rect, with: Cell(" ", style: style))
    }

    /// Applies `transform` to the style of every cell in `rect` (clipped).
    public mutating func restyle(_ rect: Rect, _ transform: (Style) -> Style) {
        let r = rect.intersection(bounds)
        guard !r.isEmpty else { return }
        for row in r.y..<r.maxY {
            let base = row * width
            for col in r.x..<r.maxX { cells[base + col].style = transform(cells[base + col].style) }
        }
    }

    /// Sets one cell to `scalar` (width 1 or 2) at (x, y).
    public mutating func set(_ scalar: Unicode.Scalar, x: Int, y: Int, style: Style) {
        _ = put(scalar, x: x, y: y, maxX: width, template: Cell(" ", style: style))
    }

    /// Writes `text` starting at (x, y) on one line, stopping before column
    /// `x + maxWidth` (or the buffer's edge). A wide character that would not
    /// fit entirely is replaced by a space. Returns the number of columns used.
    @discardableResult
    public mutating func put(_ text: some StringProtocol, x: Int, y: Int, maxWidth: Int? = nil, style: Style) -> Int {
        guard y >= 0, y < height else { return 0 }
        let limit = min(width, maxWidth.map { x + max(0, $0) } ?? width)
        // The style is packed once; each character only changes the scalar.
        let template = Cell(" ", style: style)
        var col = x
        for scalar in text.unicodeScalars {
            if col >= limit { break }
            col += put(scalar, x: col, y: y, maxX: limit, template: template)
        }
        return max(0, col - x)
    }

    /// Writes `text` into `rect`'s first row, truncating with `ellipsis`
    /// when it does not fit. Returns the columns used.
    @discardableResult
    public mutating func put(_ text: String, in rect: Rect, style: Style, ellipsis: String = "…") -> Int {
        guard !rect.isEmpty else { return 0 }
        let fitted = TextLayout.truncate(text, to: rect.width, ellipsis: ellipsis)
        return put(fitted, x: rect.x, y: rect.y, maxWidth: rect.width, style: style)
    }

    private mutating func put(_ scalar: Unicode.Scalar, x: Int, y: Int, maxX: Int, template: Cell) -> Int {
        // Printable ASCII over a narrow cell: store directly.
        if scalar.value >= 0x20 && scalar.value < 0x7F && x >= 0 && x < maxX && y >= 0 && y < height && x < width {
            let i = y * width + x
            if cells[i].width == 1 {
                var cell = template
                cell.scalar = scalar
                cells[i] = cell
                return 1
            }
        }
        var scalar = scalar
        var w = CharacterWidth.of(scalar)
        if w == 0 {
            if scalar.value < 0x20 || (scalar.value >= 0x7F && scalar.value < 0xA0) {
                scalar = "\u{FFFD}"
                w = 1
            } else {
                return 0 // combining mark or zero-width: dropped
            }
        }
        guard x >= 0 else { return w }
        if w == 2 && x + 1 >= maxX {
            if x < maxX { place(template, x: x, y: y) }
            return 1
        }
        var cell = template
        cell.scalar = scalar
        cell.width = UInt8(w)
        place(cell, x: x, y: y)
        if w == 2 {
            var continuation = template
            continuation.width = 0
            place(continuation, x: x + 1, y: y)
        }
        return w
    }

    /// Stores a cell, repairing any wide character it splits.
    private mutating func place(_ cell: Cell, x: Int, y: Int) {
        guard x >= 0, x < width, y >= 0, y < height else { return }
        let i = y * width + x
        let old = cells[i]
        if old.width == 2, x + 1 < width, cell.width != 2 {
            cells[i + 1] = Cell(" ", style: cells[i + 1].style)
        } else if old.width == 0, x > 0, !cell.isContinuation {
            // A continuation written here belongs to the wide character just
            // placed on its left, so only other cells orphan the old lead.
            cells[i - 1] = Cell(" ", style: cells[i - 1].style)
        }
        cells[i] = cell
    }

    /// Copies `other` into this buffer with its top-left at (x, y), clipped.
    public mutating func blit(_ other: CellBuffer, x: Int, y: Int) {
        for row in 0..<other.height {
            for col in 0..<other.width {
                self[x + col, y + row] = other[col, row]
            }
        }
    }

    /// The text of row `y` (continuation cells skipped), for tests and logs.
    public func text(ofRow y: Int) -> String {
        guard y >= 0, y < height else { return "" }
        var s = String.UnicodeScalarView()
        for x in 0..<width {
            let c = cells[y * width + x]
            if !c.isContinuation { s.append(c.scalar) }
        }
        return String(s)
    }

    /// The whole grid as lines of text.
    public var lines: [String] { (0..<height).map { text(ofRow: $0) } }
}
