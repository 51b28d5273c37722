import SimKernel

/// Drives pipeline runs on simulated time: triggers and schedules runs,
/// starts steps when their trigger rule holds and a pool slot is free,
/// retries, times out, propagates failures, and journals every change for
/// the engine to flush to its ``RunStore``.
///
/// Owned by the ``Engine`` and driven only from it (events it scheduled on
/// the engine's queue, shell results drained at the current simulated
/// time, operator commands). Every public entry point ends with
/// ``settle()``, which hands free pool slots to waiting steps (FIFO by
/// ready time, run id, step order) and starts runs waiting for
/// `max_active_runs`.
///
/// Policies (documented here because the screens and CLI rely on them):
/// - `max_active_runs`: further runs, manual or scheduled, wait in state
///   `queued` with a reason and start in id order as active runs finish.
///   Without `catchup`, a schedule firing while a scheduled run of the
///   pipeline is still queued does not add a run: the queued one now
///   stands for the latest interval (its trigger text is updated).
/// - A run fails when any step ends failed, upstream_failed, cancelled or
///   interrupted (even when an `all_done` step after it succeeded); its
///   reason quotes the first failure: `failed: train failed (exit 3)`.
/// - Simulated steps produce no files, so their `outputs` are not checked;
///   shell and builtin steps' outputs are hashed through the
///   ``ArtifactHasher`` (none given: not recorded).
/// - Cancelling a run ends its steps at once; a shell process is asked to
///   stop through the launcher and its late report is ignored.
/// - Manual triggers are always allowed (an operator can always start a run).
final class PipelineScheduler {
    unowned let engine: Engine
    let project: ProjectSpec
    let pipelines: [CompiledPipeline]
    let pipelineIndex: [String: Int]
    var pools: [PoolRuntime]
    let store: any RunStore
    let shell: (any ShellLauncher)?
    let hasher: (any ArtifactHasher)?
    let builtins: BuiltinRegistry
    let workingDirectory: String
    let calendar = SimCalendar()
    var codeVersion: String?

    /// The scheduler's own random stream (durations, failures, jitter).
    var random: Xoshiro256StarStar
    /// Seed of the `builtin` stream, from which each builtin attempt's
    /// stream is derived.
    let builtinSeed: UInt64
    /// Changes not yet flushed to the store, in order, except step and
    /// attempt records (``stepChanges``, ``attemptChanges``).
    var journal: [RunChange] = []
    /// The step records of the batch not yet flushed: one per step, at the
    /// position of the step's first change in the batch, holding its last
    /// value (what writing every change in order leaves in the store). A
    /// step finds its entry through ``StepRuntime/stepSlot`` while
    /// ``StepRuntime/slotBatch`` equals ``batch``.
    var stepChanges: [StepRecord] = []
    /// The attempt records of the batch, folded the same way (per step, its
    /// latest attempt's entry is ``StepRuntime/attemptSlot``).
    var attemptChanges: [StepAttemptRecord] = []
    /// The last simulated success reason built (see `succeededReason`).
    var lastSucceededReason: (duration: SimDuration, text: String)?
    /// Whether ``journal`` holds step or attempt records (the recovery's).
    var journalHasRecords = false
    /// Numbers the batches; bumped by every successful flush, which makes
    /// every step's slots stale at once.
    var batch: UInt32 = 1
    var lastPersistedClock: SimTime?

    /// Runs with working state in memory: all unfinished ones and the most
    /// recently finished (see ``finishedCacheSize``).
    var runs: [RunID: RunRuntime] = [:]
    /// Every run's record, ascending id (ids are dense from `firstRunID`).
    var records: [RunRecord] = []
    var recordPosition: [RunID: Int] = [:]
    var nextRunID: Int64 = 1

    struct PipelineRuntime {
        var runIDs: [RunID] = []
        var runCount = 0
        var active = 0
        /// Runs waiting for `max_active_runs`, FIFO (from `queueHead`).
        var queue: [RunID] = []
        var queueHead = 0
        var dirty = false
        /// The last instant the schedule fired (or the baseline it counts from).
        var cursor: SimTime = .zero
        var nextFire: SimTime?
        var scheduleEvent: EventID?
    }
    var pipelineStates: [PipelineRuntime]

    /// Steps put in a pool queue since the last settle: their `queued`
    /// record is written only if they are still waiting after dispatch.
    var queuedNotes: [(RunID, Int)] = []
    var finishedOrder: [(RunID, Int)] = []
    let finishedCacheSize = 50
    /// Lines kept in memory per attempt for the UI's log tail.
    let tailCapacity = 200

    init(engine: Engine, project: ProjectSpec, store: any RunStore, shell: (any ShellLauncher)?, hasher: (any ArtifactHasher)?,
         builtins: BuiltinRegistry, workingDirectory: String?) {
        self.engine = engine
        self.project = project
        self.store = store
        self.shell = shell
        self.hasher = hasher
        self.builtins = builtins
        self.workingDirectory = workingDirectory ?? project.directory ?? "."
        var poolIndex: [String: Int] = [:]
        var pools: [PoolRuntime] = []
        for pool in project.pools where poolIndex[pool.id] == nil {
            poolIndex[pool.id] = pools.count
            pools.append(PoolRuntime(id: pool.id, size: pool.size))
        }
        self.pools = pools
        var index: [String: Int] = [:]
        var compiled: [CompiledPipeline] = []
        for spec in project.pipelines where index[spec.id] == nil {
            index[spec.id] = compiled.count
            compiled.append(CompiledPipeline(spec: spec, ordinal: compiled.count, poolIndex: poolIndex))
        }
        pipelines = compiled
        pipelineIndex = index
        pipelineStates = Array(repeating: PipelineRuntime(), count: compiled.count)
        random = engine.randomStreams.stream(named: "scheduler")
        builtinSeed = engine.randomStreams.seed(forStream: "builtin")
    }

    var now: SimTime { engine.now }

    // MARK: Journal

    func emitRun(_ run: RunRuntime) {
        if let position = recordPosition[run.record.id] {
            records[position] = run.record
        }
        journal.append(.run(run.record))
    }

    /// Journals a step's current record. A step that is still pending and
    /// has never been journaled is not written at all: a step without a
    /// record is pending (``RunStore`` readers go through the engine, which
    /// fills such steps in from the pipeline), so a run's trigger does not
    /// write one row per step only to overwrite each when the step starts.
    func emitStep(_ run: RunRuntime, _ index: Int) {
        if run.steps[index].state == .pending && !run.steps[index].journaled { return }
        run.steps[index].journaled = true
        let record = StepRecord(run: run.record.id, step: run.pipeline.stepIDs[index], state: run.steps[index].state,
                                reason: reason(run, index), attempts: run.steps[index].attempts)
        if run.steps[index].slotBatch != batch {
            run.steps[index].slotBatch = batch
            run.steps[index].stepSlot = -1
            run.steps[index].attemptSlot = -1
        }
        let slot = Int(run.steps[index].stepSlot)
        if slot >= 0 {
            stepChanges[slot] = record
        } else {
            run.steps[index].stepSlot = Int32(stepChanges.count)
            stepChanges.append(record)
        }
    }

    /// Journals an attempt's record (folded like step records: the latest
    /// value of each attempt, at its first position in the batch).
    func emitAttempt(_ run: RunRuntime, _ index: Int, _ record: StepAttemptRecord) {
        if run.steps[index].slotBatch != batch {
            run.steps[index].slotBatch = batch
            run.steps[index].stepSlot = -1
            run.steps[index].attemptSlot = -1
        }
        let slot = Int(run.steps[index].attemptSlot)
        if slot >= 0 && attemptChanges[slot].key.attempt == record.key.attempt {
            attemptChanges[slot] = record
        } else {
            run.steps[index].attemptSlot = Int32(attemptChanges.count)
            attemptChanges.append(record)
        }
    }

    /// Changes waiting for the next flush.
    var pendingChangeCount: Int { journal.count + stepChanges.count + attemptChanges.count }

    func emitMeta(_ key: String, _ value: String) {
        journal.append(.meta(key: key, value: value))
    }

    /// Writes the journal (plus the clock when it moved) to the store in
    /// one `append`. On failure the journal is kept for the next flush
    /// (the store rolled the transaction back) and the error is returned.
    func flush() -> (any Error)? {
        if lastPersistedClock != now {
            emitMeta(MetaKey.clock, String(now.milliseconds))
            lastPersistedClock = now
        }
        guard pendingChangeCount > 0 else { return nil }
        var changes = journal
        changes.reserveCapacity(pendingChangeCount)
        for record in stepChanges { changes.append(.step(record)) }
        for record in attemptChanges { changes.append(.attempt(record)) }
        do {
            // Step and attempt records come folded (one per step and attempt)
            // unless the recovery put some in the journal as well.
            if journalHasRecords {
                try store.append(changes)
            } else {
                try store.appendFolded(changes)
            }
            journalHasRecords = false
            journal.removeAll(keepingCapacity: true)
            stepChanges.removeAll(keepingCapacity: true)
            attemptChanges.removeAll(keepingCapacity: true)
            batch &+= 1
            return nil
        } catch {
            return error
        }
    }

    /// Sets a step's state and reason, keeping the run's counters, and
    /// journals it.
    func setState(_ run: RunRuntime, _ index: Int, _ state: StepState, _ reason: String, emit: Bool = true) {
        let old = run.steps[index].state
        if old.isFinal {
            run.finalCount -= 1
            if old.isFailure { run.failedCount -= 1 }
        }
        if state.isFinal {
            run.finalCount += 1
            if state.isFailure { run.failedCount += 1 }
        }
        run.steps[index].state = state
        run.steps[index].reason = reason
        run.steps[index].reasonFromNeed = false
        if emit { emitStep(run, index) }
    }

    /// A step's reason as shown and stored.
    func reason(_ run: RunRuntime, _ index: Int) -> String {
        guard run.steps[index].reasonFromNeed else { return run.steps[index].reason }
        return "pending: waiting for \(run.pipeline.stepIDs[run.pipeline.needs[index][Int(run.steps[index].reasonNeed)]])"
    }

    // MARK: Settling

    /// Hands free pool slots to waiting steps, starts runs waiting for
    /// `max_active_runs`, and records the reason of steps left waiting.
    func settle() {
        var progressed = true
        while progressed {
            progressed = false
            for pool in pools.indices where pools[pool].dirty {
                pools[pool].dirty = false
                dispatch(pool: pool)
                progressed = true
            }
            for pipeline in pipelineStates.indices where pipelineStates[pipeline].dirty {
                pipelineStates[pipeline].dirty = false
                startQueuedRuns(pipeline: pipeline)
                progressed = true
            }
        }
        if !queuedNotes.isEmpty {
            let notes = queuedNotes
            queuedNotes.removeAll(keepingCapacity: true)
            for (id, index) in notes {
                guard let run = runs[id], run.steps[index].state == .queued, let pool = run.pipeline.pools[index] else { continue }
                let reason = "queued: pool \(pools[pool].id) full (\(pools[pool].inUse)/\(pools[pool].size))"
                if run.steps[index].reason != reason {
                    run.steps[index].reason = reason
                    emitStep(run, index)
                }
            }
        }
    }

    private func dispatch(pool: Int) {
        while pools[pool].inUse < pools[pool].size, let next = pools[pool].waiting.popMin() {
            guard let run = runs[next.run], run.record.state == .running,
                  run.steps[next.step].state == .queued, run.steps[next.step].queueToken == next.token else { continue }
            pools[pool].inUse += 1
            run.steps[next.step].holdsSlot = true
            beginAttempt(run, next.step)
        }
    }

    func releaseSlot(_ run: RunRuntime, _ index: Int) {
        guard run.steps[index].holdsSlot, let pool = run.pipeline.pools[index] else { return }
        run.steps[index].holdsSlot = false
        pools[pool].inUse -= 1
        pools[pool].dirty = true
    }

    /// The step's rule holds: start it, or queue it for its pool.
    func makeReady(_ run: RunRuntime, _ index: Int) {
        if let pool = run.pipeline.pools[index] {
            if run.steps[index].reasonFromNeed {
                run.steps[index].reason = reason(run, index)
                run.steps[index].reasonFromNeed = false
            }
            run.steps[index].state = .queued
            run.steps[index].queueToken &+= 1
            pools[pool].waiting.insert(PoolRuntime.Waiting(readyAt: now, run: run.record.id, step: index, token: run.steps[index].queueToken))
            pools[pool].dirty = true
            queuedNotes.append((run.record.id, index))
        } else {
            beginAttempt(run, index)
        }
    }

    // MARK: Runs

    func defaultParams(_ pipeline: CompiledPipeline) -> [ParamBinding] {
        pipeline.spec.params.map { ParamBinding(name: $0.name, value: $0.defaultValue.description) }
    }

    /// The params of a run, or why they cannot be bound.
    enum ParamBindingResult {
        case bound([ParamBinding])
        case rejected(String)
    }

    /// Binds `bindings` over the defaults, type-checked; rejected with a
    /// message when a name is unknown, given twice, or its value has the
    /// wrong type.
    func bind(_ bindings: [ParamBinding], for pipeline: CompiledPipeline) -> ParamBindingResult {
        var bound = defaultParams(pipeline)
        var seen: [String] = []
        for binding in bindings {
            guard let position = pipeline.spec.params.firstIndex(where: { $0.name == binding.name }) else {
                let known = pipeline.spec.params.map(\.name)
                let list = known.isEmpty ? "it has no params" : "known: \(known.joined(separator: ", "))"
                return .rejected("unknown param '\(binding.name)' for pipeline \(pipeline.spec.id) (\(list))")
            }
            guard !seen.contains(binding.name) else {
                return .rejected("param \(binding.name) given twice")
            }
            seen.append(binding.name)
            let spec = pipeline.spec.params[position]
            guard let value = spec.defaultValue.parsingSameType(binding.value) else {
                return .rejected("param \(binding.name) must be \(article(spec.defaultValue.typeName)) \(spec.defaultValue.typeName), not '\(binding.value)'")
            }
            bound[position] = ParamBinding(name: binding.name, value: value.description)
        }
        return .bound(bound)
    }

    private func article(_ word: String) -> String {
        word.first.map { "aeiou".contains($0) } == true ? "an" : "a"
    }

    /// Creates a run and starts it, or queues it behind `max_active_runs`.
    @discardableResult
    func createRun(_ pipeline: CompiledPipeline, params: [ParamBinding], trigger: String, scheduledFor: SimTime? = nil) -> RunRuntime {
        let id = RunID(nextRunID)
        nextRunID += 1
        emitMeta(MetaKey.nextRunID, String(nextRunID))
        pipelineStates[pipeline.ordinal].runCount += 1
        let record = RunRecord(id: id, pipeline: pipeline.spec.id, number: pipelineStates[pipeline.ordinal].runCount, state: .queued,
                               reason: "queued", trigger: trigger, params: params, codeVersion: codeVersion, queuedAt: now)
        var steps: [StepRuntime] = []
        steps.reserveCapacity(pipeline.stepIDs.count)
        for index in pipeline.stepIDs.indices {
            let needs = pipeline.needs[index]
            // `pending: run not started`, or `pending: waiting for` the first need.
            var step = StepRuntime(reason: "pending: run not started", needCount: needs.count)
            step.reasonFromNeed = !needs.isEmpty
            steps.append(step)
        }
        let run = RunRuntime(record: record, pipeline: pipeline, steps: steps)
        run.scheduledFor = scheduledFor
        runs[id] = run
        recordPosition[id] = records.count
        records.append(record)
        pipelineStates[pipeline.ordinal].runIDs.append(id)
        journal.append(.run(record))
        if pipelineStates[pipeline.ordinal].active < pipeline.spec.maxActiveRuns {
            activate(run, reason: "running")
        } else {
            enqueue(run)
        }
        return run
    }

    func queuedReason(_ pipeline: CompiledPipeline) -> String {
        let active = pipelineStates[pipeline.ordinal].active
        return "queued: \(active) run\(active == 1 ? "" : "s") of \(pipeline.spec.id) active (max_active_runs \(pipeline.spec.maxActiveRuns))"
    }

    private func enqueue(_ run: RunRuntime) {
        run.record.state = .queued
        run.record.reason = queuedReason(run.pipeline)
        run.record.endedAt = nil
        emitRun(run)
        pipelineStates[run.pipeline.ordinal].queue.append(run.record.id)
    }

    /// Puts a run that is queued or final into state running (or queues it
    /// when `max_active_runs` is reached) and evaluates its pending steps.
    func reactivate(_ run: RunRuntime, reason: String) {
        if pipelineStates[run.pipeline.ordinal].active < run.pipeline.spec.maxActiveRuns {
            activate(run, reason: reason)
        } else {
            enqueue(run)
        }
    }

    private func activate(_ run: RunRuntime, reason: String) {
        pipelineStates[run.pipeline.ordinal].active += 1
        run.record.state = .running
        run.record.reason = reason
        if run.record.startedAt == nil { run.record.startedAt = now }
        run.record.endedAt = nil
        emitRun(run)
        evaluatePending(run)
    }

    private func startQueuedRuns(pipeline ordinal: Int) {
        let pipeline = pipelines[ordinal]
        while pipelineStates[ordinal].active < pipeline.spec.maxActiveRuns,
              pipelineStates[ordinal].queueHead < pipelineStates[ordinal].queue.count {
            let id = pipelineStates[ordinal].queue[pipelineStates[ordinal].queueHead]
            pipelineStates[ordinal].queueHead += 1
            guard let run = runs[id], run.record.state == .queued else { continue }
            activate(run, reason: "running")
        }
        if pipelineStates[ordinal].queueHead > 64 && pipelineStates[ordinal].queueHead * 2 > pipelineStates[ordinal].queue.count {
            pipelineStates[ordinal].queue.removeFirst(pipelineStates[ordinal].queueHead)
            pipelineStates[ordinal].queueHead = 0
        }
        // Queued runs' reasons name the active count; keep them current.
        for position in pipelineStates[ordinal].queueHead..<pipelineStates[ordinal].queue.count {
            guard let run = runs[pipelineStates[ordinal].queue[position]], run.record.state == .queued else { continue }
            let reason = queuedReason(pipeline)
            if run.record.reason != reason {
                run.record.reason = reason
                emitRun(run)
            }
        }
    }

    func removeFromQueue(_ run: RunRuntime) {
        let ordinal = run.pipeline.ordinal
        if let position = pipelineStates[ordinal].queue[pipelineStates[ordinal].queueHead...].firstIndex(of: run.record.id) {
            pipelineStates[ordinal].queue.remove(at: position)
        }
    }

    /// Ends a run whose steps are all final.
    func finishRun(_ run: RunRuntime) {
        let wasActive = run.record.state == .running
        if run.failedCount > 0 {
            run.record.state = .failed
            run.record.reason = "failed: \(run.failureCause ?? firstFailureCause(run))"
        } else {
            run.record.state = .succeeded
            let elapsed = now - (run.record.startedAt ?? now)
            run.record.reason = "succeeded: \(run.steps.count) step\(run.steps.count == 1 ? "" : "s") in \(elapsed.compactDescription)"
        }
        run.record.endedAt = now
        emitRun(run)
        if wasActive {
            pipelineStates[run.pipeline.ordinal].active -= 1
            pipelineStates[run.pipeline.ordinal].dirty = true
        }
        engine.record(.runFinished, "\(run.pipeline.spec.id) run \(run.record.id) (#\(run.record.number)) \(run.record.reason)",
                      subject: .run(run.record.id))
        noteFinished(run)
    }

    func firstFailureCause(_ run: RunRuntime) -> String {
        for index in run.steps.indices where run.steps[index].state.isFailure {
            if let cause = run.steps[index].failureCause { return cause }
            return "\(run.pipeline.stepIDs[index]) \(run.steps[index].state.rawValue)"
        }
        return "a step did not succeed"
    }

    /// Keeps the in-memory cache of finished runs bounded.
    func noteFinished(_ run: RunRuntime) {
        run.finishSerial += 1
        finishedOrder.append((run.record.id, run.finishSerial))
        while finishedOrder.count > finishedCacheSize {
            let (id, serial) = finishedOrder.removeFirst()
            if let cached = runs[id], cached.finishSerial == serial, cached.record.state.isFinal {
                runs[id] = nil
            }
        }
    }
}

/// Keys of the scheduler's values in the store's meta table.
enum MetaKey {
    static let clock = "clock"
    static let nextRunID = "next_run_id"
    static func schedule(_ pipeline: String) -> String { "schedule.\(pipeline)" }
}
