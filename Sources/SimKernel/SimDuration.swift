/// A span of simulated time in whole milliseconds.
///
/// Durations are exact integers, so adding and comparing them never drifts.
/// `description` prints the shortest exact form made of the units
/// `d`, `h`, `m`, `s`, `ms` from largest to smallest (`90s` prints as `1m30s`,
/// six hours as `6h`, zero as `0s`); ``init(parsing:)`` reads that form back.
/// `compactDescription` is a rounded-down form for screens (see there).
public struct SimDuration: Comparable, Hashable, Sendable, Codable, CustomStringConvertible {
    /// The length in milliseconds (negative for a span backwards in time).
    public var milliseconds: Int64

    /// A duration of `milliseconds` milliseconds.
    public init(milliseconds: Int64) {
        self.milliseconds = milliseconds
    }

    /// The empty duration.
    public static let zero = SimDuration(milliseconds: 0)

    /// `count` milliseconds.
    public static func milliseconds(_ count: Int64) -> SimDuration { SimDuration(milliseconds: count) }
    /// `count` seconds.
    public static func seconds(_ count: Int64) -> SimDuration { SimDuration(milliseconds: count * DurationUnit.second.milliseconds) }
    /// `count` minutes.
    public static func minutes(_ count: Int64) -> SimDuration { SimDuration(milliseconds: count * DurationUnit.minute.milliseconds) }
    /// `count` hours.
    public static func hours(_ count: Int64) -> SimDuration { SimDuration(milliseconds: count * DurationUnit.hour.milliseconds) }
    /// `count` days of 24 hours.
    public static func days(_ count: Int64) -> SimDuration { SimDuration(milliseconds: count * DurationUnit.day.milliseconds) }

    /// The length in seconds as a floating-point number.
    public var seconds: Double { Double(milliseconds) / 1000 }

    public static func < (lhs: SimDuration, rhs: SimDuration) -> Bool { lhs.milliseconds < rhs.milliseconds }
    public static func + (lhs: SimDuration, rhs: SimDuration) -> SimDuration { SimDuration(milliseconds: lhs.milliseconds + rhs.milliseconds) }
    public static func - (lhs: SimDuration, rhs: SimDuration) -> SimDuration { SimDuration(milliseconds: lhs.milliseconds - rhs.milliseconds) }
    public static func * (lhs: SimDuration, rhs: Int64) -> SimDuration { SimDuration(milliseconds: lhs.milliseconds * rhs) }
    public static func * (lhs: Int64, rhs: SimDuration) -> SimDuration { rhs * lhs }
    public static func += (lhs: inout SimDuration, rhs: SimDuration) { lhs = lhs + rhs }
    public static func -= (lhs: inout SimDuration, rhs: SimDuration) { lhs = lhs - rhs }
    public static prefix func - (value: SimDuration) -> SimDuration { SimDuration(milliseconds: -value.milliseconds) }

    /// The shortest exact form, e.g. `1m30s`, `6h`, `7d`, `1s250ms`, `0s`;
    /// negative durations get a leading `-`.
    public var description: String {
        if milliseconds == 0 { return "0s" }
        var remaining = milliseconds.magnitude
        var text = milliseconds < 0 ? "-" : ""
        for unit in DurationUnit.largestFirst {
            let size = UInt64(unit.milliseconds)
            let count = remaining / size
            remaining %= size
            if count > 0 { text += "\(count)\(unit.symbol)" }
        }
        return text
    }

    /// A short, rounded-down form for screens: the two largest units, the
    /// second one zero-padded to two digits so widths stay steady as time
    /// passes: `250ms`, `45s`, `1m30s`, `12m05s`, `2h05m`, `3d04h`.
    /// Below one second it shows milliseconds; below one minute whole seconds.
    /// Negative durations get a leading `-`.
    public var compactDescription: String {
        let sign = milliseconds < 0 ? "-" : ""
        let total = milliseconds.magnitude
        let second = UInt64(DurationUnit.second.milliseconds)
        let minute = UInt64(DurationUnit.minute.milliseconds)
        let hour = UInt64(DurationUnit.hour.milliseconds)
        let day = UInt64(DurationUnit.day.milliseconds)
        if total < second { return "\(sign)\(total)ms" }
        if total < minute { return "\(sign)\(total / second)s" }
        if total < hour { return "\(sign)\(total / minute)m\(twoDigits((total % minute) / second))s" }
        if total < day { return "\(sign)\(total / hour)h\(twoDigits((total % hour) / minute))m" }
        return "\(sign)\(total / day)d\(twoDigits((total % day) / hour))h"
    }

    /// Reads a duration such as `0s`, `45s`, `15m`, `6h`, `7d`, `250ms` or a
    /// compound such as `1h30m` (units from largest to smallest, each once).
    /// - Throws: ``DurationParseError`` naming the offset of the first bad character.
    public init(parsing text: String) throws(DurationParseError) {
        var scanner = DurationScanner(text: text)
        self = try scanner.readDuration()
        try scanner.expectEnd(expected: DurationScanner.expectedDuration)
    }

    public init(from decoder: any Decoder) throws {
        milliseconds = try decoder.singleValueContainer().decode(Int64.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(milliseconds)
    }
}

/// Zero-pads a small number to two digits.
func twoDigits(_ value: UInt64) -> String {
    value < 10 ? "0\(value)" : "\(value)"
}
