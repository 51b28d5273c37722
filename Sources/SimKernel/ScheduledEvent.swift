/// An event taken from (or waiting in) an ``EventQueue``: what happens, when,
/// at which priority, and the identifier it was scheduled under.
public struct ScheduledEvent<Payload> {
    /// The identifier returned when the event was scheduled.
    public var id: EventID
    /// When the event fires.
    public var time: SimTime
    /// Among events at the same time, lower priorities fire first.
    public var priority: Int
    /// What the event carries.
    public var payload: Payload

    /// An event with all its parts.
    public init(id: EventID, time: SimTime, priority: Int, payload: Payload) {
        self.id = id
        self.time = time
        self.priority = priority
        self.payload = payload
    }
}

extension ScheduledEvent: Sendable where Payload: Sendable {}
extension ScheduledEvent: Equatable where Payload: Equatable {}
