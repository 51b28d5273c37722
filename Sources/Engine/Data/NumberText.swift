/// Number formatting for messages and summaries, platform-independent
/// (Swift's own shortest round-trip text, not `String(format:)`).
enum NumberText {
    /// At most `decimals` decimals, no trailing zeros: `50`, `0.02`, `-3.5`.
    static func format(_ value: Double, decimals: Int = 4) -> String {
        guard value.isFinite else { return value.isNaN ? "nan" : (value > 0 ? "inf" : "-inf") }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let rounded = (value * scale).rounded() / scale
        if rounded == rounded.rounded(), abs(rounded) < 1e15 { return String(Int64(rounded)) }
        return String(rounded)
    }

    /// A share as a percentage with at most two decimals: `7.2%`, `5%`.
    static func percent(_ share: Double) -> String {
        format(share * 100, decimals: 2) + "%"
    }
}
