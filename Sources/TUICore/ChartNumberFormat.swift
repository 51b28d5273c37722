/// Short number labels for chart axes: at most a few significant digits,
/// with `k`, `M`, `G`, `T` suffixes for large magnitudes and no trailing
/// zeros (`0`, `0.25`, `12.5`, `1.5k`, `-3.2M`).
public enum ChartNumberFormat: Sendable {
    /// `value` as a compact axis label. Non-finite values give `nan`, `inf`
    /// or `-inf`.
    public static func compact(_ value: Double) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        var magnitude = abs(value)
        var suffix = ""
        for (limit, name) in [(1e12, "T"), (1e9, "G"), (1e6, "M"), (1e3, "k")] where magnitude >= limit {
            magnitude /= limit
            suffix = name
            break
        }
        let digits = decimals(for: magnitude)
        var scale: Double = 1
        for _ in 0..<digits { scale *= 10 }
        let scaled = (magnitude * scale).rounded()
        guard scaled < 9e15 else { return (value < 0 ? "-" : "") + "\(magnitude)" + suffix }
        let units = Int64(scaled)
        let divisor = Int64(scale)
        let whole = units / divisor
        var fraction = ""
        if digits > 0 {
            let remainder = String(units % divisor)
            fraction = String(repeating: "0", count: digits - remainder.count) + remainder
            while fraction.hasSuffix("0") { fraction.removeLast() }
        }
        let sign = value < 0 && units != 0 ? "-" : ""
        return sign + String(whole) + (fraction.isEmpty ? "" : "." + fraction) + suffix
    }

    /// Decimal places that keep about two or three significant digits.
    private static func decimals(for magnitude: Double) -> Int {
        if magnitude == 0 || magnitude >= 100 { return 0 }
        if magnitude >= 10 { return 1 }
        if magnitude >= 1 { return 2 }
        var zeros = 0
        var m = magnitude * 10
        while m < 1 && zeros < 6 {
            m *= 10
            zeros += 1
        }
        return zeros + 2
    }
}
