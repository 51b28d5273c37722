/// One part of a `StackedBar`, e.g. the share of traffic a model version gets.
public struct BarSegment: Sendable, Hashable {
    public var label: String
    public var value: Double
    public var style: Style

    public init(label: String, value: Double, style: Style) {
        self.label = label
        self.value = value
        self.style = style
    }
}

/// A horizontal bar split into segments of proportional width.
///
/// Widths use largest-remainder rounding so they add up to the area's width
/// exactly, and every non-zero segment gets at least one cell when there are
/// enough cells. Segments are drawn with full blocks in their style; a label
/// such as `v3 90%` is drawn inside a segment when it fits (falling back to
/// the bare label). When the area is at least two rows high the second row is
/// a legend; legend entries that do not fit whole are left out.
public struct StackedBar: Sendable {
    public var segments: [BarSegment]
    public var showLabels: Bool
    public var emptyStyle: Style
    public var legendStyle: Style
    public var glyphs: GlyphSet

    public init(segments: [BarSegment], showLabels: Bool = true, emptyStyle: Style = .plain,
                legendStyle: Style = .plain, glyphs: GlyphSet = .unicode) {
        self.segments = segments
        self.showLabels = showLabels
        self.emptyStyle = emptyStyle
        self.legendStyle = legendStyle
        self.glyphs = glyphs
    }

    /// Negative and non-finite values count as zero.
    private var values: [Double] {
        segments.map { $0.value.isFinite ? Swift.max(0, $0.value) : 0 }
    }

    /// Each segment's share of the total in whole percent (all 0 when the
    /// total is 0).
    public var percentages: [Int] {
        let v = values
        let total = v.reduce(0, +)
        guard total > 0 else { return v.map { _ in 0 } }
        return v.map { Int(($0 / total * 100).rounded()) }
    }

    /// The width of each segment on a bar `width` cells wide.
    public func widths(total width: Int) -> [Int] {
        let v = values
        let sum = v.reduce(0, +)
        guard width > 0, sum > 0 else { return v.map { _ in 0 } }
        let exact = v.map { $0 / sum * Double(width) }
        var result = exact.map { Int($0.rounded(.down)) }
        var left = width - result.reduce(0, +)
        let order = exact.indices.sorted { a, b in
            let ra = exact[a] - Double(result[a]), rb = exact[b] - Double(result[b])
            return ra != rb ? ra > rb : a < b
        }
        for i in order where left > 0 && v[i] > 0 {
            result[i] += 1
            left -= 1
        }
        // Give every non-zero segment a cell, taken from the widest ones.
        let nonZero = v.filter { $0 > 0 }.count
        if nonZero <= width {
            for i in v.indices where v[i] > 0 && result[i] == 0 {
                guard let donor = result.indices.filter({ result[$0] > 1 }).max(by: { result[$0] < result[$1] || (result[$0] == result[$1] && $0 > $1) }) else { break }
                result[donor] -= 1
                result[i] = 1
            }
        }
        return result
    }

    /// The text shown for a segment: its label and percentage.
    private func labelText(_ index: Int) -> String {
        "\(segments[index].label) \(percentages[index])%"
    }

    public func render(into buffer: inout CellBuffer, area: Rect) {
        guard !area.isEmpty else { return }
        let bar = area.row(0)
        let full = glyphs.horizontalEighths.last ?? "#"
        buffer.fill(bar, style: emptyStyle)
        var x = bar.x
        for (i, width) in widths(total: bar.width).enumerated() where width > 0 {
            let style = segments[i].style
            for col in x..<(x + width) { buffer.set(full, x: col, y: bar.y, style: style) }
            if showLabels {
                let candidates = [labelText(i), segments[i].label]
                if let text = candidates.first(where: { !$0.isEmpty && CharacterWidth.of($0) <= width }) {
                    let start = x + (width - CharacterWidth.of(text)) / 2
                    buffer.put(text, x: start, y: bar.y, maxWidth: width, style: style.togglingReverse())
                }
            }
            x += width
        }
        if area.height >= 2 { renderLegend(into: &buffer, row: area.row(1)) }
    }

    private func renderLegend(into buffer: inout CellBuffer, row: Rect) {
        buffer.fill(row, style: legendStyle)
        let swatch = glyphs.horizontalEighths.last ?? "#"
        var x = row.x
        for i in segments.indices {
            let text = labelText(i)
            let needed = (x == row.x ? 0 : 2) + 2 + CharacterWidth.of(text)
            guard x + needed <= row.maxX else { break }
            if x != row.x { x += 2 }
            buffer.set(swatch, x: x, y: row.y, style: segments[i].style)
            x += 2
            x += buffer.put(text, x: x, y: row.y, maxWidth: row.maxX - x, style: legendStyle)
        }
    }
}
