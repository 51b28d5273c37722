/// What an ``Engine`` starts from.
public struct EngineConfiguration: Hashable, Sendable {
    /// The project's name, shown in the UI header.
    public var projectName: String
    /// The root seed every random stream derives from.
    public var seed: UInt64
    /// The speed the engine starts at.
    public var initialSpeed: SimSpeed
    /// How many events the event log keeps (older ones drop out).
    public var eventLogCapacity: Int

    /// A configuration; by default the engine starts at 1x and keeps the
    /// last 1000 events.
    public init(projectName: String, seed: UInt64, initialSpeed: SimSpeed = .realTime, eventLogCapacity: Int = 1000) {
        self.projectName = projectName
        self.seed = seed
        self.initialSpeed = initialSpeed
        self.eventLogCapacity = eventLogCapacity
    }
}
