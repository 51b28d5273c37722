/// A compact trend of recent values drawn with vertical level glyphs.
///
/// The last `area.width` values are shown, right-aligned, oldest on the left.
/// With height 1 each value is one level glyph (`▁`...`█`); with a taller area
/// the levels stack, full cells below a partial one on top. Non-finite values
/// (NaN, ±infinity) leave their column blank. When the range is degenerate
/// (all values equal and no explicit bounds, or `maxValue <= minValue`), every
/// finite value is drawn as a flat line at half height. Every finite value
/// gets at least the lowest level so it stays distinguishable from a gap.
/// Cells the sparkline does not draw are left untouched.
public struct Sparkline: Sendable {
    public var values: [Double]
    /// Top of the scale; `nil` uses the largest visible value.
    public var maxValue: Double?
    /// Bottom of the scale; `nil` uses the smallest visible value.
    public var minValue: Double?
    public var style: Style
    public var glyphs: GlyphSet

    public init(values: [Double], maxValue: Double? = nil, minValue: Double? = 0, style: Style = .plain, glyphs: GlyphSet = .unicode) {
        self.values = values
        self.maxValue = maxValue
        self.minValue = minValue
        self.style = style
        self.glyphs = glyphs
    }

    /// Draws the sparkline into `area` of `buffer`.
    public func render(into buffer: inout CellBuffer, area: Rect) {
        let levels = glyphs.verticalLevels
        let stepsPerRow = levels.count - 1
        guard !area.isEmpty, stepsPerRow >= 1 else { return }
        let visible = Array(values.suffix(area.width))
        let finite = visible.filter { $0.isFinite }
        guard let dataMin = finite.min(), let dataMax = finite.max() else { return }
        let low = minValue.flatMap { $0.isFinite ? $0 : nil } ?? dataMin
        let high = maxValue.flatMap { $0.isFinite ? $0 : nil } ?? dataMax
        let totalSteps = stepsPerRow * area.height
        let startX = area.maxX - visible.count
        for (offset, value) in visible.enumerated() where value.isFinite {
            let steps: Int
            if high > low {
                let fraction = min(1, max(0, (value - low) / (high - low)))
                steps = 1 + Int((fraction * Double(totalSteps - 1)).rounded())
            } else {
                steps = max(1, totalSteps / 2)
            }
            for rowFromBottom in 0..<area.height {
                let level = min(stepsPerRow, steps - rowFromBottom * stepsPerRow)
                if level <= 0 { break }
                buffer.set(levels[level], x: startX + offset, y: area.maxY - 1 - rowFromBottom, style: style)
            }
        }
    }
}
