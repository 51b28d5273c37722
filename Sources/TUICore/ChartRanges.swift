/// Picks the data ranges a chart shows when the caller gives none.
enum ChartRanges {
    /// The span of `values` (non-finite ignored); a degenerate span is widened
    /// by half a unit each side; `nil` when there is no finite value.
    static func span(of values: [Double]) -> ClosedRange<Double>? {
        var low = Double.infinity, high = -Double.infinity
        for v in values where v.isFinite {
            low = min(low, v)
            high = max(high, v)
        }
        guard low <= high else { return nil }
        return low == high ? (low - 0.5)...(high + 0.5) : low...high
    }

    /// `range` grown by `fraction` of its length on both sides (at least a
    /// little when the range is a single value).
    static func padded(_ range: ClosedRange<Double>, fraction: Double) -> ClosedRange<Double> {
        let length = range.upperBound - range.lowerBound
        let pad = length > 0 ? length * fraction : max(abs(range.lowerBound) * 0.1, 0.5)
        return (range.lowerBound - pad)...(range.upperBound + pad)
    }

    /// `range` itself unless it is empty (lower == upper) or not finite.
    static func usable(_ range: ClosedRange<Double>?) -> ClosedRange<Double>? {
        guard let range, range.lowerBound.isFinite, range.upperBound.isFinite else { return nil }
        return range.lowerBound == range.upperBound ? padded(range, fraction: 0) : range
    }
}
