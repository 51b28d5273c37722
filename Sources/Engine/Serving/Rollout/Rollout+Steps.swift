import SimKernel

/// What a step did at one evaluation.
struct StepProgress {
    enum Result {
        case wait
        case done
        case rollBack(String)
        case inconclusive(String)
    }
    var result: Result
    var effects: [RolloutEffect] = []
}

extension Rollout {
    /// `canary step 3/7`.
    var stepLabel: String { "\(strategy.name) step \(stepIndex + 1)/\(steps.count)" }

    /// The plan line of step `index`.
    func stepText(_ index: Int) -> String {
        steps[index].text(stable: stable, candidate: candidate, replicas: replicas, strategy: strategy)
    }

    /// A table of both versions (ordered by version number).
    func table(candidatePercent: Double, stableReplicas: Int, candidateReplicas: Int, split: SplitKey = .request,
               mirror: MirrorRoute? = nil) -> RoutingTable {
        let live = [VersionWeight(version: stable, percent: 100 - candidatePercent), VersionWeight(version: candidate, percent: candidatePercent)]
        let counts = [VersionReplicas(version: stable, count: stableReplicas), VersionReplicas(version: candidate, count: candidateReplicas)]
        return RoutingTable(live: live.sorted { $0.version < $1.version }, split: split, mirror: mirror,
                            replicas: counts.sorted { $0.version < $1.version })
    }

    /// Candidate replicas for a live share: enough for the share, at least one.
    func replicas(forPercent percent: Double) -> Int {
        percent <= 0 ? 0 : min(replicas, max(1, Int((Double(replicas) * percent / 100).rounded(.up))))
    }

    /// Routes `table` (when it changes anything) with `why`.
    mutating func route(_ table: RoutingTable, why: String) -> [RolloutEffect] {
        guard table != routing else { return [] }
        routing = table
        return [.route(table, why: why)]
    }

    /// Enters the current step at `now`: sets its routing and its state.
    mutating func enterStep(at now: SimTime) -> [RolloutEffect] {
        entered = true
        stepStartedAt = now
        analysis = nil
        approvalRequested = false
        batchReadyAt = nil
        phase = .progressing
        guard stepIndex < steps.count else { return [] }
        marks[stepIndex] = .current
        let label = stepLabel
        reason = "\(label): \(stepText(stepIndex))"
        switch steps[stepIndex] {
        case .replace(let downtime):
            var table = RoutingTable.single(candidate, replicas: replicas)
            table.down = downtime > .zero
            if downtime > .zero { reason = "\(label): replacing v\(stable) with v\(candidate), down until \(now + downtime)" }
            return route(table, why: "\(label): replace v\(stable) with v\(candidate)" + (downtime > .zero ? " (down for \(downtime))" : ""))
        case .mirror(let percent, _):
            let table = table(candidatePercent: 0, stableReplicas: replicas, candidateReplicas: replicas,
                              mirror: MirrorRoute(version: candidate, percent: Double(percent)))
            return route(table, why: "\(label): mirror \(percent)% to v\(candidate)")
        case .preview(let mirror):
            let table = table(candidatePercent: 0, stableReplicas: replicas, candidateReplicas: replicas,
                              mirror: mirror > 0 ? MirrorRoute(version: candidate, percent: Double(mirror)) : nil)
            return route(table, why: "\(label): preview v\(candidate)" + (mirror > 0 ? " (mirror \(mirror)%)" : ""))
        case .weight(let percent):
            startBackground(at: now, percent: percent)
            let table = table(candidatePercent: Double(percent), stableReplicas: replicas,
                              candidateReplicas: replicas(forPercent: Double(percent)))
            return route(table, why: "\(label): weight \(percent)%")
        case .dormant:
            let table = table(candidatePercent: 0, stableReplicas: replicas, candidateReplicas: replicas, split: .user)
            return route(table, why: "\(label): v\(candidate) deployed dormant")
        case .cohort(let percent):
            startBackground(at: now, percent: percent)
            let table = table(candidatePercent: Double(percent), stableReplicas: replicas, candidateReplicas: replicas, split: .user)
            return route(table, why: "\(label): v\(candidate) on for \(percent)% of users")
        case .pause(let duration):
            phase = .paused
            reason = "paused: waiting \(duration) (until \(now + duration))"
            return []
        case .approval:
            phase = .awaitingApproval
            reason = "waiting for approval of v\(candidate)"
            return []
        case .analysis(let spec, let labelText):
            analysis = AnalysisRun(spec: spec, at: now)
            reason = "\(label): \(labelText) running"
            return []
        case .switchOver(let keepWarm):
            switchedAt = now
            var table = RoutingTable.single(candidate, replicas: replicas)
            if keepWarm {
                table = self.table(candidatePercent: 100, stableReplicas: replicas, candidateReplicas: replicas)
            }
            return route(table, why: "\(label): switch to v\(candidate)" + (keepWarm ? " (v\(stable) kept warm)" : ""))
        case .scaleDown(let delay):
            reason = "v\(candidate) live; v\(stable) kept warm until \((switchedAt ?? now) + delay) (instant rollback)"
            return []
        case .batch(let size, let ready):
            guard case .rolling(let rolling) = strategy else { return [] }
            let stopNow = min(rolling.maxUnavailable, size)
            rollingOld = max(0, replicas - (ready - size) - stopNow)
            rollingNew = ready - size
            batchReadyAt = now + max(rolling.interval, .seconds(1))
            let table = Self.rollingTable(stable: stable, candidate: candidate, old: rollingOld, new: rollingNew, starting: size, previous: routing)
            reason = "\(label): \(stepText(stepIndex)), ready at \(now + max(rolling.interval, .seconds(1)))"
            return route(table, why: "\(label): starting \(size) v\(candidate) replica\(size == 1 ? "" : "s") (\(ready)/\(replicas))")
        case .abTest:
            guard case .abTest(let ab) = strategy else { return [] }
            abTest = ABTestRun(spec: ab, stable: stable, candidate: candidate, at: now)
            let table = table(candidatePercent: Double(ab.candidatePercent), stableReplicas: replicas, candidateReplicas: replicas, split: .user)
            return route(table, why: "\(label): A/B split \(100 - ab.candidatePercent)/\(ab.candidatePercent) by user")
        case .bandit:
            guard case .bandit(let spec) = strategy else { return [] }
            let run = BanditRun(spec: spec, stable: stable, candidate: candidate, at: now)
            bandit = run
            var table = table(candidatePercent: 50, stableReplicas: replicas, candidateReplicas: replicas)
            table.live = run.live
            return route(table, why: "\(label): bandit starts \(banditSplitText(run))")
        case .promote:
            return []
        }
    }

    /// `v2 50%, v3 50%`.
    func banditSplitText(_ run: BanditRun) -> String {
        run.live.map { "v\($0.version) \(MetricText.percent($0.percent))" }.joined(separator: ", ")
    }

    /// Starts the strategy's background analysis once the candidate takes traffic.
    mutating func startBackground(at now: SimTime, percent: Int) {
        guard background == nil, percent > 0 else { return }
        switch strategy {
        case .canary(let canary): background = canary.analysis.map { AnalysisRun(spec: $0, at: now, background: true) }
        case .featureFlag(let flag): background = flag.analysis.map { AnalysisRun(spec: $0, at: now, background: true) }
        default: break
        }
    }

    /// Moves the current step on as far as `now` allows.
    mutating func progressStep(at now: SimTime, metrics: some ServingMetricsReading, candidateApproved: Bool,
                               using generator: inout some RandomNumberGenerator) -> StepProgress {
        guard stepIndex < steps.count else { return StepProgress(result: .done) }
        let label = stepLabel
        switch steps[stepIndex] {
        case .replace(let downtime):
            guard routing.down else { return StepProgress(result: .done) }
            guard now >= stepStartedAt + downtime else { return StepProgress(result: .wait) }
            var table = routing
            table.down = false
            return StepProgress(result: .done, effects: route(table, why: "\(label): v\(candidate) up after \(downtime) downtime"))
        case .mirror, .preview, .weight, .dormant, .cohort, .switchOver, .promote:
            return StepProgress(result: .done)
        case .pause(let duration):
            return StepProgress(result: now >= stepStartedAt + duration ? .done : .wait)
        case .approval:
            if candidateApproved { return StepProgress(result: .done, effects: [.log("\(deployment): v\(candidate) approved")]) }
            phase = .awaitingApproval
            reason = "waiting for approval of v\(candidate)"
            guard !approvalRequested else { return StepProgress(result: .wait) }
            approvalRequested = true
            return StepProgress(result: .wait, effects: [.requestApproval(version: candidate)])
        case .analysis(let spec, let labelText):
            guard !spec.conditions.isEmpty else { return StepProgress(result: .done) }
            var run = analysis ?? AnalysisRun(spec: spec, at: now)
            if run.measureIfDue(at: now, candidate: candidate, stable: stable, metrics: metrics) { lastAnalysis = run }
            analysis = run
            switch run.outcome {
            case .passed: return StepProgress(result: .done, effects: [.log("\(deployment): \(labelText) \(run.verdict)")])
            case .failed: return StepProgress(result: .rollBack(run.reason ?? "\(labelText) failed"))
            case .inconclusive: return StepProgress(result: .inconclusive("\(labelText): \(run.reason ?? "")"))
            case .running:
                phase = .progressing
                reason = "\(label): \(labelText) \(run.verdict)"
                return StepProgress(result: .wait)
            }
        case .scaleDown(let delay):
            guard now >= (switchedAt ?? stepStartedAt) + delay else { return StepProgress(result: .wait) }
            let table = RoutingTable.single(candidate, replicas: replicas)
            return StepProgress(result: .done, effects: route(table, why: "\(label): scale down v\(stable)"))
        case .batch(_, let ready):
            guard let readyAt = batchReadyAt, now >= readyAt else { return StepProgress(result: .wait) }
            rollingNew = ready
            rollingOld = replicas - ready
            batchReadyAt = nil
            let table = ready >= replicas ? RoutingTable.single(candidate, replicas: replicas)
                : Self.rollingTable(stable: stable, candidate: candidate, old: rollingOld, new: rollingNew, starting: 0, previous: routing)
            return StepProgress(result: .done, effects: route(table, why: "\(label): \(ready)/\(replicas) v\(candidate) replicas ready"))
        case .abTest:
            guard var run = abTest else { return StepProgress(result: .done) }
            run.update(at: now, metrics: metrics)
            abTest = run
            switch run.result {
            case .running:
                reason = "\(label): A/B test \(run.verdict)"
                return StepProgress(result: .wait)
            case .candidateWins: return StepProgress(result: .done, effects: [.log("\(deployment): \(run.outcomeText)")])
            case .stableWins, .inconclusive: return StepProgress(result: .rollBack(run.outcomeText))
            }
        case .bandit:
            guard var run = bandit else { return StepProgress(result: .done) }
            var effects: [RolloutEffect] = []
            if run.update(at: now, metrics: metrics, using: &generator) {
                var table = routing
                table.live = run.live
                effects = route(table, why: "\(label): bandit update: \(banditSplitText(run))")
            }
            bandit = run
            guard let winner = run.winner else {
                let best = run.arms.max { $0.probabilityBest < $1.probabilityBest }
                reason = "\(label): bandit: " + (best.map { "v\($0.version) best with P \(NumberText.format($0.probabilityBest, decimals: 3))" } ?? "running")
                return StepProgress(result: .wait, effects: effects)
            }
            if winner == candidate { return StepProgress(result: .done, effects: effects + [.log("\(deployment): \(run.outcomeText)")]) }
            return StepProgress(result: .rollBack(run.outcomeText), effects: effects)
        }
    }
}
