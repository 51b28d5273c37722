/// Maps data values on one axis to discrete plot positions (braille dots or
/// cells) and from positions to cells.
///
/// `lower` maps to position 0 and `upper` to `positions - 1`; with
/// `inverted` (a y axis, whose rows grow downwards) it is the other way round.
/// Several positions share one cell when `positionsPerCell > 1` (2 dot
/// columns or 4 dot rows per braille cell).
struct ChartAxisMapping: Sendable {
    let lower: Double
    let upper: Double
    let positions: Int
    let positionsPerCell: Int
    let inverted: Bool

    /// Fractional position of `value` (may lie outside `0..<positions`).
    func position(_ value: Double) -> Double {
        let span = upper - lower
        guard span > 0, positions > 1 else { return Double(max(0, positions - 1)) / 2 }
        let fraction = (value - lower) / span
        return (inverted ? 1 - fraction : fraction) * Double(positions - 1)
    }

    /// The cell holding `value`, or nil when it falls outside the plot.
    func cell(_ value: Double) -> Int? {
        guard value.isFinite else { return nil }
        let p = position(value).rounded()
        guard p >= 0, p < Double(positions) else { return nil }
        return Int(p) / positionsPerCell
    }

    /// The data value at fractional position `position` (inverse of `position(_:)`).
    func value(atPosition position: Double) -> Double {
        guard positions > 1 else { return (lower + upper) / 2 }
        let fraction = position / Double(positions - 1)
        return lower + (inverted ? 1 - fraction : fraction) * (upper - lower)
    }
}
