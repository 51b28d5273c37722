import SimKernel

/// One step of a pipeline.
public struct StepSpec: Sendable, Equatable {
    public var id: String
    /// Steps that must reach a final state before this one is considered.
    public var needs: [String]
    public var action: StepAction
    /// Extra attempts after a failure (0: run once).
    public var retries: Int
    /// Wait before the first retry.
    public var retryDelay: SimDuration
    public var backoff: BackoffSpec
    /// An attempt that runs longer than this fails as timed out. For shell
    /// steps this is real time of the process; for simulated and built-in
    /// steps, simulated time.
    public var timeout: SimDuration?
    public var triggerRule: TriggerRule
    /// The pool whose slot the step holds while it runs.
    public var pool: String?
    /// Environment for shell steps, in file order; values may use
    /// `${params.NAME}`.
    public var env: [EnvironmentEntry]
    /// Files recorded as artifacts (sha256 and size) after a success,
    /// relative to the project directory.
    public var outputs: [String]
    /// A condition that must hold for the step to run (used by `register`,
    /// e.g. `auc > champion.auc + 0.005`); when false the step is skipped.
    public var when: String?

    public init(id: String, needs: [String] = [], action: StepAction, retries: Int = 0, retryDelay: SimDuration = .seconds(30),
                backoff: BackoffSpec = .fixed, timeout: SimDuration? = nil, triggerRule: TriggerRule = .allSuccess,
                pool: String? = nil, env: [EnvironmentEntry] = [], outputs: [String] = [], when: String? = nil) {
        self.id = id
        self.needs = needs
        self.action = action
        self.retries = retries
        self.retryDelay = retryDelay
        self.backoff = backoff
        self.timeout = timeout
        self.triggerRule = triggerRule
        self.pool = pool
        self.env = env
        self.outputs = outputs
        self.when = when
    }
}

/// What a step does.
public enum StepAction: Sendable, Equatable {
    /// A shell command run by `/bin/sh -c` in its own process group (a plain
    /// one starts its program directly, see `DirectCommand`).
    case shell(String)
    /// An in-process task registered under this name.
    case builtin(String)
    /// A simulated step: takes a sampled duration and fails with a probability.
    case simulate(duration: DurationDistribution, failureProbability: Double)
}

/// How the wait between retries grows.
public enum BackoffSpec: Sendable, Equatable {
    /// Every retry waits `retry_delay`.
    case fixed
    /// Retry n waits `retry_delay * 2^(n-1)`, at most `cap`, plus up to
    /// `jitter` (a fraction, e.g. 0.1) of it drawn from the seeded stream.
    case exponential(cap: SimDuration, jitter: Double)
}

/// When a step runs, given the final states of the steps it needs.
public enum TriggerRule: String, Sendable, CaseIterable, Codable {
    case allSuccess = "all_success"
    case allDone = "all_done"
    case allFailed = "all_failed"
    case oneSuccess = "one_success"
    case oneFailed = "one_failed"
    case noneFailed = "none_failed"
    case always
}

/// One `KEY: value` of a step's environment.
public struct EnvironmentEntry: Sendable, Equatable {
    public var name: String
    public var value: String
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}
