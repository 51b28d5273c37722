import Engine
import Foundation

/// What `--approve-all` / `--reject-all` decide on every pending approval.
enum WhatIfDecision: String, Sendable, Codable {
    case approveAll = "approve-all"
    case rejectAll = "reject-all"

    /// The reason recorded with each decision.
    var reason: String { "what-if: --\(rawValue)" }
}

/// One rollout that ended: promoted, rolled back or aborted.
struct RolloutOutcome: Sendable, Hashable, Codable {
    let time: Int64
    let clock: String
    let deployment: String
    let rolledBack: Bool
    let message: String
}

/// A rollback reason with the numbers in it replaced by `N`, and how often
/// rollbacks gave it.
struct RollbackReason: Sendable, Hashable, Codable {
    let deployment: String
    let reason: String
    var count: Int
    /// The newest rollback's full text.
    var example: String
}

/// The resident memory at the end of a simulated day.
struct MemorySample: Sendable, Hashable, Codable {
    let day: Int
    let residentBytes: Int
    let wallSeconds: Double
}

/// Drives an engine through a span of simulated time as fast as it goes, a
/// simulated minute at a time, and keeps what the report needs in fixed
/// memory: each alert's time firing, drift per feature as a
/// ``BoundedSeries`` folded from the drift rollups (which are then pruned
/// when they live in memory), each SLO's lowest budget, the newest rollout
/// outcomes and the rollback reasons, and the resident memory per day.
/// With a ``WhatIfDecision`` every pending approval is decided as soon as
/// the engine opens it (between two events), by the user `simulate`.
final class SimulationDriver {
    /// Simulated time per loop turn (between turns: progress, alert states,
    /// the event log's new entries).
    static let chunk = SimDuration.minutes(1)
    /// How often the drift rollups are folded into the series (and pruned).
    static let driftFoldEvery = SimDuration.hours(1)
    /// Buckets per drift series.
    static let driftBuckets = 120
    /// Rollout outcomes kept (the newest).
    static let outcomeCapacity = 20
    /// Distinct rollback reasons kept per run (later new ones are counted in ``otherRollbacks``).
    static let reasonCapacity = 50
    /// The user recorded with what-if decisions.
    static let user = "simulate"

    let engine: Engine
    let start: SimTime
    let end: SimTime
    let whatIf: WhatIfDecision?
    /// Whether drift rollups are deleted from the store once folded (for an
    /// in-memory store; a state directory keeps them).
    let pruneDrift: Bool

    /// Milliseconds each alert was active (firing or acknowledged), in the project's order.
    private(set) var alertFiringMs: [(alert: String, ms: Int64)] = []
    /// Drift series by monitor and feature, in first-seen order.
    private(set) var drift: [(monitor: String, feature: String, method: String, series: BoundedSeries)] = []
    /// The lowest budget remaining each SLO reached (sampled every chunk).
    private(set) var lowestBudget: [(monitor: String, slo: String, budget: Double)] = []
    private(set) var outcomes = RingBuffer<RolloutOutcome>(capacity: SimulationDriver.outcomeCapacity)
    private(set) var rollbackReasons: [RollbackReason] = []
    private(set) var otherRollbacks = 0
    /// Event-log entries that scrolled out between two reads (0 unless the log overflowed).
    private(set) var missedEvents = 0
    /// What-if decisions applied, and the ones the engine refused.
    private(set) var decided = 0
    private(set) var refused: [String] = []
    private(set) var memory: [MemorySample] = []
    private(set) var wallSeconds = 0.0

    private var seenEvents: Int
    private var foldedThrough: [String: SimTime] = [:]
    private var nextFold: SimTime
    private var tried: Set<Int> = []

    init(engine: Engine, span: SimDuration, whatIf: WhatIfDecision?, pruneDrift: Bool) {
        self.engine = engine
        start = engine.now
        end = engine.now + span
        self.whatIf = whatIf
        self.pruneDrift = pruneDrift
        seenEvents = engine.eventLog.totalAppended
        nextFold = engine.now + Self.driftFoldEvery
        alertFiringMs = engine.currentAlerts().map { (alert: $0.id, ms: Int64(0)) }
    }

    /// Runs to the end (or until `stop` says so, checked between events);
    /// `poll` runs between events too (the command channel), `turn` after
    /// each simulated minute (progress). Returns false when stopped early.
    func run(measureMemory: Bool, poll: @escaping () -> Void, stop: @escaping () -> Bool, turn: (SimulationDriver) -> Void) -> Bool {
        let wallStart = MonotonicClock.nanoseconds()
        defer { wallSeconds = Double(MonotonicClock.nanoseconds() - wallStart) / 1e9 }
        var stopped = false
        while engine.now < end {
            let target = Swift.min(end, engine.now + Self.chunk)
            engine.runUntilIdle(maxTime: target, waitForShell: true) { engine in
                poll()
                if self.whatIf != nil, let registry = engine.registry, registry.pendingRequestCount > 0 { self.decidePending() }
                if stop() {
                    stopped = true
                    return true
                }
                return false
            }
            if stopped { return false }
            observe(from: target - Self.chunk)
            if engine.now >= nextFold || engine.now >= end {
                foldDrift()
                nextFold = engine.now + Self.driftFoldEvery
            }
            let elapsed = engine.now - start
            if measureMemory, elapsed.milliseconds % SimDuration.days(1).milliseconds == 0, let rss = ResidentMemory.current() {
                memory.append(MemorySample(day: Int(elapsed.milliseconds / SimDuration.days(1).milliseconds), residentBytes: rss,
                                           wallSeconds: Double(MonotonicClock.nanoseconds() - wallStart) / 1e9))
            }
            wallSeconds = Double(MonotonicClock.nanoseconds() - wallStart) / 1e9
            turn(self)
        }
        return true
    }

    /// Decides every pending approval request once (a refused one is not retried).
    private func decidePending() {
        guard let whatIf, let registry = engine.registry else { return }
        for request in registry.pendingRequests where !tried.contains(request.id) {
            // Under two_person each approval needs another user.
            let needed = whatIf == .approveAll ? Swift.max(1, request.approvalsNeeded - request.approvers.count) : 1
            for index in 0..<needed {
                let user = index == 0 ? Self.user : "\(Self.user)-\(index + 1)"
                let identity = DecisionIdentity(user: user, wallTime: "")
                let command: EngineCommand = whatIf == .approveAll
                    ? .approve(model: request.model, version: request.version, reason: whatIf.reason, identity: identity)
                    : .reject(model: request.model, version: request.version, reason: whatIf.reason, identity: identity)
                let result = engine.apply(command, origin: CommandOrigin(user: user, source: .cli))
                if result.outcome == .applied {
                    decided += 1
                } else {
                    refused.append("\(request.model) v\(request.version): \(result.message)")
                    break
                }
            }
            tried.insert(request.id)
        }
    }

    /// After a chunk: alert time, SLO budgets, new rollout outcomes.
    private func observe(from chunkStart: SimTime) {
        let chunkMs = (engine.now - Swift.max(chunkStart, start)).milliseconds
        let alerts = engine.currentAlerts()
        for (index, alert) in alerts.enumerated() where index < alertFiringMs.count && alert.state.isActive {
            alertFiringMs[index].ms += chunkMs
        }
        for monitor in engine.currentMonitors() {
            for slo in monitor.slos {
                if let index = lowestBudget.firstIndex(where: { $0.monitor == monitor.id && $0.slo == slo.id }) {
                    lowestBudget[index].budget = Swift.min(lowestBudget[index].budget, slo.budgetRemaining)
                } else {
                    lowestBudget.append((monitor: monitor.id, slo: slo.id, budget: slo.budgetRemaining))
                }
            }
        }
        let log = engine.eventLog
        let fresh = log.totalAppended - seenEvents
        if fresh > log.count { missedEvents += fresh - log.count }
        for event in log.last(Swift.min(fresh, log.count)) where event.kind == .rolloutFinished {
            note(event)
        }
        seenEvents = log.totalAppended
    }

    private func note(_ event: EngineEvent) {
        var deployment = ""
        if case .deployment(let id)? = event.subject { deployment = id }
        let rolledBack = event.message.contains(": rolled back")
        outcomes.append(RolloutOutcome(time: event.time.milliseconds, clock: event.time.clockLabel, deployment: deployment,
                                       rolledBack: rolledBack, message: event.message))
        guard rolledBack else { return }
        let reason = Self.reasonKind(event.message, deployment: deployment)
        if let index = rollbackReasons.firstIndex(where: { $0.deployment == deployment && $0.reason == reason }) {
            rollbackReasons[index].count += 1
            rollbackReasons[index].example = event.message
        } else if rollbackReasons.count < Self.reasonCapacity {
            rollbackReasons.append(RollbackReason(deployment: deployment, reason: reason, count: 1, example: event.message))
        } else {
            otherRollbacks += 1
        }
    }

    /// The reason part of a rollback message (after `rolled back MODEL vN: `)
    /// with every number (digits and decimals not inside a name) replaced by `N`.
    static func reasonKind(_ message: String, deployment: String) -> String {
        var text = Substring(message)
        if let range = text.range(of: ": rolled back") {
            text = text[range.upperBound...]
            if let colon = text.range(of: ": ") { text = text[colon.upperBound...] }
        }
        var result = ""
        var inNumber = false
        var inName = false
        for character in text {
            let digit = character.isASCII && character.isNumber
            if inNumber && (digit || character == ".") { continue }
            if digit && !inName {
                // Digits inside a name (p99_latency_ms) belong to the name.
                result.append("N")
                inNumber = true
            } else {
                inNumber = false
                inName = character.isLetter || character == "_" || (digit && inName)
                result.append(character)
            }
        }
        return result
    }

    /// Folds the rollups stored since the last fold into the series, then
    /// prunes the folded ones from an in-memory store.
    private func foldDrift() {
        for monitor in engine.monitorIDs {
            let since = foldedThrough[monitor]
            guard let rollups = try? engine.driftHistory(monitor: monitor, since: since) else { continue }
            var newest = since
            for rollup in rollups where since.map({ rollup.time > $0 }) ?? true {
                newest = Swift.max(newest ?? rollup.time, rollup.time)
                guard let value = rollup.value else { continue }
                if let index = drift.firstIndex(where: { $0.monitor == monitor && $0.feature == rollup.feature }) {
                    drift[index].series.add(time: rollup.time.milliseconds, value: value)
                } else {
                    var series = BoundedSeries(capacity: Self.driftBuckets, width: SimDuration.minutes(1).milliseconds)
                    series.add(time: rollup.time.milliseconds, value: value)
                    drift.append((monitor: monitor, feature: rollup.feature, method: rollup.method.rawValue, series: series))
                }
            }
            foldedThrough[monitor] = newest
            if pruneDrift, let newest {
                // Keep the newest instant's rollups: the next fold starts after them.
                _ = try? engine.pruneDriftHistory(before: newest)
            }
        }
    }
}
