/// A point in simulated time: whole milliseconds since the run's epoch.
///
/// The engine never reads the wall clock; it owns one `SimTime` that only
/// moves forward as events fire. `description` is the ``clockLabel``.
public struct SimTime: Comparable, Hashable, Sendable, Codable, CustomStringConvertible {
    /// Milliseconds since the epoch (negative before it).
    public var milliseconds: Int64

    /// The instant `milliseconds` after the epoch.
    public init(milliseconds: Int64) {
        self.milliseconds = milliseconds
    }

    /// The run's epoch.
    public static let zero = SimTime(milliseconds: 0)

    /// The instant `duration` after the epoch.
    public init(sinceEpoch duration: SimDuration) {
        self.milliseconds = duration.milliseconds
    }

    /// How far this instant is from the epoch.
    public var sinceEpoch: SimDuration { SimDuration(milliseconds: milliseconds) }

    public static func < (lhs: SimTime, rhs: SimTime) -> Bool { lhs.milliseconds < rhs.milliseconds }
    public static func + (lhs: SimTime, rhs: SimDuration) -> SimTime { SimTime(milliseconds: lhs.milliseconds + rhs.milliseconds) }
    public static func + (lhs: SimDuration, rhs: SimTime) -> SimTime { rhs + lhs }
    public static func - (lhs: SimTime, rhs: SimDuration) -> SimTime { SimTime(milliseconds: lhs.milliseconds - rhs.milliseconds) }
    /// The duration from `rhs` to `lhs`.
    public static func - (lhs: SimTime, rhs: SimTime) -> SimDuration { SimDuration(milliseconds: lhs.milliseconds - rhs.milliseconds) }
    public static func += (lhs: inout SimTime, rhs: SimDuration) { lhs = lhs + rhs }
    public static func -= (lhs: inout SimTime, rhs: SimDuration) { lhs = lhs - rhs }

    /// The clock shown in the UI: `d<day> HH:MM:SS`, the day counter starting
    /// at 0 on the epoch, e.g. `d0 00:05:30` or `d12 23:59:59`. Milliseconds
    /// are dropped (rounded down). Instants before the epoch show the distance
    /// back with a leading `-`, e.g. `-d0 00:00:01`.
    public var clockLabel: String {
        // Built from bytes: this runs for every timestamp on every frame.
        let totalSeconds = milliseconds.magnitude / 1000
        var bytes: [UInt8] = []
        bytes.reserveCapacity(16)
        if milliseconds < 0 { bytes.append(UInt8(ascii: "-")) }
        bytes.append(UInt8(ascii: "d"))
        bytes.append(contentsOf: String(totalSeconds / 86_400).utf8)
        bytes.append(UInt8(ascii: " "))
        for (index, value) in [(totalSeconds % 86_400) / 3600, (totalSeconds % 3600) / 60, totalSeconds % 60].enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ":")) }
            bytes.append(UInt8(ascii: "0") + UInt8(value / 10))
            bytes.append(UInt8(ascii: "0") + UInt8(value % 10))
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    public var description: String { clockLabel }

    public init(from decoder: any Decoder) throws {
        milliseconds = try decoder.singleValueContainer().decode(Int64.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(milliseconds)
    }
}
