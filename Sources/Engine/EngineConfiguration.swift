import SimKernel

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
    /// Where the simulated clock starts. With a run history, the clock
    /// resumes at the later of this and the stored clock: a later start
    /// stands for time the engine was down, and schedules catch up on it.
    public var startTime: SimTime
    /// The software the engine runs in, recorded in the lineage of model
    /// versions it trains (set by the flightdeck executable; ``RuntimeEnvironment/unknown`` by default).
    public var runtime: RuntimeEnvironment = .unknown

    /// A configuration; by default the engine starts at 1x and keeps the
    /// last 1000 events.
    public init(projectName: String, seed: UInt64, initialSpeed: SimSpeed = .realTime, eventLogCapacity: Int = 1000, startTime: SimTime = .zero) {
        self.projectName = projectName
        self.seed = seed
        self.initialSpeed = initialSpeed
        self.eventLogCapacity = eventLogCapacity
        self.startTime = startTime
    }
}
