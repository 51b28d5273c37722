/// The units a written duration may use, from days down to milliseconds.
public enum DurationUnit: String, CaseIterable, Sendable {
    case day = "d"
    case hour = "h"
    case minute = "m"
    case second = "s"
    case millisecond = "ms"

    /// The symbol written after the number (`d`, `h`, `m`, `s`, `ms`).
    public var symbol: String { rawValue }

    /// The length of one unit in milliseconds.
    public var milliseconds: Int64 {
        switch self {
        case .day: 86_400_000
        case .hour: 3_600_000
        case .minute: 60_000
        case .second: 1_000
        case .millisecond: 1
        }
    }

    /// All units, largest first (the order a compound duration must follow).
    public static let largestFirst: [DurationUnit] = [.day, .hour, .minute, .second, .millisecond]
}
