import SimKernel

extension PipelineScheduler {
    /// One summary per pipeline, in project order.
    func pipelineSummaries() -> [PipelineSummary] {
        pipelines.map { pipeline in
            let state = pipelineStates[pipeline.ordinal]
            let last = state.runIDs.last.flatMap { id in recordPosition[id].map { records[$0] } }
            var finished = 0, succeeded = 0
            for id in state.runIDs.reversed() {
                guard finished < 20 else { break }
                guard let position = recordPosition[id], records[position].state.isFinal else { continue }
                finished += 1
                if records[position].state == .succeeded { succeeded += 1 }
            }
            var byState = [Int](repeating: 0, count: RunState.allCases.count)
            var durations = MetricHistogram(upperBounds: MetricHistogram.runDurationBoundsSeconds)
            for id in state.runIDs {
                guard let position = recordPosition[id] else { continue }
                let record = records[position]
                byState[Self.stateIndex(record.state)] += 1
                if record.state.isFinal, let start = record.startedAt, let end = record.endedAt {
                    durations.observe(Double((end - start).milliseconds) / 1000)
                }
            }
            return PipelineSummary(
                id: pipeline.spec.id, description: pipeline.spec.description, stepCount: pipeline.stepIDs.count,
                lastRunID: last?.id, lastRunState: last?.state, nextScheduledAt: state.nextFire,
                successRate: finished > 0 ? Double(succeeded) / Double(finished) : nil, finishedRunsCounted: finished,
                activeRuns: state.active, queuedRuns: queuedCount(pipeline.ordinal),
                scheduleText: pipeline.spec.schedule?.description, params: pipeline.spec.params,
                runsByState: zip(RunState.allCases, byState).map { RunStateCount(state: $0, count: $1) }, runDurations: durations)
        }
    }

    /// `state`'s position in `RunState.allCases`.
    private static func stateIndex(_ state: RunState) -> Int {
        switch state {
        case .queued: return 0
        case .running: return 1
        case .succeeded: return 2
        case .failed: return 3
        case .cancelled: return 4
        case .interrupted: return 5
        }
    }

    private func queuedCount(_ ordinal: Int) -> Int {
        let state = pipelineStates[ordinal]
        var count = 0
        for position in state.queueHead..<state.queue.count where runs[state.queue[position]]?.record.state == .queued {
            count += 1
        }
        return count
    }

    /// The newest `limit` runs across pipelines, newest first. Runs whose
    /// working state is no longer in memory come without steps.
    func runSummaries(limit: Int) -> [RunSummary] {
        records.suffix(Swift.max(0, limit)).reversed().map { record in
            guard let run = runs[record.id] else {
                return RunSummary(id: record.id, pipeline: record.pipeline, number: record.number, state: record.state, reason: record.reason,
                                  trigger: record.trigger, params: record.params, queuedAt: record.queuedAt, startedAt: record.startedAt,
                                  endedAt: record.endedAt, steps: [])
            }
            return summary(run)
        }
    }

    func summary(_ run: RunRuntime) -> RunSummary {
        let pipeline = run.pipeline
        let steps = pipeline.stepIDs.indices.map { index -> StepSummary in
            let step = run.steps[index]
            let spec = pipeline.spec.steps[index]
            return StepSummary(
                id: pipeline.stepIDs[index], needs: spec.needs, state: step.state, reason: reason(run, index), attempts: step.attempts,
                currentAttemptStart: step.state == .running ? step.spans.last?.start : nil, attemptSpans: step.spans,
                kind: pipeline.kinds[index], pool: spec.pool, triggerRule: spec.triggerRule)
        }
        let record = run.record
        return RunSummary(id: record.id, pipeline: record.pipeline, number: record.number, state: record.state, reason: record.reason,
                          trigger: record.trigger, params: record.params, queuedAt: record.queuedAt, startedAt: record.startedAt,
                          endedAt: record.endedAt, steps: steps)
    }

    func record(_ id: RunID) -> RunRecord? {
        recordPosition[id].map { records[$0] }
    }

    /// Newest first; `pipeline` nil = all.
    func runRecords(pipeline: String?) -> [RunRecord] {
        records.reversed().filter { pipeline == nil || $0.pipeline == pipeline }
    }

    /// The last `limit` lines of the step's latest attempt: from memory
    /// while the attempt's tail holds them, else from the store.
    func logTail(run id: RunID, step stepID: String, limit: Int) throws -> [LogLine] {
        guard limit > 0 else { return [] }
        if let run = runs[id], let index = run.pipeline.stepIndex[stepID] {
            let attempts = run.steps[index].attempts
            guard attempts > 0 else { return [] }
            let step = run.steps[index]
            if step.tail.count >= limit || (!step.tailTruncated && (step.logSequence > 0 || step.state == .running)) {
                return Array(step.tail.suffix(limit))
            }
            return Array(try store.logs(run: id, step: stepID, attempt: attempts).suffix(limit))
        }
        let lines = try store.logs(run: id, step: stepID, attempt: nil)
        guard let latest = lines.last?.key.attempt else { return [] }
        return Array(lines.filter { $0.key.attempt == latest }.suffix(limit))
    }
}
