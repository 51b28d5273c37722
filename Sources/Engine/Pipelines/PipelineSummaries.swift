import SimKernel

/// One pipeline as the Pipelines screen lists it.
public struct PipelineSummary: Sendable, Hashable, Codable {
    public var id: String
    public var description: String?
    public var stepCount: Int
    /// The newest run (any state).
    public var lastRunID: RunID?
    public var lastRunState: RunState?
    /// When the schedule fires next (nil without a schedule).
    public var nextScheduledAt: SimTime?
    /// Share of succeeded runs among the last (up to) 20 finished runs; nil
    /// when none has finished.
    public var successRate: Double?
    /// How many finished runs `successRate` is over (0...20).
    public var finishedRunsCounted: Int
    /// Runs in state running.
    public var activeRuns: Int
    /// Runs waiting for `max_active_runs`.
    public var queuedRuns: Int
    /// `0 */6 * * *`, `every 6h`, or nil.
    public var scheduleText: String?
    /// The pipeline's parameters with their defaults (for the trigger dialog).
    public var params: [ParamSpec]
    /// How many of its runs the engine knows are in each state, in
    /// `RunState.allCases` order (zeros included).
    public var runsByState: [RunStateCount]
    /// Durations (start to end, simulated seconds) of its finished runs that started.
    public var runDurations: MetricHistogram

    public init(id: String, description: String?, stepCount: Int, lastRunID: RunID?, lastRunState: RunState?, nextScheduledAt: SimTime?,
                successRate: Double?, finishedRunsCounted: Int, activeRuns: Int, queuedRuns: Int, scheduleText: String?, params: [ParamSpec] = [],
                runsByState: [RunStateCount] = RunState.allCases.map { RunStateCount(state: $0, count: 0) },
                runDurations: MetricHistogram = MetricHistogram(upperBounds: MetricHistogram.runDurationBoundsSeconds)) {
        self.runsByState = runsByState
        self.runDurations = runDurations
        self.id = id
        self.description = description
        self.stepCount = stepCount
        self.lastRunID = lastRunID
        self.lastRunState = lastRunState
        self.nextScheduledAt = nextScheduledAt
        self.successRate = successRate
        self.finishedRunsCounted = finishedRunsCounted
        self.activeRuns = activeRuns
        self.queuedRuns = queuedRuns
        self.scheduleText = scheduleText
        self.params = params
    }
}

/// How many runs are in one state.
public struct RunStateCount: Sendable, Hashable, Codable {
    public var state: RunState
    public var count: Int
    public init(state: RunState, count: Int) {
        self.state = state
        self.count = count
    }
}

/// One run with its steps, for the run list, the DAG view and the Gantt.
public struct RunSummary: Sendable, Hashable, Codable {
    public var id: RunID
    public var pipeline: String
    public var number: Int
    public var state: RunState
    public var reason: String
    public var trigger: String
    public var params: [ParamBinding]
    public var queuedAt: SimTime
    public var startedAt: SimTime?
    public var endedAt: SimTime?
    /// In the pipeline's step order.
    public var steps: [StepSummary]

    public init(id: RunID, pipeline: String, number: Int, state: RunState, reason: String, trigger: String, params: [ParamBinding],
                queuedAt: SimTime, startedAt: SimTime?, endedAt: SimTime?, steps: [StepSummary]) {
        self.id = id
        self.pipeline = pipeline
        self.number = number
        self.state = state
        self.reason = reason
        self.trigger = trigger
        self.params = params
        self.queuedAt = queuedAt
        self.startedAt = startedAt
        self.endedAt = endedAt
        self.steps = steps
    }
}

/// One step of a run.
public struct StepSummary: Sendable, Hashable, Codable {
    public var id: String
    public var needs: [String]
    public var state: StepState
    public var reason: String
    /// Attempts made so far.
    public var attempts: Int
    /// Start of the attempt that is running now.
    public var currentAttemptStart: SimTime?
    /// Every attempt's span, oldest first (for the Gantt timeline).
    public var attemptSpans: [AttemptSpan]
    /// `run`, `builtin noop`, `simulate lognormal(30s, 0.5)`.
    public var kind: String
    public var pool: String?
    public var triggerRule: TriggerRule

    public init(id: String, needs: [String], state: StepState, reason: String, attempts: Int, currentAttemptStart: SimTime?,
                attemptSpans: [AttemptSpan], kind: String, pool: String?, triggerRule: TriggerRule) {
        self.id = id
        self.needs = needs
        self.state = state
        self.reason = reason
        self.attempts = attempts
        self.currentAttemptStart = currentAttemptStart
        self.attemptSpans = attemptSpans
        self.kind = kind
        self.pool = pool
        self.triggerRule = triggerRule
    }
}

/// When one attempt ran and how it ended (`end` nil while it runs).
public struct AttemptSpan: Sendable, Hashable, Codable {
    public var attempt: Int
    public var start: SimTime
    public var end: SimTime?
    public var state: AttemptState

    public init(attempt: Int, start: SimTime, end: SimTime?, state: AttemptState) {
        self.attempt = attempt
        self.start = start
        self.end = end
        self.state = state
    }
}
