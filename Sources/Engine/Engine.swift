import SimKernel

/// The simulation engine: owns the simulated clock, the queue of future
/// engine events, the run's random streams and the event log; the UI and
/// the CLI change it only through ``apply(_:)`` and read it through
/// ``snapshot(recentEventLimit:)``.
///
/// A reference type because subsystems' scheduled actions act on the one
/// engine. It is **not thread-safe**: create and use it from the run loop
/// only; other threads post results to the run loop, which applies them.
///
/// Pausing is the run loop's business: ``isPaused`` and ``speed`` are
/// settings the run loop reads to decide whether and how far to call
/// ``advance(to:)``; `advance` itself ignores them.
public final class Engine {
    /// A scheduled engine action; runs with the engine's clock set to its time.
    typealias Action = (Engine) -> Void

    /// What a queued event does: the pipeline scheduler's attempt ends and
    /// retries (the bulk of the events, carried as plain values so that
    /// scheduling one allocates nothing) or any other subsystem's action.
    enum QueuedEvent {
        /// A simulated or builtin attempt ends (its outcome is kept on the step).
        case attemptDue(RunID, step: Int, attempt: Int)
        /// A retry delay is over.
        case retryDue(RunID, step: Int, attempt: Int)
        case action(Action)
    }

    /// The project's name.
    public let projectName: String
    /// The root seed every random stream derives from.
    public let seed: UInt64
    /// The run's random streams (one per subsystem name, see ``RandomStreams``).
    public let randomStreams: RandomStreams
    /// The software the engine runs in (``EngineConfiguration/runtime``).
    public let runtime: RuntimeEnvironment
    /// The current simulated time; only moves forward.
    public internal(set) var now: SimTime = .zero
    /// Whether the simulated clock is paused (read by the run loop).
    public private(set) var isPaused = false
    /// The current speed (read by the run loop).
    public private(set) var speed: SimSpeed
    /// The bounded log of what happened, oldest first.
    public private(set) var eventLog: RingBuffer<EngineEvent>

    private var queue = EventQueue<QueuedEvent>()

    /// The pipeline scheduler (nil for an engine made without a project
    /// argument: no pipelines).
    var pipelineScheduler: PipelineScheduler?
    /// The last error writing the run history, cleared by the next success.
    public internal(set) var storeError: String?
    /// The model registry and its scheduled timeouts and cleanups (nil for an
    /// engine made without a project argument).
    var registryHost: RegistryHost?
    /// The deployments and their rollouts (nil without `deployments:`).
    var servingHost: ServingHost?
    /// The monitors, alerts and CT stories (nil without `monitors:`).
    var monitorHost: MonitorHost?

    /// Who may do what (the project's `access:`; ``AccessPolicy/open`` without it).
    public var accessPolicy: AccessPolicy = .open
    /// Resolves a login name to its Unix groups when checking a command's
    /// origin (set by the host process; nil: the origin's own groups count).
    public var groupResolver: ((String) -> [String])?
    /// Where audit records go durably (nil: kept in ``recentAudit`` only).
    public var auditSink: (any AuditSink)?
    /// The host's wall clock as ISO-8601 UTC, stamped on automatic audit
    /// records only; the engine never reads it for anything else.
    public var wallClock: (() -> String)?
    /// The newest audit records, oldest first.
    public internal(set) var recentAudit = RingBuffer<AuditRecord>(capacity: 200)
    /// The last error writing the audit log, cleared by the next success.
    public internal(set) var auditError: String?
    /// Results of channel commands that were applied but not yet recorded
    /// in the channel (their effect or the result could not be written), by
    /// command id: recorded, not applied again, on the next poll.
    var unrecordedChannelResults: [Int64: CommandResult] = [:]

    /// A fresh engine at time zero, running (not paused) at the configured
    /// speed, with a `started` event in its log.
    public init(configuration: EngineConfiguration) {
        projectName = configuration.projectName
        seed = configuration.seed
        runtime = configuration.runtime
        randomStreams = RandomStreams(rootSeed: configuration.seed)
        speed = configuration.initialSpeed.isValid ? configuration.initialSpeed : .realTime
        eventLog = RingBuffer(capacity: Swift.max(1, configuration.eventLogCapacity))
        now = configuration.startTime
        record(.started, "project \(projectName), seed \(seed), speed \(speed)")
    }

    // MARK: Commands

    /// Applies an operator command; every command that changes something is
    /// recorded in the event log (`paused at d0 00:05:30`, `speed 60x`).
    /// Commands with nothing to change or that are refused are not logged.
    @discardableResult
    public func apply(_ command: EngineCommand) -> CommandResult {
        switch command {
        case .pause:
            guard !isPaused else { return .unchanged("already paused") }
            isPaused = true
            return recordApplied(.paused, "paused at \(now.clockLabel)")
        case .resume:
            guard isPaused else { return .unchanged("already running") }
            isPaused = false
            return recordApplied(.resumed, "resumed at \(now.clockLabel)")
        case .togglePause:
            return apply(isPaused ? .resume : .pause)
        case .setSpeed(let newSpeed):
            guard newSpeed.isValid else { return .rejected("speed must be at least 1x, not \(newSpeed)") }
            return changeSpeed(to: newSpeed)
        case .faster:
            guard speed != .max else { return .unchanged("already at max speed") }
            return changeSpeed(to: speed.faster())
        case .slower:
            let slower = speed.slower()
            guard slower != speed else { return .unchanged("already at the slowest speed, \(speed)") }
            return changeSpeed(to: slower)
        case .trigger(let pipeline, let params, let user):
            return withScheduler { $0.trigger(pipeline: pipeline, bindings: params, by: user) }
        case .cancelRun(let run, let user):
            return withScheduler { $0.cancel(run, by: user) }
        case .rerunFromFailure(let run, let user):
            return withScheduler { $0.rerunFromFailure(run, by: user) }
        case .clearStep(let run, let step, let user):
            return withScheduler { $0.clear(run, step: step, by: user) }
        case .markStep(let run, let step, let succeeded, let user):
            return withScheduler { $0.mark(run, step: step, succeeded: succeeded, by: user) }
        case .approve, .reject, .moveAlias, .promote, .archive, .decommission, .cleanupRegistry:
            return applyRegistryCommand(command)
        case .rollout, .setRolloutWeight, .banditArm:
            return applyServingCommand(command)
        case .acknowledgeAlert, .silenceAlert:
            return applyMonitoringCommand(command)
        }
    }

    /// Runs a pipeline command, settles the scheduler and writes the
    /// command's changes to the run history in one append.
    private func withScheduler(_ body: (PipelineScheduler) -> CommandResult) -> CommandResult {
        guard let scheduler = pipelineScheduler else {
            return .rejected("no project is loaded, so there are no pipelines")
        }
        scheduler.drainShell()
        let result = body(scheduler)
        scheduler.settle()
        flushRunChanges()
        return result
    }

    private func changeSpeed(to newSpeed: SimSpeed) -> CommandResult {
        guard newSpeed != speed else { return .unchanged("speed already \(speed)") }
        speed = newSpeed
        return recordApplied(.speedChanged, "speed \(newSpeed)")
    }

    func recordApplied(_ kind: EngineEventKind, _ message: String) -> CommandResult {
        record(kind, message)
        return .applied(message)
    }

    // MARK: Time

    /// Fires every queued event due at or before `target`, in queue order
    /// (time, priority, insertion), setting ``now`` to each event's time
    /// before running it, then sets ``now`` to `target`. Events scheduled by
    /// those actions fire in the same call when they are due by `target`.
    /// A `target` before ``now`` is ignored. Pause and speed play no part.
    ///
    /// With pipelines, results posted by shell steps are applied first (at
    /// the current time), and all run-history changes of the call are
    /// written to the store in one append at the end.
    /// - Returns: the number of events fired.
    @discardableResult
    public func advance(to target: SimTime) -> Int {
        guard target >= now else { return 0 }
        pipelineScheduler?.drainShell()
        let fired = fireEvents(upTo: target)
        now = target
        flushRunChanges()
        advanceServing()
        return fired
    }

    /// Fires every queued event due at or before `target`, in order.
    func fireEvents(upTo target: SimTime) -> Int {
        var fired = 0
        while let event = queue.popNext(upTo: target) {
            now = event.time
            switch event.payload {
            case let .attemptDue(run, step, attempt):
                pipelineScheduler?.attemptDue(run: run, step: step, attempt: attempt)
            case let .retryDue(run, step, attempt):
                pipelineScheduler?.retryDue(run: run, step: step, attempt: attempt)
            case .action(let action):
                action(self)
            }
            fired += 1
        }
        return fired
    }

    /// When the next queued event fires (for fast-forward), or `nil`.
    public var nextEventTime: SimTime? { queue.nextTime }

    /// How many events are queued.
    public var pendingEventCount: Int { queue.count }

    /// Queues `action` to run at `time` (at ``now`` if `time` is in the
    /// past); among events at the same time, lower `priority` runs first,
    /// then the one scheduled first. For subsystems inside the engine.
    @discardableResult
    func schedule(at time: SimTime, priority: Int = 0, _ action: @escaping Action) -> EventID {
        queue.schedule(.action(action), at: Swift.max(time, now), priority: priority)
    }

    /// Queues one of the scheduler's events (see ``schedule(at:priority:_:)``).
    func schedule(at time: SimTime, priority: Int = 0, event: QueuedEvent) -> EventID {
        queue.schedule(event, at: Swift.max(time, now), priority: priority)
    }

    /// Cancels a queued action; `false` when it already ran or was cancelled.
    @discardableResult
    func cancel(_ id: EventID) -> Bool {
        queue.cancel(id)
    }

    /// Appends an event at the current time to the log.
    func record(_ kind: EngineEventKind, _ message: String, subject: EventSubject? = nil) {
        eventLog.append(EngineEvent(sequence: eventLog.totalAppended, time: now, kind: kind, message: message, subject: subject))
    }

    // MARK: Reading

    /// A copy of the engine's state with the newest `recentEventLimit` log
    /// events (oldest first) and the newest `recentRunLimit` runs.
    /// `deploymentMetrics` says whose per-version window figures (latency
    /// percentiles, accuracy; the costly part) are computed; the others get
    /// empty windows (their totals, routing and state are always there).
    public func snapshot(recentEventLimit: Int = 100, recentRunLimit: Int = 20,
                         deploymentMetrics: DeploymentMetricsScope = .all) -> EngineSnapshot {
        var snapshot = EngineSnapshot(
            projectName: projectName,
            seed: seed,
            now: now,
            isPaused: isPaused,
            speed: speed,
            pendingEventCount: queue.count,
            nextEventTime: queue.nextTime,
            recentEvents: eventLog.last(recentEventLimit),
            totalEventCount: eventLog.totalAppended,
            pipelines: pipelineScheduler?.pipelineSummaries() ?? [],
            runs: pipelineScheduler?.runSummaries(limit: recentRunLimit) ?? [],
            storeError: storeError,
            models: registryHost?.registry.summaries() ?? [],
            pendingApprovals: registryHost?.registry.pendingApprovals ?? [],
            registryStoreError: registryHost?.storeError,
            deployments: deploymentSummaries(metrics: deploymentMetrics),
            servingStoreError: servingHost?.storeError,
            monitors: monitorSummaries(),
            alerts: alertSummaries(),
            alertHistory: monitorHost?.history.last(100) ?? [],
            stories: monitorHost?.stories.stories ?? [],
            monitoringStoreError: monitorHost?.storeError,
            audit: recentAudit.last(100),
            auditError: auditError
        )
        snapshot.auditError = auditError
        return snapshot
    }
}
