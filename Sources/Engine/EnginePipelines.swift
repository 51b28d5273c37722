import Foundation
import SimKernel

extension Engine {
    /// An engine running a project's pipelines.
    ///
    /// - `store`: the run history (nil: an ``InMemoryRunStore``, nothing
    ///   survives the process). Its history is loaded: the clock resumes
    ///   (see ``EngineConfiguration/startTime``), runs that were in flight
    ///   are marked interrupted, and missed schedule intervals are run
    ///   (all with `catchup`, only the latest without).
    /// - `shell`: runs `run:` steps (nil: such steps fail as not startable).
    /// - `artifactHasher`: hashes declared `outputs` (nil: not recorded).
    /// - `workingDirectory`: where shell steps run and outputs resolve; by
    ///   default the project's directory (the caller passes a temporary
    ///   directory for the embedded demo).
    /// - `registryStore`: the model registry (nil: an
    ///   ``InMemoryRegistryStore``); `artifactRemover` removes artifact files
    ///   for retention (nil: files relative to the working directory).
    /// - `servingStore`: the deployments' traffic changes and rollout states
    ///   (nil: an ``InMemoryServingStore``).
    /// - `monitoringStore`: alert states and history, CT stories and drift
    ///   rollups (nil: an ``InMemoryMonitoringStore``).
    /// - Throws: when the history cannot be read or the first write fails.
    public convenience init(configuration: EngineConfiguration, project: ProjectSpec? = nil, store: (any RunStore)? = nil,
                            shell: (any ShellLauncher)? = nil, artifactHasher: (any ArtifactHasher)? = nil,
                            builtins: BuiltinRegistry = .standard, workingDirectory: String? = nil,
                            registryStore: (any RegistryStore)? = nil, artifactRemover: (any ArtifactRemover)? = nil,
                            servingStore: (any ServingStore)? = nil, monitoringStore: (any MonitoringStore)? = nil) throws {
        self.init(configuration: configuration)
        accessPolicy = project?.access ?? .open
        let scheduler = PipelineScheduler(engine: self, project: project ?? ProjectSpec(name: configuration.projectName),
                                          store: store ?? InMemoryRunStore(), shell: shell, hasher: artifactHasher,
                                          builtins: builtins, workingDirectory: workingDirectory)
        pipelineScheduler = scheduler
        try scheduler.recover(startTime: configuration.startTime)
        scheduler.startSchedules()
        scheduler.settle()
        if let error = scheduler.flush() { throw error }
        try startRegistry(models: project?.models ?? [], store: registryStore ?? InMemoryRegistryStore(),
                          remover: artifactRemover ?? FileArtifactRemover(baseDirectory: workingDirectory ?? project?.directory))
        if let project {
            bootstrapModels(project, workingDirectory: workingDirectory)
            try startServing(project: project, store: servingStore ?? InMemoryServingStore(), workingDirectory: workingDirectory ?? project.directory)
            try startMonitoring(project: project, store: monitoringStore ?? InMemoryMonitoringStore(),
                                workingDirectory: workingDirectory ?? project.directory ?? FileManager.default.currentDirectoryPath)
        }
    }

    /// The `git describe` text stored with new runs.
    public var codeVersion: String? {
        get { pipelineScheduler?.codeVersion }
        set { pipelineScheduler?.codeVersion = newValue }
    }

    /// Writes the pending run-history changes in one append; a failure is
    /// recorded (``storeError`` and a `store-error` event) and the changes
    /// are kept for the next attempt.
    func flushRunChanges() {
        guard let scheduler = pipelineScheduler else { return }
        if let error = scheduler.flush() {
            let message = "could not write the run history: \(error)"
            if storeError != message { record(.storeError, message) }
            storeError = message
        } else {
            storeError = nil
        }
    }

    /// Runs headless as fast as possible: fires queued events in order up to
    /// `maxTime`, applying shell results between events, until nothing is
    /// left to do before `maxTime` (then the clock is set to `maxTime`) or
    /// `stop` returns true (checked before each batch of events; the clock
    /// stays where it is).
    ///
    /// Policy for real processes: when shell steps are running and
    /// `waitForShell` is true, this blocks on the launcher before firing any
    /// further event and applies the results at the current simulated time —
    /// in fast-forward, simulated time does **not** advance while real
    /// processes run (their real duration is in
    /// the attempt's reason and log offsets). When false, it does not wait
    /// and finishes with the processes still running.
    ///
    /// Run-history changes are written before each wait longer than a
    /// moment, every 50,000 changes, and at the end: a process that ends
    /// within ``quickShellWait`` is applied without writing first, so a
    /// burst of quick commands is written once per ``quickShellStepsPerWrite``
    /// rather than once per command (a write costs about a fifth of spawning
    /// `true`).
    /// - Returns: the number of events fired.
    @discardableResult
    public func runUntilIdle(maxTime: SimTime, waitForShell: Bool, until stop: ((Engine) -> Bool)? = nil) -> Int {
        var fired = 0
        var quickWaits = 0
        while true {
            pipelineScheduler?.drainShell()
            if let stop, stop(self) {
                flushRunChanges()
                advanceServing()
                return fired
            }
            // Real processes hold simulated time: wait for them before firing
            // anything later, so a shell step's result lands at the simulated
            // time it started rather than wherever the clock raced to.
            if waitForShell, let shell = pipelineScheduler?.shell, shell.runningCount > 0 {
                if quickWaits < Self.quickShellStepsPerWrite, shell.waitForEvent(milliseconds: Self.quickShellWait) {
                    quickWaits += 1
                    continue
                }
                flushRunChanges()
                quickWaits = 0
                _ = shell.waitForEvent(milliseconds: 250)
                continue
            }
            // A process that ended after the drain above has its result in the
            // inbox already (the launcher posts it and lowers the running
            // count atomically): apply it before the clock moves on.
            if pipelineScheduler?.drainShell() == true { continue }
            if let next = nextEventTime, next <= maxTime {
                fired += fireEvents(upTo: next)
                if let scheduler = pipelineScheduler, scheduler.pendingChangeCount >= 50_000 { flushRunChanges() }
                continue
            }
            // A result posted after the last drain may still start more work.
            if pipelineScheduler?.drainShell() == true { continue }
            break
        }
        if now < maxTime { now = maxTime }
        flushRunChanges()
        advanceServing()
        return fired
    }

    /// Milliseconds ``runUntilIdle(maxTime:waitForShell:until:)`` waits for
    /// a running process before it writes the pending run-history changes.
    static let quickShellWait = 2
    /// Quick waits (results that came within ``quickShellWait``) after
    /// which the pending changes are written anyway.
    static let quickShellStepsPerWrite = 16

    /// The last `limit` log lines of the latest attempt of a step (for the
    /// log panel; escape sequences are not stripped here).
    public func logTail(run: RunID, step: String, limit: Int) throws -> [LogLine] {
        try pipelineScheduler?.logTail(run: run, step: step, limit: limit) ?? []
    }

    /// All runs, newest first; `pipeline` nil = every pipeline.
    public func runs(pipeline: String? = nil) -> [RunRecord] {
        pipelineScheduler?.runRecords(pipeline: pipeline) ?? []
    }

    /// One run's record.
    public func run(_ id: RunID) -> RunRecord? {
        pipelineScheduler?.record(id)
    }

    /// A run with its steps and attempts (in memory, or from the store).
    public func runSummary(_ id: RunID) -> RunSummary? {
        guard let scheduler = pipelineScheduler else { return nil }
        if let run = scheduler.runs[id] { return scheduler.summary(run) }
        guard scheduler.record(id) != nil, let run = scheduler.hydrate(id).run else { return nil }
        return scheduler.summary(run)
    }

    /// A step's log lines from the run history, by attempt then sequence;
    /// `attempt` nil = all attempts.
    public func logs(run: RunID, step: String, attempt: Int? = nil) throws -> [LogLine] {
        guard let scheduler = pipelineScheduler else { return [] }
        return try scheduler.store.logs(run: run, step: step, attempt: attempt)
    }

    /// A run's steps from the run history, in pipeline order; steps of an
    /// unfinished run that have not started yet (and so have no record in
    /// the store) are included as they are now.
    public func steps(run: RunID) throws -> [StepRecord] {
        try pipelineScheduler?.storedSteps(run) ?? []
    }

    /// A run's attempts from the run history, by step in pipeline order,
    /// then attempt.
    public func attempts(run: RunID) throws -> [StepAttemptRecord] {
        try pipelineScheduler?.storedAttempts(run) ?? []
    }

    /// A run's artifacts from the run history.
    public func artifacts(run: RunID) throws -> [ArtifactRecord] {
        try pipelineScheduler?.store.artifacts(run: run) ?? []
    }
}
