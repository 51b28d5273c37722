import SimKernel

/// How an attempt ended, as the scheduler applies it.
enum AttemptOutcome {
    case succeeded(exitCode: Int32?, reason: String)
    /// `state` is `.failed` or `.timedOut`.
    case failed(AttemptState, reason: String, exitCode: Int32?)
    /// A builtin decided not to do its work (`reason` starts with `skipped:`);
    /// the step ends as skipped.
    case skipped(reason: String)
}

extension PipelineScheduler {
    // MARK: Evaluating trigger rules

    /// Evaluates every pending step of a running run (at its start, or after
    /// steps were reset), then finishes the run if nothing is left.
    func evaluatePending(_ run: RunRuntime) {
        var finished: [Int] = []
        for index in run.steps.indices where run.steps[index].state == .pending {
            apply(decision(run, index), run, index, finished: &finished)
        }
        propagate(run, finished)
    }

    private func decision(_ run: RunRuntime, _ index: Int) -> TriggerDecision {
        run.pipeline.rules[index].decide(run.steps[index].counts)
    }

    private func apply(_ decision: TriggerDecision, _ run: RunRuntime, _ index: Int, finished: inout [Int]) {
        switch decision {
        case .wait:
            refreshWaitingReason(run, index)
        case .run:
            makeReady(run, index)
        case .upstreamFailed:
            let cause = run.steps[index].upstreamCause ?? "a needed step failed"
            run.steps[index].failureCause = cause
            setState(run, index, .upstreamFailed, "upstream_failed: \(cause)")
            finished.append(index)
        case .skip:
            setState(run, index, .skipped, "skipped: trigger rule \(run.pipeline.rules[index].rawValue) not met")
            finished.append(index)
        }
    }

    /// Names the first need that has not finished (`pending: waiting for
    /// validate`); the cursor only moves forward, so this is amortised O(1).
    private func refreshWaitingReason(_ run: RunRuntime, _ index: Int) {
        let needs = run.pipeline.needs[index]
        var cursor = run.steps[index].waitCursor
        while cursor < needs.count && run.steps[needs[cursor]].state.isFinal { cursor += 1 }
        run.steps[index].waitCursor = cursor
        guard cursor < needs.count else { return }
        if run.steps[index].state == .pending && !run.steps[index].journaled {
            // Not written yet (see emitStep): render the reason when it is read.
            run.steps[index].reasonFromNeed = true
            run.steps[index].reasonNeed = Int32(cursor)
            return
        }
        let reason = "pending: waiting for \(run.pipeline.stepIDs[needs[cursor]])"
        if run.steps[index].reason != reason || run.steps[index].state != .pending {
            setState(run, index, .pending, reason)
        }
    }

    /// Tells the downstream steps of steps that just became final, and
    /// theirs in turn when they are decided without running (an explicit
    /// work list: a 10,000-step chain must not recurse). Finishes the run
    /// when every step is final.
    func propagate(_ run: RunRuntime, _ roots: [Int]) {
        var work = roots
        while let upstream = work.popLast() {
            let state = run.steps[upstream].state
            for child in run.pipeline.downstream[upstream] where run.steps[child].state == .pending {
                switch state {
                case .succeeded: run.steps[child].counts.succeeded += 1
                case .skipped: run.steps[child].counts.skipped += 1
                default:
                    run.steps[child].counts.failed += 1
                    if run.steps[child].upstreamCause == nil {
                        run.steps[child].upstreamCause = run.steps[upstream].failureCause ?? "\(run.pipeline.stepIDs[upstream]) \(state.rawValue)"
                    }
                }
                apply(decision(run, child), run, child, finished: &work)
            }
        }
        if run.record.state == .running && run.finalCount == run.steps.count {
            finishRun(run)
        }
    }

    /// Recomputes a reset step's counts from its needs' current states.
    func recount(_ run: RunRuntime, _ index: Int) {
        var counts = UpstreamCounts(total: run.pipeline.needs[index].count)
        var cause: String?
        for need in run.pipeline.needs[index] {
            let state = run.steps[need].state
            guard state.isFinal else { continue }
            switch state {
            case .succeeded: counts.succeeded += 1
            case .skipped: counts.skipped += 1
            default:
                counts.failed += 1
                if cause == nil { cause = run.steps[need].failureCause ?? "\(run.pipeline.stepIDs[need]) \(state.rawValue)" }
            }
        }
        run.steps[index].counts = counts
        run.steps[index].upstreamCause = cause
        run.steps[index].waitCursor = 0
    }

    // MARK: Attempts

    func beginAttempt(_ run: RunRuntime, _ index: Int) {
        let pipeline = run.pipeline
        let attempt = run.steps[index].attempts + 1
        let total = pipeline.retries[index] + 1
        run.steps[index].attempts = attempt
        run.steps[index].spans.append(AttemptSpan(attempt: attempt, start: now, end: nil, state: .running))
        run.steps[index].logSequence = 0
        run.steps[index].tail = []
        run.steps[index].tailTruncated = false
        setState(run, index, .running, total > 1 ? "running (attempt \(attempt)/\(total))" : "running")
        let key = AttemptKey(run: run.record.id, step: pipeline.stepIDs[index], attempt: attempt)
        emitAttempt(run, index, StepAttemptRecord(key: key, state: .running, startedAt: now))
        let timeout = pipeline.timeouts[index]
        switch pipeline.actions[index] {
        case .simulate(let distribution, let failureProbability):
            let duration = distribution.sample(using: &random)
            let fails = Sampling.unitInterval(using: &random) < failureProbability
            let outcome: AttemptOutcome = fails
                ? .failed(.failed, reason: "failed: simulated failure", exitCode: nil)
                : .succeeded(exitCode: nil, reason: succeededReason(duration))
            scheduleEnd(run, index, attempt: attempt, after: duration, timeout: timeout, outcome: outcome)
        case .builtin(let name):
            guard let task = builtins.task(named: name) else {
                scheduleEnd(run, index, attempt: attempt, after: .zero, timeout: nil,
                            outcome: .failed(.failed, reason: "failed: unknown builtin \(name)", exitCode: nil))
                return
            }
            let context = BuiltinContext(key: key, pipeline: run.pipeline.spec.id, params: run.record.params, now: now,
                                         random: builtinRandom(run: run.record.id, step: index, attempt: attempt),
                                         when: pipeline.spec.steps[index].when, data: project.data, models: project.models.map(\.id),
                                         champions: project.models.compactMap { engine.registry?.champion($0.id) },
                                         workingDirectory: workingDirectory, codeVersion: run.record.codeVersion,
                                         runtime: engine.runtime, runState: run.builtinState)
            let result = task.run(context)
            for line in result.logLines { appendLog(run, index, key: key, stream: .stdout, text: line, realOffset: nil) }
            if let state = result.runState { run.builtinState = state }
            run.steps[index].builtinArtifacts = result.artifacts
            run.steps[index].registration = result.registration
            let outcome: AttemptOutcome
            if result.skipped {
                outcome = .skipped(reason: "skipped: \(result.reason)")
            } else if result.succeeded {
                outcome = .succeeded(exitCode: nil, reason: "succeeded in \(result.duration.compactDescription)")
            } else {
                outcome = .failed(.failed, reason: result.reason.isEmpty ? "failed" : "failed: \(result.reason)", exitCode: nil)
            }
            scheduleEnd(run, index, attempt: attempt, after: result.duration, timeout: timeout, outcome: outcome)
        case .shell(let command):
            guard let shell else {
                scheduleEnd(run, index, attempt: attempt, after: .zero, timeout: nil,
                            outcome: .failed(.failed, reason: "failed: could not start: no shell launcher", exitCode: nil))
                return
            }
            shell.launch(ShellCommandTemplate.request(for: pipeline.spec.steps[index], command: command, key: key, params: run.record.params,
                                                      workingDirectory: workingDirectory))
        }
    }

    /// `succeeded in 30s`: the last one is kept, since runs of
    /// fixed-duration steps ask for the same text again and again.
    private func succeededReason(_ duration: SimDuration) -> String {
        if let cached = lastSucceededReason, cached.duration == duration { return cached.text }
        let text = "succeeded in \(duration.compactDescription)"
        lastSucceededReason = (duration, text)
        return text
    }

    /// A builtin attempt's own stream: the `builtin` stream's seed mixed
    /// with the run id, the step's position and the attempt number (so the
    /// task's draws never shift the scheduler's stream).
    private func builtinRandom(run: RunID, step: Int, attempt: Int) -> Xoshiro256StarStar {
        let mixed = builtinSeed ^ (UInt64(bitPattern: run.value) &* 0x9E37_79B9_7F4A_7C15)
            ^ (UInt64(step) &* 0xC2B2_AE3D_27D4_EB4F) ^ (UInt64(attempt) &* 0x1656_67B1_9E37_79F9)
        return Xoshiro256StarStar(seed: mixed)
    }

    /// Schedules the end of a simulated or builtin attempt: its outcome
    /// after `duration`, or a timeout when `timeout` is shorter.
    private func scheduleEnd(_ run: RunRuntime, _ index: Int, attempt: Int, after duration: SimDuration, timeout: SimDuration?, outcome: AttemptOutcome) {
        var outcome = outcome
        var delay = duration
        if let timeout, duration > timeout {
            delay = timeout
            outcome = .failed(.timedOut, reason: "timed out after \(timeout)", exitCode: nil)
        }
        run.steps[index].scheduledOutcome = outcome
        run.steps[index].event = engine.schedule(at: now + delay, event: .attemptDue(run.record.id, step: index, attempt: attempt))
    }

    func attemptDue(run id: RunID, step index: Int, attempt: Int) {
        guard let run = runs[id], run.steps[index].attempts == attempt, run.steps[index].state == .running,
              let outcome = run.steps[index].scheduledOutcome else { return }
        run.steps[index].event = nil
        run.steps[index].scheduledOutcome = nil
        finishAttempt(run, index, outcome)
        settle()
    }

    func retryDue(run id: RunID, step index: Int, attempt: Int) {
        guard let run = runs[id], run.record.state == .running, run.steps[index].attempts == attempt,
              run.steps[index].state == .retrying else { return }
        run.steps[index].event = nil
        makeReady(run, index)
        settle()
    }

    func appendLog(_ run: RunRuntime, _ index: Int, key: AttemptKey, stream: LogStream, text: String, realOffset: Int64?) {
        let line = LogLine(key: key, sequence: run.steps[index].logSequence, time: now, realOffsetMilliseconds: realOffset, stream: stream, text: text)
        run.steps[index].logSequence += 1
        run.steps[index].tail.append(line)
        if run.steps[index].tail.count >= 2 * tailCapacity {
            run.steps[index].tail.removeFirst(tailCapacity)
            run.steps[index].tailTruncated = true
        }
        journal.append(.log(line))
    }

    /// Applies an attempt's end: outputs, the attempt record, then success,
    /// a retry, or the step's failure and its propagation.
    func finishAttempt(_ run: RunRuntime, _ index: Int, _ outcome: AttemptOutcome) {
        let pipeline = run.pipeline
        let attempt = run.steps[index].attempts
        let key = AttemptKey(run: run.record.id, step: run.pipeline.stepIDs[index], attempt: attempt)
        releaseSlot(run, index)
        var outcome = outcome
        var artifacts: [ArtifactRecord] = []
        let written = run.steps[index].builtinArtifacts
        let registration = run.steps[index].registration
        run.steps[index].builtinArtifacts = []
        run.steps[index].registration = nil
        if case .succeeded = outcome {
            artifacts = written.map { ArtifactRecord(key: key, path: $0.path, sha256: $0.sha256, size: $0.size, time: now) }
            if let registration {
                do {
                    let version = try engine.registerModelVersion(model: registration.model, lineage: registration.lineage,
                                                                  metrics: registration.metrics, artifact: registration.artifact,
                                                                  description: registration.description, at: now)
                    appendLog(run, index, key: key, stream: .stdout,
                              text: "registered \(version.model) v\(version.version) (\(version.state.rawValue))", realOffset: nil)
                } catch {
                    outcome = .failed(.failed, reason: "failed: could not register: \(error)", exitCode: nil)
                    artifacts = []
                }
            }
        }
        if case .succeeded(let exitCode, _) = outcome, !pipeline.outputs[index].isEmpty, let hasher {
            if case .simulate = pipeline.actions[index] {} else {
                for path in pipeline.outputs[index] {
                    do {
                        let digest = try hasher.hash(path: resolve(path))
                        artifacts.append(ArtifactRecord(key: key, path: path, sha256: digest.sha256, size: digest.size, time: now))
                    } catch {
                        outcome = .failed(.failed, reason: "output \(path) was not written", exitCode: exitCode)
                        artifacts = []
                        break
                    }
                }
            }
        }
        let started = run.steps[index].spans.last?.start ?? now
        let attemptState: AttemptState, reason: String, exitCode: Int32?
        var skipped = false
        switch outcome {
        case .succeeded(let code, let text): (attemptState, reason, exitCode) = (.succeeded, text, code)
        case .failed(let state, let text, let code): (attemptState, reason, exitCode) = (state, text, code)
        case .skipped(let text): (attemptState, reason, exitCode, skipped) = (.succeeded, text, nil, true)
        }
        if !run.steps[index].spans.isEmpty {
            run.steps[index].spans[run.steps[index].spans.count - 1].end = now
            run.steps[index].spans[run.steps[index].spans.count - 1].state = attemptState
        }
        emitAttempt(run, index, StepAttemptRecord(key: key, state: attemptState, startedAt: started, endedAt: now, exitCode: exitCode, reason: reason))
        for artifact in artifacts { journal.append(.artifact(artifact)) }
        if skipped {
            setState(run, index, .skipped, reason)
            propagate(run, [index])
            return
        }
        if attemptState == .succeeded {
            setState(run, index, .succeeded, reason)
            propagate(run, [index])
            return
        }
        let total = pipeline.retries[index] + 1
        if attempt < total {
            let delay = pipeline.spec.steps[index].retryDelay(forRetry: attempt, random: &random)
            setState(run, index, .retrying, "retrying in \(delay.compactDescription) (attempt \(attempt + 1)/\(total))")
            appendLog(run, index, key: key, stream: .system, text: "\(reason); retrying in \(delay.compactDescription)", realOffset: nil)
            run.steps[index].event = engine.schedule(at: now + delay, event: .retryDue(run.record.id, step: index, attempt: attempt))
            return
        }
        let cause = Self.cause(step: run.pipeline.stepIDs[index], reason: reason)
        run.steps[index].failureCause = cause
        if run.failureCause == nil { run.failureCause = cause }
        setState(run, index, .failed, reason)
        propagate(run, [index])
    }

    /// `train failed (exit 3)`, `train timed out after 10m`,
    /// `sample failed: output data/sample.csv was not written`.
    static func cause(step: String, reason: String) -> String {
        if reason.hasPrefix("failed") || reason.hasPrefix("timed out") || reason.hasPrefix("marked") || reason.hasPrefix("cancelled") {
            return "\(step) \(reason)"
        }
        return "\(step) failed: \(reason)"
    }

    /// An output path relative to the working directory.
    func resolve(_ path: String) -> String {
        if path.hasPrefix("/") { return path }
        return workingDirectory.hasSuffix("/") ? workingDirectory + path : workingDirectory + "/" + path
    }

    /// Stops whatever a step is doing (running attempt, retry wait, pool
    /// queue) without deciding its new state. A running attempt is recorded
    /// as `attemptState` with `reason`.
    func stopActivity(_ run: RunRuntime, _ index: Int, attemptState: AttemptState, reason: String) {
        if let event = run.steps[index].event {
            engine.cancel(event)
            run.steps[index].event = nil
        }
        run.steps[index].scheduledOutcome = nil
        switch run.steps[index].state {
        case .queued:
            run.steps[index].queueToken &+= 1
        case .running:
            let attempt = run.steps[index].attempts
            let key = AttemptKey(run: run.record.id, step: run.pipeline.stepIDs[index], attempt: attempt)
            if case .shell = run.pipeline.actions[index] { shell?.cancel(key) }
            releaseSlot(run, index)
            let started = run.steps[index].spans.last?.start ?? now
            if !run.steps[index].spans.isEmpty {
                run.steps[index].spans[run.steps[index].spans.count - 1].end = now
                run.steps[index].spans[run.steps[index].spans.count - 1].state = attemptState
            }
            emitAttempt(run, index, StepAttemptRecord(key: key, state: attemptState, startedAt: started, endedAt: now, reason: reason))
        default:
            break
        }
    }

    // MARK: Shell results

    /// Applies what the shell launcher posted, at the current simulated
    /// time; true when there was something.
    @discardableResult
    func drainShell() -> Bool {
        guard let shell else { return false }
        let events = shell.drain()
        guard !events.isEmpty else { return false }
        for event in events {
            switch event {
            case .output(let key, let stream, let text, let offset):
                guard let (run, index) = locateRunning(key) else { continue }
                appendLog(run, index, key: key, stream: stream, text: text, realOffset: offset)
            case .finished(let key, let result):
                guard let (run, index) = locateRunning(key) else { continue }
                finishAttempt(run, index, outcome(of: result, step: run.pipeline.spec.steps[index]))
            }
        }
        settle()
        return true
    }

    private func locateRunning(_ key: AttemptKey) -> (RunRuntime, Int)? {
        guard let run = runs[key.run], let index = run.pipeline.stepIndex[key.step],
              run.steps[index].attempts == key.attempt, run.steps[index].state == .running else { return nil }
        return (run, index)
    }

    private func outcome(of result: ShellOutcome, step: StepSpec) -> AttemptOutcome {
        if let error = result.launchError {
            return .failed(.failed, reason: "failed: could not start: \(error)", exitCode: nil)
        }
        if result.timedOut {
            let limit = step.timeout.map { "\($0)" } ?? "\(SimDuration(milliseconds: result.realDurationMilliseconds))"
            return .failed(.timedOut, reason: "timed out after \(limit)", exitCode: result.exitCode)
        }
        if result.cancelled {
            return .failed(.failed, reason: "failed: process was cancelled", exitCode: result.exitCode)
        }
        if let signal = result.signal {
            return .failed(.failed, reason: "failed: killed by signal \(signal)", exitCode: nil)
        }
        guard let code = result.exitCode else {
            return .failed(.failed, reason: "failed: no exit status", exitCode: nil)
        }
        if code == 0 {
            return .succeeded(exitCode: 0, reason: "succeeded in \(SimDuration(milliseconds: result.realDurationMilliseconds).compactDescription) (real time)")
        }
        return .failed(.failed, reason: "failed (exit \(code))", exitCode: code)
    }
}
