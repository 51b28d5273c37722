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
    /// The step's `when:` condition, if any (the builtin decides what it means).
    public var when: String?
    /// The project's `data:` section.
    public var data: DataSpec?
    /// Declared model ids, in file order.
    public var models: [String]
    /// The current champion of each declared model that has one, in model order.
    public var champions: [ModelVersion]
    /// Where relative artifact paths resolve.
    public var workingDirectory: String
    /// `git describe` of the project, stored with the run.
    public var codeVersion: String?
    /// The software the engine runs in (``EngineConfiguration/runtime``).
    public var runtime: RuntimeEnvironment
    /// What earlier builtins of the same run left (see ``BuiltinRunState``).
    public var runState: BuiltinRunState

    public init(key: AttemptKey, pipeline: String, params: [ParamBinding], now: SimTime, random: Xoshiro256StarStar,
                when: String? = nil, data: DataSpec? = nil, models: [String] = [], champions: [ModelVersion] = [],
                workingDirectory: String = ".", codeVersion: String? = nil, runtime: RuntimeEnvironment = .unknown,
                runState: BuiltinRunState = BuiltinRunState()) {
        self.key = key
        self.pipeline = pipeline
        self.params = params
        self.now = now
        self.random = random
        self.when = when
        self.data = data
        self.models = models
        self.champions = champions
        self.workingDirectory = workingDirectory
        self.codeVersion = codeVersion
        self.runtime = runtime
        self.runState = runState
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
    /// The step ends as skipped (not failed) with `reason` (shown as
    /// `skipped: <reason>`); `succeeded` is ignored then.
    public var skipped: Bool
    /// Files written, recorded as the attempt's artifacts when it succeeds.
    public var artifacts: [ModelArtifact]
    /// The run's builtin state after this task (nil: unchanged).
    public var runState: BuiltinRunState?
    /// A model version to register when the attempt ends.
    public var registration: ModelRegistration?

    public init(succeeded: Bool, reason: String = "", logLines: [String] = [], duration: SimDuration = .zero,
                skipped: Bool = false, artifacts: [ModelArtifact] = [], runState: BuiltinRunState? = nil,
                registration: ModelRegistration? = nil) {
        self.succeeded = succeeded
        self.reason = reason
        self.logLines = logLines
        self.duration = duration
        self.skipped = skipped
        self.artifacts = artifacts
        self.runState = runState
        self.registration = registration
    }
}
