import SimKernel

extension PipelineScheduler {
    private func who(_ user: String?) -> String {
        guard let user, !user.isEmpty else { return "operator" }
        return user
    }

    func compiled(_ id: String) -> CompiledPipeline? {
        pipelineIndex[id].map { pipelines[$0] }
    }

    /// `.trigger`: a manual run with params bound over the defaults.
    func trigger(pipeline id: String, bindings: [ParamBinding], by user: String?) -> CommandResult {
        guard let pipeline = compiled(id) else {
            let known = pipelines.map(\.spec.id)
            return .rejected("no pipeline \(id)" + (known.isEmpty ? " (the project has none)" : " (pipelines: \(known.joined(separator: ", ")))"))
        }
        let params: [ParamBinding]
        switch bind(bindings, for: pipeline) {
        case .bound(let bound): params = bound
        case .rejected(let message): return .rejected(message)
        }
        let trigger = user.map { "manual by \($0)" } ?? "manual"
        let run = createRun(pipeline, params: params, trigger: trigger)
        let message: String
        if run.record.state == .queued {
            message = "\(id) run \(run.record.id) (#\(run.record.number)) \(run.record.reason)"
        } else {
            message = "triggered \(id) run \(run.record.id) (#\(run.record.number))"
        }
        engine.record(.runTriggered, message + (user.map { " by \($0)" } ?? ""), subject: .run(run.record.id))
        return .applied(message)
    }

    /// `.cancelRun`: ends a queued or running run and all its unfinished steps.
    func cancel(_ id: RunID, by user: String?) -> CommandResult {
        guard let run = runs[id] ?? hydrate(id).run else { return .rejected(missingRun(id)) }
        guard !run.record.state.isFinal else {
            return .unchanged("run \(id) already \(run.record.state.rawValue)")
        }
        let reason = "cancelled by \(who(user))"
        let wasRunning = run.record.state == .running
        if !wasRunning { removeFromQueue(run) }
        for index in run.steps.indices where !run.steps[index].state.isFinal {
            stopActivity(run, index, attemptState: .cancelled, reason: reason)
            setState(run, index, .cancelled, reason)
        }
        run.record.state = .cancelled
        run.record.reason = reason
        run.record.endedAt = now
        emitRun(run)
        if wasRunning {
            pipelineStates[run.pipeline.ordinal].active -= 1
            pipelineStates[run.pipeline.ordinal].dirty = true
        }
        noteFinished(run)
        let message = "cancelled \(run.pipeline.spec.id) run \(id) (#\(run.record.number))"
        engine.record(.runCancelled, "\(message) by \(who(user))", subject: .run(id))
        return .applied(message)
    }

    /// `.rerunFromFailure`: succeeded steps are kept; every other step and
    /// everything downstream of it runs again (attempt numbers continue).
    func rerunFromFailure(_ id: RunID, by user: String?) -> CommandResult {
        let (found, problem) = runs[id].map { ($0, nil) } ?? hydrate(id)
        guard let run = found else { return .rejected(problem ?? missingRun(id)) }
        guard run.record.state.isFinal else {
            return .rejected("run \(id) is still \(run.record.state.rawValue); only a finished run can be rerun from failure")
        }
        guard run.record.state != .succeeded else {
            return .unchanged("run \(id) succeeded; nothing to rerun")
        }
        let roots = run.steps.indices.filter { run.steps[$0].state != .succeeded }
        reset(run, run.pipeline.downstreamClosure(of: roots))
        reactivate(run, reason: "running: rerun from failure by \(who(user))")
        let message = "rerunning \(run.pipeline.spec.id) run \(id) (#\(run.record.number)) from failure"
        engine.record(.runRerun, "\(message) by \(who(user))")
        return .applied(message)
    }

    /// `.clearStep`: the step and everything downstream run again.
    func clear(_ id: RunID, step: String, by user: String?) -> CommandResult {
        let (found, problem) = runs[id].map { ($0, nil) } ?? hydrate(id)
        guard let run = found else { return .rejected(problem ?? missingRun(id)) }
        guard let index = run.pipeline.stepIndex[step] else { return .rejected("run \(id) has no step \(step)") }
        guard run.record.state != .queued else { return .rejected("run \(id) has not started yet") }
        reset(run, run.pipeline.downstreamClosure(of: [index]))
        if run.record.state.isFinal {
            reactivate(run, reason: "running: \(step) cleared by \(who(user))")
        } else {
            evaluatePending(run)
        }
        let message = "cleared \(step) of \(run.pipeline.spec.id) run \(id) and its downstream"
        engine.record(.stepCleared, "\(message) by \(who(user))")
        return .applied(message)
    }

    /// `.markStep`: sets a final state by hand; downstream steps are reset
    /// and proceed from it.
    func mark(_ id: RunID, step: String, succeeded: Bool, by user: String?) -> CommandResult {
        let (found, problem) = runs[id].map { ($0, nil) } ?? hydrate(id)
        guard let run = found else { return .rejected(problem ?? missingRun(id)) }
        guard let index = run.pipeline.stepIndex[step] else { return .rejected("run \(id) has no step \(step)") }
        guard run.record.state != .queued else { return .rejected("run \(id) has not started yet") }
        let target: StepState = succeeded ? .succeeded : .failed
        guard run.steps[index].state != target else {
            return .unchanged("\(step) of run \(id) is already \(target.rawValue)")
        }
        let reason = "marked \(succeeded ? "success" : "failed") by \(who(user))"
        var downstream = run.pipeline.downstreamClosure(of: [index])
        downstream[index] = false
        stopActivity(run, index, attemptState: .cancelled, reason: reason)
        run.steps[index].failureCause = succeeded ? nil : Self.cause(step: step, reason: reason)
        setState(run, index, target, reason)
        // Downstream steps are recounted with the marked state.
        reset(run, downstream)
        if !succeeded { run.failureCause = run.steps[index].failureCause }
        if run.finalCount == run.steps.count {
            // Nothing left to run: the run's outcome is decided again now
            // (finishRun releases the active slot only of a running run).
            finishRun(run)
        } else if run.record.state.isFinal {
            reactivate(run, reason: "running: \(step) \(reason)")
        } else {
            evaluatePending(run)
        }
        let message = "marked \(step) of \(run.pipeline.spec.id) run \(id) \(succeeded ? "success" : "failed")"
        engine.record(.stepMarked, "\(message) by \(who(user))")
        return .applied(message)
    }

    /// Puts the marked steps back to pending, stopping what they were doing,
    /// and recounts their needs.
    func reset(_ run: RunRuntime, _ member: [Bool]) {
        run.failureCause = nil
        for index in run.steps.indices where member[index] {
            stopActivity(run, index, attemptState: .cancelled, reason: "cleared")
            run.steps[index].failureCause = nil
            run.steps[index].event = nil
            setState(run, index, .pending, "pending", emit: false)
        }
        for index in run.steps.indices where member[index] {
            recount(run, index)
            let needs = run.pipeline.needs[index]
            var cursor = 0
            while cursor < needs.count && run.steps[needs[cursor]].state.isFinal { cursor += 1 }
            run.steps[index].waitCursor = cursor
            run.steps[index].reason = cursor < needs.count ? "pending: waiting for \(run.pipeline.stepIDs[needs[cursor]])" : "pending: ready"
            run.steps[index].reasonFromNeed = false
            emitStep(run, index)
        }
    }

    func missingRun(_ id: RunID) -> String { "no run \(id)" }
}
