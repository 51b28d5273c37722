/// Identifies one scheduled event; issued by ``EventQueue/schedule(_:at:priority:)``
/// in increasing order, so it is also the event's insertion sequence.
public struct EventID: Comparable, Hashable, Sendable, Codable, CustomStringConvertible {
    /// The insertion sequence number (0 for the first event of a queue).
    public var sequence: UInt64

    /// The identifier with sequence number `sequence`.
    public init(sequence: UInt64) {
        self.sequence = sequence
    }

    public static func < (lhs: EventID, rhs: EventID) -> Bool { lhs.sequence < rhs.sequence }

    public var description: String { "#\(sequence)" }
}
