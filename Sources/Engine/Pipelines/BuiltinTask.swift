import SimKernel

/// An in-process step task registered by name (`builtin: noop`). It runs
/// on the engine's thread at the attempt's start and says how long it
/// takes in simulated time; the scheduler completes the attempt then.
/// A task must be deterministic given its context (randomness only from
/// ``BuiltinContext/random``).
public protocol BuiltinTask: Sendable {
    func run(_ context: BuiltinContext) -> BuiltinResult
}

/// What a builtin task gets to work with.
public struct BuiltinContext: Sendable {
    /// The attempt being run.
    public var key: AttemptKey
    public var pipeline: String
    /// Bound run parameters in declared order.
    public var params: [ParamBinding]
    /// Simulated time at the attempt's start.
    public var now: SimTime
    /// A random stream for this attempt, derived from the root seed's
    /// `builtin` stream, the run id, the step's position and the attempt
    /// (so a task's draws never shift the scheduler's own stream).
    public var random: Xoshiro256StarStar

    public init(key: AttemptKey, pipeline: String, params: [ParamBinding], now: SimTime, random: Xoshiro256StarStar) {
        self.key = key
        self.pipeline = pipeline
        self.params = params
        self.now = now
        self.random = random
    }

    /// The bound value of parameter `name`, as text.
    public func param(_ name: String) -> String? {
        params.first { $0.name == name }?.value
    }
}

/// How a builtin attempt ended.
public struct BuiltinResult: Sendable, Equatable {
    public var succeeded: Bool
    /// One line; for a failure, why (`auc 0.61 below 0.70`); shown as
    /// `failed: <reason>`.
    public var reason: String
    /// Lines for the step's log (stream `stdout`), in order.
    public var logLines: [String]
    /// How long the task takes in simulated time.
    public var duration: SimDuration

    public init(succeeded: Bool, reason: String = "", logLines: [String] = [], duration: SimDuration = .zero) {
        self.succeeded = succeeded
        self.reason = reason
        self.logLines = logLines
        self.duration = duration
    }
}
