import Engine
import Foundation

/// The progress line `simulate` redraws on stderr when stderr is a terminal:
/// simulated time reached of the total, a bar, simulated requests per wall
/// second and the estimated wall time left.
struct SimulationProgress {
    /// Wall nanoseconds between redraws (at most four a second).
    static let redrawInterval: UInt64 = 250_000_000

    private var lastDraw: UInt64 = 0
    private var lastWidth = 0

    /// The line for a moment of the run (pure: for tests).
    static func line(reached: SimDuration, total: SimDuration, requests: Int, wallSeconds: Double, barWidth: Int = 24) -> String {
        let fraction = total.milliseconds > 0 ? min(1, max(0, Double(reached.milliseconds) / Double(total.milliseconds))) : 1
        let filled = Int((fraction * Double(barWidth)).rounded(.down))
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: barWidth - filled)
        let rate = wallSeconds > 0 ? Double(requests) / wallSeconds : 0
        var eta = "--"
        if fraction > 0, fraction < 1, wallSeconds > 0 {
            eta = duration(wallSeconds * (1 - fraction) / fraction)
        } else if fraction >= 1 {
            eta = "0s"
        }
        return "simulated \(reached) of \(total) [\(bar)] \(String(format: "%3.0f", fraction * 100))%  "
            + "\(rateText(rate)) req/s  ETA \(eta)"
    }

    /// Requests per second with a k/M suffix.
    static func rateText(_ rate: Double) -> String {
        if rate >= 1_000_000 { return String(format: "%.2fM", rate / 1_000_000) }
        if rate >= 1_000 { return String(format: "%.1fk", rate / 1_000) }
        return String(format: "%.0f", rate)
    }

    /// Whole seconds as `1h02m`, `3m05s` or `42s`.
    static func duration(_ seconds: Double) -> String {
        let total = Int(seconds.rounded())
        if total >= 3600 { return String(format: "%dh%02dm", total / 3600, total % 3600 / 60) }
        if total >= 60 { return String(format: "%dm%02ds", total / 60, total % 60) }
        return "\(total)s"
    }

    /// Redraws the line on stderr when the last redraw was long enough ago
    /// (or `force`); returns whether it drew.
    @discardableResult
    mutating func draw(_ line: @autoclosure () -> String, now: UInt64, force: Bool = false) -> Bool {
        guard force || now &- lastDraw >= Self.redrawInterval else { return false }
        lastDraw = now
        let text = line()
        let padding = String(repeating: " ", count: max(0, lastWidth - text.count))
        lastWidth = text.count
        FileHandle.standardError.write(Data(("\r" + text + padding).utf8))
        return true
    }

    /// Clears the line (before the report is printed).
    func clear() {
        guard lastWidth > 0 else { return }
        FileHandle.standardError.write(Data(("\r" + String(repeating: " ", count: lastWidth) + "\r").utf8))
    }
}
