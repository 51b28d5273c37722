import SimKernel

extension Rollout {
    /// Applies an operator's command at `now`.
    ///
    /// - promote: the next step (at an approval gate it needs a reason and
    ///   asks for the registry approval to be recorded; on an inconclusive
    ///   analysis it accepts it and goes on).
    /// - promoteFull: the candidate takes all traffic now (needs a reason
    ///   while it is not approved and the plan has an approval gate).
    /// - pause / resume: an operator's hold; time spent held does not count
    ///   towards pauses, measurements or test durations. Resuming an
    ///   inconclusive analysis measures again.
    /// - abort: needs a reason; traffic back on the stable version.
    /// - retry: an aborted or rolled-back rollout starts again at step 1.
    public mutating func apply(_ action: RolloutAction, at now: SimTime, by operatorName: String, reason text: String?,
                               candidateApproved: Bool) -> Result<[RolloutEffect], RolloutRefusal> {
        let given = text.flatMap { $0.allSatisfy(\.isWhitespace) ? nil : $0 }
        switch action {
        case .promote: return promoteStep(at: now, by: operatorName, reason: given, candidateApproved: candidateApproved)
        case .promoteFull: return promoteFully(at: now, by: operatorName, reason: given, candidateApproved: candidateApproved)
        case .pause: return pause(at: now, by: operatorName, reason: given)
        case .resume: return resume(at: now, by: operatorName)
        case .abort: return abort(at: now, by: operatorName, reason: given)
        case .retry: return retry(at: now, by: operatorName)
        }
    }

    private func refuseUnlessActive(_ verb: String) -> RolloutRefusal? {
        phase.isActive ? nil : RolloutRefusal("cannot \(verb): the rollout of v\(candidate) is \(phase.rawValue)")
    }

    private mutating func promoteStep(at now: SimTime, by operatorName: String, reason given: String?,
                                      candidateApproved: Bool) -> Result<[RolloutEffect], RolloutRefusal> {
        if let refusal = refuseUnlessActive("promote") { return .failure(refusal) }
        if operatorHold != nil { return .failure(RolloutRefusal("cannot promote: paused by \(operatorHold?.by ?? "an operator"); resume first")) }
        if !entered {
            entered = true
            stepStartedAt = now
        }
        var effects: [RolloutEffect] = []
        if case .approval = steps[stepIndex], !candidateApproved {
            guard let given else { return .failure(RolloutRefusal("promote at an approval gate needs a reason (it records the approval of v\(candidate))")) }
            effects.append(.recordApproval(version: candidate, by: operatorName, reason: given))
        }
        let skipped = stepText(stepIndex)
        if phase == .inconclusive { background?.resumeAfterInconclusive(at: now) }
        switch steps[stepIndex] {
        case .pause, .analysis, .abTest, .bandit, .batch, .scaleDown, .replace:
            marks[stepIndex] = .skipped
        default:
            marks[stepIndex] = .done
        }
        effects.append(.log("\(deployment): \(operatorName) promoted past step \(stepIndex + 1)/\(steps.count) (\(skipped))"))
        phase = .progressing
        effects += completeStep(at: now)
        return .success(effects)
    }

    private mutating func promoteFully(at now: SimTime, by operatorName: String, reason given: String?,
                                       candidateApproved: Bool) -> Result<[RolloutEffect], RolloutRefusal> {
        if let refusal = refuseUnlessActive("promote") { return .failure(refusal) }
        var effects: [RolloutEffect] = []
        let gateAhead = steps[stepIndex...].contains { if case .approval = $0 { return true } else { return false } }
        if gateAhead, !candidateApproved {
            guard let given else { return .failure(RolloutRefusal("promote --full needs a reason: v\(candidate) is not approved yet")) }
            effects.append(.recordApproval(version: candidate, by: operatorName, reason: given))
        }
        operatorHold = nil
        effects += promote(at: now, why: "promoted fully by \(operatorName)" + (given.map { ": \($0)" } ?? ""))
        return .success(effects)
    }

    private mutating func pause(at now: SimTime, by operatorName: String, reason given: String?) -> Result<[RolloutEffect], RolloutRefusal> {
        if let refusal = refuseUnlessActive("pause") { return .failure(refusal) }
        if let hold = operatorHold { return .failure(RolloutRefusal("already paused by \(hold.by)")) }
        operatorHold = OperatorHold(by: operatorName, since: now, phaseBefore: phase, reasonBefore: reason)
        phase = .paused
        reason = "paused by \(operatorName)" + (given.map { ": \($0)" } ?? "")
        return .success([.log("\(deployment): \(reason)")])
    }

    private mutating func resume(at now: SimTime, by operatorName: String) -> Result<[RolloutEffect], RolloutRefusal> {
        if let hold = operatorHold {
            let held = now - hold.since
            shiftTimers(by: held)
            operatorHold = nil
            phase = hold.phaseBefore
            reason = hold.reasonBefore
            return .success([.log("\(deployment): resumed by \(operatorName) after \(held)")])
        }
        if phase == .inconclusive {
            if var run = analysis, run.outcome == .inconclusive {
                run.resumeAfterInconclusive(at: now)
                analysis = run
            }
            background?.resumeAfterInconclusive(at: now)
            phase = .progressing
            reason = "\(stepLabel): measuring again (resumed by \(operatorName))"
            return .success([.log("\(deployment): analysis resumed by \(operatorName)")])
        }
        return .failure(RolloutRefusal("cannot resume: the rollout is not paused by an operator (it is \(phase.rawValue))"))
    }

    /// Moves every pending time `duration` later (after an operator's hold).
    private mutating func shiftTimers(by duration: SimDuration) {
        stepStartedAt += duration
        analysis?.shift(by: duration)
        background?.shift(by: duration)
        abTest?.shift(by: duration)
        bandit?.shift(by: duration)
        if let switchedAt { self.switchedAt = switchedAt + duration }
        if let batchReadyAt { self.batchReadyAt = batchReadyAt + duration }
        if !entered { startedAt += duration }
    }

    private mutating func abort(at now: SimTime, by operatorName: String, reason given: String?) -> Result<[RolloutEffect], RolloutRefusal> {
        if let refusal = refuseUnlessActive("abort") { return .failure(refusal) }
        guard let given else { return .failure(RolloutRefusal("abort needs a reason")) }
        let line = "aborted by \(operatorName): \(given)"
        operatorHold = nil
        var effects = restoreStable(at: now, why: line)
        if stepIndex < marks.count { marks[stepIndex] = .failed }
        phase = .aborted
        reason = line
        effects.append(.aborted(reason: line))
        return .success(effects)
    }

    private mutating func retry(at now: SimTime, by operatorName: String) -> Result<[RolloutEffect], RolloutRefusal> {
        guard phase == .aborted || phase == .rolledBack else {
            return .failure(RolloutRefusal("cannot retry: only an aborted or rolled-back rollout can start again (it is \(phase.rawValue))"))
        }
        if let pending = scheduled.last {
            return .failure(RolloutRefusal("cannot retry yet: v\(stable) is still being restored (until \(pending.time))"))
        }
        stepIndex = 0
        marks = Array(repeating: .pending, count: steps.count)
        startedAt = now
        analysis = nil
        background = nil
        lastAnalysis = nil
        abTest = nil
        bandit = nil
        switchedAt = nil
        rollingOld = replicas
        rollingNew = 0
        operatorHold = nil
        var effects: [RolloutEffect] = [.log("\(deployment): rollout of v\(candidate) retried by \(operatorName)")]
        effects += enterPassingInstantSteps(at: now)
        return .success(effects)
    }

    /// The live weights an operator may set: from the plan's smallest to
    /// its largest weight below 100 (canary and feature flag only).
    public var weightBounds: ClosedRange<Int>? {
        let weights = steps.compactMap { step -> Int? in
            switch step {
            case .weight(let percent), .cohort(let percent): return percent
            default: return nil
            }
        }
        let positive = weights.filter { $0 > 0 }
        guard let lower = positive.min() else { return nil }
        let upper = weights.filter { $0 < 100 }.max() ?? 99
        return lower...max(lower, upper)
    }

    /// Sets the candidate's live share (the user cohort for a feature flag)
    /// within ``weightBounds``; the next weight step of the plan replaces it.
    public mutating func setWeight(_ percent: Int, at now: SimTime, by operatorName: String) -> Result<[RolloutEffect], RolloutRefusal> {
        let split: SplitKey
        switch strategy {
        case .canary: split = .request
        case .featureFlag: split = .user
        default:
            return .failure(RolloutRefusal("\(strategy.name) has no adjustable weight (only canary and feature_flag)"))
        }
        if let refusal = refuseUnlessActive("set the weight") { return .failure(refusal) }
        guard let bounds = weightBounds else { return .failure(RolloutRefusal("the plan has no weight steps")) }
        guard bounds.contains(percent) else {
            return .failure(RolloutRefusal("weight \(percent)% is outside the plan's bounds \(bounds.lowerBound)%-\(bounds.upperBound)%"))
        }
        if !entered {
            entered = true
            stepStartedAt = now
            marks[stepIndex] = .current
        }
        startBackground(at: now, percent: percent)
        let candidateReplicas = split == .user ? replicas : replicas(forPercent: Double(percent))
        let table = table(candidatePercent: Double(percent), stableReplicas: replicas, candidateReplicas: candidateReplicas, split: split)
        return .success(route(table, why: "weight set to \(percent)% by \(operatorName)"))
    }

    /// Pins, freezes or releases a bandit arm.
    public mutating func hold(arm version: Int, _ hold: BanditArmHold, at now: SimTime, by operatorName: String) -> Result<[RolloutEffect], RolloutRefusal> {
        guard case .bandit = strategy else { return .failure(RolloutRefusal("\(strategy.name) has no bandit arms")) }
        if let refusal = refuseUnlessActive("\(hold.rawValue) an arm") { return .failure(refusal) }
        guard var run = bandit else { return .failure(RolloutRefusal("the bandit has not started yet")) }
        guard run.hold(version, hold) else {
            return .failure(RolloutRefusal("v\(version) is not an arm (arms: v\(stable), v\(candidate))"))
        }
        bandit = run
        var table = routing
        table.live = run.live
        let verb = hold == .pin ? "pinned" : hold == .freeze ? "frozen" : "released"
        return .success(route(table, why: "bandit arm v\(version) \(verb) by \(operatorName): \(banditSplitText(run))")
                        + [.log("\(deployment): arm v\(version) \(verb) by \(operatorName)")])
    }
}
