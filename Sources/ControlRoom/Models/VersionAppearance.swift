import Engine
import TUICore

/// How version states, metrics and deltas look on the Models screen: a
/// glyph per state (Unicode and ASCII) and a palette style, so states stay
/// distinguishable without colour.
enum VersionAppearance {
    static func glyph(_ state: VersionState, _ glyphs: GlyphSet) -> Unicode.Scalar {
        let unicode = glyphs.hasBraille
        switch state {
        case .registered: return unicode ? "○" : "."
        case .candidate: return unicode ? "◆" : "?"
        case .approved: return glyphs.check
        case .production: return unicode ? "★" : "*"
        case .rejected: return glyphs.crossMark
        case .archived: return unicode ? "▪" : "#"
        case .decommissioned: return unicode ? "⊘" : "-"
        }
    }

    static func style(_ state: VersionState, _ p: Palette) -> Style {
        switch state {
        case .registered, .archived, .decommissioned: return p.muted
        case .candidate: return p.warn
        case .approved: return p.ok
        case .production: return p.accent.bold()
        case .rejected: return p.critical
        }
    }

    /// The pending-approval marker: `▲` (ASCII `^`).
    static func pendingMark(_ glyphs: GlyphSet) -> String { glyphs.hasBraille ? "▲" : "^" }

    /// Metrics where a smaller value is better (`log_loss`, `calibration_error`, `latency`).
    static func lowerIsBetter(_ metric: String) -> Bool {
        let name = metric.lowercased()
        return name.contains("loss") || name.contains("error") || name.contains("latency") || name.hasSuffix("_ms")
    }

    /// A metric value with 4 decimals (`0.9123`), `-` when missing.
    static func value(_ value: Double?) -> String {
        guard let value else { return "-" }
        guard value.isFinite else { return String(value) }
        return fixed(value, decimals: 4)
    }

    /// A signed delta (`+0.0120`, `-0.0031`, `0`), empty when one side is missing.
    static func delta(_ delta: Double?) -> String {
        guard let delta, delta.isFinite else { return "" }
        if delta == 0 { return "0" }
        return (delta > 0 ? "+" : "-") + fixed(abs(delta), decimals: 4)
    }

    /// Whether a delta is an improvement (true), a regression (false) or neither (nil).
    static func improves(_ metric: String, delta: Double?) -> Bool? {
        guard let delta, delta.isFinite, delta != 0 else { return nil }
        return lowerIsBetter(metric) ? delta < 0 : delta > 0
    }

    /// Fixed-point text without Foundation (deterministic on every platform).
    static func fixed(_ value: Double, decimals: Int) -> String {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        guard scaled < 9e15 else { return String(value) }
        let integer = Int64(scaled)
        let whole = integer / Int64(scale)
        var fraction = String(integer % Int64(scale))
        fraction = String(repeating: "0", count: max(0, decimals - fraction.count)) + fraction
        let sign = value < 0 && integer != 0 ? "-" : ""
        return decimals > 0 ? "\(sign)\(whole).\(fraction)" : "\(sign)\(whole)"
    }

    /// `abc1234 20k`: the dataset's short hash and rows.
    static func dataset(_ lineage: Lineage) -> String {
        let hash = lineage.datasetHash.map { TextSanitizer.clean(String($0.prefix(7))) } ?? "-"
        guard let rows = lineage.datasetRows else { return hash }
        return "\(hash) \(compactCount(rows))"
    }

    /// `950`, `20k`, `1.2M`.
    static func compactCount(_ count: Int) -> String {
        if count < 1000 { return String(count) }
        if count < 1_000_000 {
            return count % 1000 == 0 || count >= 100_000 ? "\(count / 1000)k" : "\(fixed(Double(count) / 1000, decimals: 1))k"
        }
        return "\(fixed(Double(count) / 1_000_000, decimals: 1))M"
    }

    /// `1.0 KB`, `3.4 MB`.
    static func bytes(_ size: Int64) -> String {
        if size < 1024 { return "\(size) B" }
        if size < 1024 * 1024 { return "\(fixed(Double(size) / 1024, decimals: 1)) KB" }
        return "\(fixed(Double(size) / (1024 * 1024), decimals: 1)) MB"
    }
}
