import SimKernel

/// One rollout of a candidate version on a deployment: the strategy
/// compiled into a step plan, and the live state of that plan.
///
/// The engine calls ``evaluate(at:metrics:candidateApproved:using:)`` at
/// ``nextWakeTime`` at the latest and after an approval or a command; it
/// applies the returned effects in order (routing changes with their
/// reasons, registry approvals, promotion). Operators act through
/// ``apply(_:at:by:reason:candidateApproved:)``, ``setWeight(_:at:by:)`` and
/// ``hold(arm:_:at:by:)``. The value is `Codable`: persisted as JSON and
/// decoded after a restart, it continues exactly where it stopped.
public struct Rollout: Sendable, Hashable, Codable {
    public let deployment: String
    public let strategy: StrategySpec
    public let stable: Int
    public let candidate: Int
    /// Replicas per version.
    public let replicas: Int
    public internal(set) var startedAt: SimTime
    public internal(set) var phase: RolloutPhase
    /// Why the rollout is in its phase (one line).
    public internal(set) var reason: String
    /// The current step (0-based); equals the plan's length once promoted.
    public internal(set) var stepIndex: Int
    /// The routing the rollout asks for now.
    public internal(set) var routing: RoutingTable

    var steps: [RolloutStep]
    var marks: [StepMark]
    var entered = false
    var stepStartedAt: SimTime
    var analysis: AnalysisRun?
    var background: AnalysisRun?
    /// The analysis measured most recently (for the screen).
    var lastAnalysis: AnalysisRun?
    var abTest: ABTestRun?
    var bandit: BanditRun?
    var approvalRequested = false
    var switchedAt: SimTime?
    /// Rolling: old replicas running and new replicas ready.
    var rollingOld: Int
    var rollingNew = 0
    var batchReadyAt: SimTime?
    var operatorHold: OperatorHold?
    /// Routing changes due later (a downtime ending, a rolling restore).
    var scheduled: [ScheduledRoute] = []

    /// A step's state in the plan list.
    enum StepMark: String, Sendable, Hashable, Codable {
        case pending, current, done, failed, skipped
    }

    /// An operator's pause.
    struct OperatorHold: Sendable, Hashable, Codable {
        var by: String
        var since: SimTime
        var phaseBefore: RolloutPhase
        var reasonBefore: String
    }

    /// A routing change due at `time`.
    struct ScheduledRoute: Sendable, Hashable, Codable {
        var time: SimTime
        var routing: RoutingTable
        var why: String
    }

    /// Compiles `deployment`'s strategy into a plan that moves traffic from
    /// `stable` to `candidate` (each running `replicas` replicas), starting
    /// at `time` (the first evaluation enters the first step).
    public init(deployment: DeploymentSpec, stable: Int, candidate: Int, replicas: Int, at time: SimTime) {
        self.deployment = deployment.id
        self.strategy = deployment.strategy
        self.stable = stable
        self.candidate = candidate
        self.replicas = max(1, replicas)
        self.startedAt = time
        self.steps = RolloutStep.plan(for: deployment.strategy, replicas: max(1, replicas))
        self.marks = Array(repeating: .pending, count: steps.count)
        self.stepIndex = 0
        self.stepStartedAt = time
        self.rollingOld = max(1, replicas)
        self.phase = .progressing
        self.reason = "starting: v\(stable) -> v\(candidate)"
        self.routing = .single(stable, replicas: max(1, replicas))
    }

    /// When the rollout must be evaluated again at the latest (nil: only
    /// after an approval or a command).
    public var nextWakeTime: SimTime? {
        var times = scheduled.map(\.time)
        if phase.isActive, phase != .inconclusive, operatorHold == nil {
            if !entered {
                times.append(startedAt)
            } else {
                if let own = stepWakeTime { times.append(own) }
                if let background { times.append(background.nextMeasurementAt) }
            }
        }
        return times.min()
    }

    private var stepWakeTime: SimTime? {
        guard stepIndex < steps.count else { return nil }
        switch steps[stepIndex] {
        case .replace(let downtime): return routing.down ? stepStartedAt + downtime : nil
        case .pause(let duration): return stepStartedAt + duration
        case .analysis: return analysis?.isFinished == false ? analysis?.nextMeasurementAt : nil
        case .scaleDown(let delay): return (switchedAt ?? stepStartedAt) + delay
        case .batch: return batchReadyAt
        case .abTest: return abTest?.nextWakeTime
        case .bandit: return bandit?.nextWakeTime
        case .mirror, .preview, .weight, .dormant, .cohort, .approval, .switchOver, .promote: return nil
        }
    }

    /// Advances as far as the state allows at `now`: fires due routing
    /// changes, enters and completes steps, takes due measurements, rolls
    /// back on a failed analysis or a lost test, promotes at the end.
    /// `frozen` (why promotions are frozen, e.g. an SLO's spent error
    /// budget) holds the rollout at its current step: measurements and
    /// rollbacks go on, but a finished step does not lead to the next.
    public mutating func evaluate(at now: SimTime, metrics: some ServingMetricsReading, candidateApproved: Bool, frozen: String? = nil,
                                  using generator: inout some RandomNumberGenerator) -> [RolloutEffect] {
        var effects = fireScheduled(at: now)
        guard phase.isActive, phase != .inconclusive, operatorHold == nil else { return effects }
        if !entered {
            guard now >= startedAt else { return effects }
            effects += enterStep(at: now)
        }
        // Each pass completes at most one step; a plan never needs more passes than it has steps.
        for _ in 0...(steps.count + 1) {
            if var run = background, run.measureIfDue(at: now, candidate: candidate, stable: stable, metrics: metrics) {
                background = run
                lastAnalysis = run
                if run.outcome == .failed {
                    return effects + rollBack(because: run.reason ?? "background analysis failed", at: now)
                }
                if run.outcome == .inconclusive {
                    phase = .inconclusive
                    reason = "inconclusive: background analysis: \(run.reason ?? "")"
                    return effects + [.log("\(deployment): \(reason)")]
                }
            }
            let progress = progressStep(at: now, metrics: metrics, candidateApproved: candidateApproved, using: &generator)
            effects += progress.effects
            switch progress.result {
            case .wait:
                return effects
            case .done:
                if let frozen {
                    reason = "\(stepLabel): held, \(frozen)"
                    return effects
                }
                effects += completeStep(at: now)
                if !phase.isActive { return effects }
            case .rollBack(let why):
                return effects + rollBack(because: why, at: now)
            case .inconclusive(let why):
                phase = .inconclusive
                reason = "inconclusive: \(why)"
                return effects + [.log("\(deployment): \(reason)")]
            }
        }
        return effects
    }

    /// Fires the scheduled routing changes due at `now`.
    mutating func fireScheduled(at now: SimTime) -> [RolloutEffect] {
        var effects: [RolloutEffect] = []
        while let first = scheduled.first, first.time <= now {
            scheduled.removeFirst()
            routing = first.routing
            effects.append(.route(first.routing, why: first.why))
        }
        return effects
    }

    /// Marks the current step done and enters the next, or promotes.
    mutating func completeStep(at now: SimTime) -> [RolloutEffect] {
        if marks[stepIndex] == .current { marks[stepIndex] = .done }
        analysis = nil
        stepIndex += 1
        if stepIndex >= steps.count {
            return promote(at: now, why: "\(strategy.name): plan complete")
        }
        return enterPassingInstantSteps(at: now)
    }

    /// Enters the current step, and the ones after it while they complete
    /// as soon as they are entered (routing changes), so a command that
    /// moves the plan on leaves it at a step that waits.
    mutating func enterPassingInstantSteps(at now: SimTime) -> [RolloutEffect] {
        var effects = enterStep(at: now)
        while stepIndex < steps.count, completesOnEntry(steps[stepIndex]) {
            marks[stepIndex] = .done
            stepIndex += 1
            if stepIndex >= steps.count {
                return effects + promote(at: now, why: "\(strategy.name): plan complete")
            }
            effects += enterStep(at: now)
        }
        return effects
    }

    private func completesOnEntry(_ step: RolloutStep) -> Bool {
        switch step {
        case .mirror, .preview, .weight, .dormant, .cohort, .switchOver, .promote: return true
        case .replace(let downtime): return downtime == .zero
        case .pause, .approval, .analysis, .scaleDown, .batch, .abTest, .bandit: return false
        }
    }

    /// The candidate serves everything: the rollout is over.
    mutating func promote(at now: SimTime, why: String) -> [RolloutEffect] {
        var effects: [RolloutEffect] = []
        let final = RoutingTable.single(candidate, replicas: replicas)
        if routing != final {
            routing = final
            effects.append(.route(final, why: "promoted: v\(candidate) takes 100% (\(why))"))
        }
        for index in marks.indices where marks[index] == .pending || marks[index] == .current { marks[index] = .skipped }
        stepIndex = steps.count
        background = nil
        analysis = nil
        scheduled = []
        phase = .promoted
        reason = "promoted: v\(candidate) serves 100% (\(why))"
        effects.append(.promoted(version: candidate))
        return effects
    }

    /// Puts traffic back on the stable version (`phase` rolled back).
    mutating func rollBack(because why: String, at now: SimTime) -> [RolloutEffect] {
        let line = "rolled back: \(why)"
        var effects = restoreStable(at: now, why: line)
        if stepIndex < marks.count { marks[stepIndex] = .failed }
        phase = .rolledBack
        reason = line
        effects.append(.rolledBack(reason: line))
        return effects
    }

    /// Routes back to the stable version the way the strategy allows:
    /// instantly, again through a downtime (basic), or replica by replica
    /// (rolling). Returns the immediate routing change, if any; later ones
    /// are scheduled.
    mutating func restoreStable(at now: SimTime, why: String) -> [RolloutEffect] {
        analysis = nil
        background = nil
        approvalRequested = false
        batchReadyAt = nil
        scheduled = []
        let back = RoutingTable.single(stable, replicas: replicas)
        var immediate = back
        switch strategy {
        case .basic(let basic) where basic.downtime > .zero && routing.percent(of: candidate) > 0:
            immediate.down = true
            scheduled = [ScheduledRoute(time: now + basic.downtime, routing: back, why: "\(why) (v\(stable) up again)")]
        case .rolling(let rolling) where rollingNew > 0:
            // Starting replicas stop at once; ready new ones are replaced batch by batch.
            let batch = max(1, rolling.maxSurge + rolling.maxUnavailable)
            var old = rollingOld
            var new = rollingNew
            immediate = Self.rollingTable(stable: stable, candidate: candidate, old: old, new: new, starting: 0, previous: routing)
            var time = now
            while new > 0 {
                let size = min(batch, new)
                old = min(replicas, old + size)
                new -= size
                time += max(rolling.interval, .seconds(1))
                let table = new == 0 ? back
                    : Self.rollingTable(stable: stable, candidate: candidate, old: old, new: new, starting: 0, previous: routing)
                scheduled.append(ScheduledRoute(time: time, routing: table, why: "\(why) (restoring v\(stable): \(old)/\(replicas) replicas)"))
            }
            rollingOld = replicas
            rollingNew = 0
        default:
            break
        }
        var effects: [RolloutEffect] = []
        if routing != immediate || !scheduled.isEmpty {
            routing = immediate
            effects.append(.route(immediate, why: why))
        }
        return effects
    }

    /// Live shares follow ready replicas; `starting` new replicas run but take no traffic.
    static func rollingTable(stable: Int, candidate: Int, old: Int, new: Int, starting: Int, previous: RoutingTable) -> RoutingTable {
        let ready = old + new
        let live: [VersionWeight]
        var down = false
        if ready == 0 {
            live = previous.live
            down = true
        } else {
            let candidateShare = (Double(new) / Double(ready) * 10_000).rounded() / 100
            live = [VersionWeight(version: stable, percent: 100 - candidateShare), VersionWeight(version: candidate, percent: candidateShare)]
        }
        return RoutingTable(live: live, replicas: [VersionReplicas(version: stable, count: old), VersionReplicas(version: candidate, count: new + starting)],
                            down: down)
    }
}
