import SimKernel

/// What kind of thing an ``EngineEvent`` records. An open set of names so
/// each subsystem can add its own kinds next to its code.
public struct EngineEventKind: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
    /// The kind's name, e.g. `paused`.
    public var rawValue: String

    /// The kind called `rawValue`.
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// The engine was created.
    public static let started = EngineEventKind(rawValue: "started")
    /// The simulated clock was paused.
    public static let paused = EngineEventKind(rawValue: "paused")
    /// The simulated clock was resumed.
    public static let resumed = EngineEventKind(rawValue: "resumed")
    /// The simulation speed changed.
    public static let speedChanged = EngineEventKind(rawValue: "speed")

    public var description: String { rawValue }
}

/// One line of the engine's event log: when, what kind, and a message.
public struct EngineEvent: Hashable, Sendable, Codable, CustomStringConvertible {
    /// Position in the whole log since the engine started (0 first); keeps
    /// counting when old events fall out of the bounded log.
    public var sequence: Int
    /// Simulated time of the event.
    public var time: SimTime
    /// What kind of event it is.
    public var kind: EngineEventKind
    /// A one-line, human-readable message.
    public var message: String
    /// What it is about (a run, a version, a deployment, an alert), so the
    /// Events screen can open it; nil when nothing in particular.
    public var subject: EventSubject?

    /// An event with all its parts.
    public init(sequence: Int, time: SimTime, kind: EngineEventKind, message: String, subject: EventSubject? = nil) {
        self.sequence = sequence
        self.time = time
        self.kind = kind
        self.message = message
        self.subject = subject
    }

    /// `d0 00:05:30 paused: paused at d0 00:05:30`.
    public var description: String { "\(time.clockLabel) \(kind): \(message)" }
}
