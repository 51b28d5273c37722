import SimKernel

extension PipelineScheduler {
    static let interruptedReason = "interrupted: engine stopped before it finished"

    /// Loads the stored history: restores the clock (the later of the stored
    /// clock and `startTime`), the next run id, run numbers and schedule
    /// cursors, and marks runs, steps and attempts that were in flight as
    /// interrupted (they can be rerun from failure). The most recent runs
    /// get their working state back for the screens.
    func recover(startTime: SimTime) throws {
        let history = try store.loadHistory()
        var meta: [String: String] = [:]
        for entry in history.meta { meta[entry.key] = entry.value }
        let storedClock = meta[MetaKey.clock].flatMap(Int64.init).map(SimTime.init(milliseconds:))
        engine.now = Swift.max(storedClock ?? startTime, startTime)
        lastPersistedClock = storedClock
        let maxID = history.runs.last?.id.value ?? 0
        nextRunID = Swift.max(meta[MetaKey.nextRunID].flatMap(Int64.init) ?? 1, maxID + 1)
        for pipeline in pipelines {
            let stored = meta[MetaKey.schedule(pipeline.spec.id)].flatMap(Int64.init).map(SimTime.init(milliseconds:))
            pipelineStates[pipeline.ordinal].cursor = stored ?? now
        }

        records = history.runs
        var stepsByRun: [RunID: Range<Int>] = [:]
        var attemptsByRun: [RunID: Range<Int>] = [:]
        var steps = history.steps
        var attempts = history.attempts
        group(steps.map(\.run), into: &stepsByRun)
        group(attempts.map(\.key.run), into: &attemptsByRun)

        var interrupted: [RunID] = []
        journalHasRecords = true
        var addedSteps: [RunID: [StepRecord]] = [:]
        for position in records.indices {
            let record = records[position]
            recordPosition[record.id] = position
            if let ordinal = pipelineIndex[record.pipeline] {
                pipelineStates[ordinal].runIDs.append(record.id)
                pipelineStates[ordinal].runCount = Swift.max(pipelineStates[ordinal].runCount, record.number)
            }
            guard !record.state.isFinal else { continue }
            interrupted.append(record.id)
            for index in stepsByRun[record.id] ?? 0..<0 where !steps[index].state.isFinal {
                steps[index].state = .interrupted
                steps[index].reason = Self.interruptedReason
                journal.append(.step(steps[index]))
            }
            // Steps that never left pending have no record (see emitStep):
            // they were interrupted too.
            let missing = missingSteps(of: record, stored: steps[stepsByRun[record.id] ?? 0..<0]).map {
                StepRecord(run: record.id, step: $0, state: .interrupted, reason: Self.interruptedReason, attempts: 0)
            }
            if !missing.isEmpty {
                addedSteps[record.id] = missing
                for step in missing { journal.append(.step(step)) }
            }
            for index in attemptsByRun[record.id] ?? 0..<0 where attempts[index].state == .running {
                attempts[index].state = .interrupted
                attempts[index].endedAt = now
                attempts[index].reason = Self.interruptedReason
                journal.append(.attempt(attempts[index]))
            }
            records[position].state = .interrupted
            records[position].reason = Self.interruptedReason
            records[position].endedAt = now
            journal.append(.run(records[position]))
        }
        if !interrupted.isEmpty {
            engine.record(.runInterrupted, "\(interrupted.count) run\(interrupted.count == 1 ? "" : "s") interrupted by the restart: \(interrupted.map(\.description).joined(separator: ", "))")
        }
        // Working state for the most recent runs (the screens show them).
        for record in records.suffix(finishedCacheSize) {
            let stepRange = stepsByRun[record.id] ?? 0..<0
            let attemptRange = attemptsByRun[record.id] ?? 0..<0
            if let run = makeRuntime(record, steps: Array(steps[stepRange]) + (addedSteps[record.id] ?? []),
                                     attempts: Array(attempts[attemptRange])) {
                runs[record.id] = run
                noteFinished(run)
            }
        }
    }

    /// The ids of the steps of `record`'s pipeline that have no stored
    /// record, in pipeline order; none when the pipeline is no longer in the
    /// project or its steps no longer match the stored ones.
    func missingSteps<Stored: Collection>(of record: RunRecord, stored: Stored) -> [String] where Stored.Element == StepRecord {
        guard let pipeline = compiled(record.pipeline), stored.count < pipeline.stepIDs.count else { return [] }
        var present = Array(repeating: false, count: pipeline.stepIDs.count)
        for step in stored {
            guard let index = pipeline.stepIndex[step.step] else { return [] }
            present[index] = true
        }
        return pipeline.stepIDs.indices.filter { !present[$0] }.map { pipeline.stepIDs[$0] }
    }

    /// A run's step records from the store in pipeline order, with the steps
    /// that have no record yet (pending ones, see ``emitStep(_:_:)``)
    /// filled in from the run's working state. Records of steps the
    /// pipeline no longer has keep the store's order, after the others.
    func storedSteps(_ id: RunID) throws -> [StepRecord] {
        let stored = try store.steps(run: id)
        guard let record = record(id), let pipeline = compiled(record.pipeline) else { return stored }
        var byIndex = [StepRecord?](repeating: nil, count: pipeline.stepIDs.count)
        var others: [StepRecord] = []
        for step in stored {
            if let index = pipeline.stepIndex[step.step], byIndex[index] == nil {
                byIndex[index] = step
            } else {
                others.append(step)
            }
        }
        if let run = runs[id], !run.record.state.isFinal, others.isEmpty {
            for index in byIndex.indices where byIndex[index] == nil {
                byIndex[index] = StepRecord(run: id, step: pipeline.stepIDs[index], state: run.steps[index].state,
                                            reason: reason(run, index), attempts: run.steps[index].attempts)
            }
        }
        return byIndex.compactMap { $0 } + others
    }

    /// A run's attempts from the store, by step in pipeline order (steps the
    /// pipeline no longer has last, in the store's order), then attempt.
    func storedAttempts(_ id: RunID) throws -> [StepAttemptRecord] {
        let stored = try store.attempts(run: id)
        guard let record = record(id), let pipeline = compiled(record.pipeline) else { return stored }
        return stored.enumerated().sorted { a, b in
            let left = pipeline.stepIndex[a.element.key.step] ?? Int.max
            let right = pipeline.stepIndex[b.element.key.step] ?? Int.max
            if left != right { return left < right }
            return a.offset < b.offset
        }.map(\.element)
    }

    /// Ranges of equal consecutive ids (the history is grouped by run).
    private func group(_ ids: [RunID], into ranges: inout [RunID: Range<Int>]) {
        var start = 0
        while start < ids.count {
            var end = start + 1
            while end < ids.count && ids[end] == ids[start] { end += 1 }
            ranges[ids[start]] = start..<end
            start = end
        }
    }

    /// Working state for a finished run that is not in memory, from the
    /// store; nil with the reason when the run is unknown or its pipeline's
    /// steps changed since.
    func hydrate(_ id: RunID) -> (run: RunRuntime?, problem: String?) {
        guard let position = recordPosition[id] else { return (nil, missingRun(id)) }
        let record = records[position]
        guard compiled(record.pipeline) != nil else {
            return (nil, "pipeline \(record.pipeline) of run \(id) is no longer in the project")
        }
        do {
            let steps = try store.steps(run: id)
            let attempts = try store.attempts(run: id)
            guard let run = makeRuntime(record, steps: steps, attempts: attempts) else {
                return (nil, "the steps of pipeline \(record.pipeline) changed since run \(id)")
            }
            runs[id] = run
            if record.state.isFinal { noteFinished(run) }
            return (run, nil)
        } catch {
            return (nil, "could not read run \(id) from the run history: \(error)")
        }
    }

    /// Rebuilds a run's working state from its records; nil when the
    /// records do not match the pipeline's current steps.
    func makeRuntime(_ record: RunRecord, steps: [StepRecord], attempts: [StepAttemptRecord]) -> RunRuntime? {
        guard let pipeline = compiled(record.pipeline), steps.count == pipeline.stepIDs.count else { return nil }
        var runtimes = pipeline.stepIDs.indices.map { StepRuntime(reason: "", needCount: pipeline.needs[$0].count) }
        var seen = Array(repeating: false, count: runtimes.count)
        for step in steps {
            guard let index = pipeline.stepIndex[step.step], !seen[index] else { return nil }
            seen[index] = true
            runtimes[index].state = step.state
            runtimes[index].reason = step.reason
            runtimes[index].attempts = step.attempts
            runtimes[index].journaled = true
        }
        for attempt in attempts {
            guard let index = pipeline.stepIndex[attempt.key.step] else { continue }
            runtimes[index].spans.append(AttemptSpan(attempt: attempt.key.attempt, start: attempt.startedAt, end: attempt.endedAt, state: attempt.state))
        }
        let run = RunRuntime(record: record, pipeline: pipeline, steps: runtimes)
        for index in runtimes.indices {
            let state = runtimes[index].state
            if state.isFinal { run.finalCount += 1 }
            if state.isFailure {
                run.failedCount += 1
                let reason = runtimes[index].reason
                run.steps[index].failureCause = state == .upstreamFailed && reason.hasPrefix("upstream_failed: ")
                    ? String(reason.dropFirst("upstream_failed: ".count))
                    : Self.cause(step: pipeline.stepIDs[index], reason: reason)
            }
        }
        return run
    }
}
