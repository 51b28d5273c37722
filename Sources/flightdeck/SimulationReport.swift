import Engine
import Foundation
import TUICore

/// What `simulate` reports: the outcome of the simulated span (the same for
/// the same project, seed, span and options) and, apart, how the machine
/// did (``Measurement``: wall time, speed, memory), which differs per run.
struct SimulationReport: Encodable {
    struct Pipeline: Encodable, Equatable {
        let id: String
        let runs: Int
        let succeeded: Int
        let failed: Int
        let cancelled: Int
        let active: Int
        let attempts: Int
        let retries: Int
        let lastRun: Int64?
        let lastState: String?
        let lastReason: String?
    }

    struct VersionCost: Encodable, Equatable {
        let version: Int
        let requests: Int
        let errors: Int
        let replicaHours: Double
    }

    struct Deployment: Encodable, Equatable {
        let id: String
        let strategy: String
        let mode: String
        let phase: String
        let stableVersion: Int?
        let candidateVersion: Int?
        let reason: String
        let split: String
        let requests: Int
        let errors: Int
        let replicaHours: Double
        let rollouts: RolloutTally
        /// Cost and traffic per version served, in the order deployed.
        let versions: [VersionCost]
    }

    struct Model: Encodable, Equatable {
        let id: String
        let policy: String
        let versionsRegistered: Int
        let latestVersion: Int?
        let champion: Int?
        /// Times the champion alias moved (promotions).
        let promotions: Int
        let approved: Int
        let rejected: Int
        /// Decisions by who took them (`timeout`, `auto`, `simulate`, a rollout gate...), by name.
        let decidedBy: [Count]
        let pending: Int
        let states: [Count]
    }

    struct Count: Encodable, Equatable {
        let name: String
        let count: Int
    }

    struct Alert: Encodable, Equatable {
        let id: String
        let state: String
        let severity: String?
        let fired: Int
        let firingMs: Int64
        let lastFired: String?
        let message: String
    }

    struct DriftPoint: Encodable, Equatable {
        let time: Int64
        let mean: Double
        let max: Double
    }

    struct Drift: Encodable, Equatable {
        let monitor: String
        let feature: String
        let method: String
        let warn: Double?
        let alert: Double?
        /// Bucket width in milliseconds.
        let bucketMs: Int64
        let points: [DriftPoint]
    }

    struct SLO: Encodable, Equatable {
        let monitor: String
        let slo: String
        let target: Double
        let budgetRemaining: Double
        let lowestBudget: Double
        let burnRates: [Burn]
        let good: Int
        let total: Int
    }

    struct Burn: Encodable, Equatable {
        let window: String
        let rate: Double
    }

    struct Rollouts: Encodable, Equatable {
        let started: Int
        let promoted: Int
        let rolledBack: Int
        let aborted: Int
        let reasons: [RollbackReason]
        let otherReasons: Int
        let newest: [RolloutOutcome]
    }

    struct Approvals: Encodable, Equatable {
        /// `approve-all`, `reject-all`, or nil: requests wait for their timeout.
        let whatIf: String?
        let decided: Int
        let refused: [String]
        let note: String
    }

    /// How the machine did; not part of the deterministic outcome.
    struct Measurement: Encodable {
        let wallSeconds: Double
        let simulatedPerWallSecond: Double
        let requestsPerSecond: Double
        let peakResidentBytes: Int?
        let memory: [MemorySample]
    }

    let project: String
    let seed: UInt64
    let simulatedMs: Int64
    let clock: String
    let completed: Bool
    let pipelines: [Pipeline]
    let models: [Model]
    let approvals: Approvals
    let deployments: [Deployment]
    let rollouts: Rollouts
    let requests: Int
    let errors: Int
    let replicaHours: Double
    let alerts: [Alert]
    let drift: [Drift]
    let slos: [SLO]
    /// The continuous-training stories, oldest first.
    let stories: [CTStory]
    let missedEvents: Int
    var measurement: Measurement?

    init(engine: Engine, spec: ProjectSpec, driver: SimulationDriver, completed: Bool) {
        project = spec.name
        seed = engine.seed
        simulatedMs = engine.now.milliseconds
        clock = engine.now.clockLabel
        self.completed = completed
        pipelines = spec.pipelines.map { pipeline in
            let runs = engine.runs(pipeline: pipeline.id)
            var attempts = 0, retries = 0
            for run in runs {
                for step in (try? engine.steps(run: run.id)) ?? [] {
                    attempts += step.attempts
                    retries += max(0, step.attempts - 1)
                }
            }
            return Pipeline(
                id: pipeline.id, runs: runs.count,
                succeeded: runs.filter { $0.state == .succeeded }.count,
                failed: runs.filter { $0.state == .failed }.count,
                cancelled: runs.filter { $0.state == .cancelled }.count,
                active: runs.filter { !$0.state.isFinal }.count,
                attempts: attempts, retries: retries,
                lastRun: runs.first?.id.value, lastState: runs.first?.state.rawValue, lastReason: runs.first?.reason
            )
        }
        models = (engine.registry.map { registry in
            registry.modelIDs.map { id in Self.model(id, registry: registry) }
        }) ?? []
        approvals = Approvals(
            whatIf: driver.whatIf?.rawValue, decided: driver.decided, refused: driver.refused,
            note: driver.whatIf.map { "every pending approval decided at once by \(SimulationDriver.user): \($0.reason)" }
                ?? "pending approvals wait for an operator; a model's approval_timeout applies its on_timeout, without one they stay pending"
        )
        let summaries = engine.currentDeployments()
        deployments = summaries.map { d in
            Deployment(id: d.id, strategy: d.strategy, mode: d.mode, phase: d.phase.rawValue, stableVersion: d.stableVersion,
                       candidateVersion: d.candidateVersion, reason: d.reason, split: d.routing.splitText,
                       requests: d.allVersions.requests, errors: d.allVersions.errors, replicaHours: d.allVersions.replicaHours,
                       rollouts: d.tally,
                       versions: engine.versionTotals(deployment: d.id).map {
                           VersionCost(version: $0.version, requests: $0.requests, errors: $0.errors, replicaHours: $0.replicaHours)
                       })
        }
        rollouts = Rollouts(
            started: summaries.reduce(0) { $0 + $1.tally.started }, promoted: summaries.reduce(0) { $0 + $1.tally.promoted },
            rolledBack: summaries.reduce(0) { $0 + $1.tally.rolledBack }, aborted: summaries.reduce(0) { $0 + $1.tally.aborted },
            reasons: driver.rollbackReasons, otherReasons: driver.otherRollbacks, newest: driver.outcomes.elements
        )
        requests = deployments.reduce(0) { $0 + $1.requests }
        errors = deployments.reduce(0) { $0 + $1.errors }
        replicaHours = deployments.reduce(0) { $0 + $1.replicaHours }
        alerts = engine.currentAlerts().map { alert in
            Alert(id: alert.id, state: alert.state.rawValue, severity: alert.severity?.rawValue, fired: alert.occurrences,
                  firingMs: driver.alertFiringMs.first { $0.alert == alert.id }?.ms ?? 0,
                  lastFired: alert.firedAt?.clockLabel, message: alert.message)
        }
        let monitors = engine.currentMonitors()
        drift = driver.drift.map { entry in
            let thresholds = monitors.first { $0.id == entry.monitor }?.features.first { $0.feature == entry.feature }?.thresholds
            return Drift(monitor: entry.monitor, feature: entry.feature, method: entry.method, warn: thresholds?.warn,
                         alert: thresholds?.alert, bucketMs: entry.series.width,
                         points: entry.series.buckets.map { DriftPoint(time: $0.start, mean: $0.mean, max: $0.max) })
        }
        slos = monitors.flatMap { monitor in
            monitor.slos.map { slo in
                SLO(monitor: monitor.id, slo: slo.id, target: slo.target, budgetRemaining: slo.budgetRemaining,
                    lowestBudget: driver.lowestBudget.first { $0.monitor == monitor.id && $0.slo == slo.id }?.budget ?? slo.budgetRemaining,
                    burnRates: slo.burnRates.map { Burn(window: $0.window.description, rate: $0.rate) }, good: slo.good, total: slo.total)
            }
        }
        stories = engine.snapshot(recentEventLimit: 0, recentRunLimit: 0, deploymentMetrics: .none).stories
        missedEvents = driver.missedEvents
    }

    private static func model(_ id: String, registry: ModelRegistry) -> Model {
        let versions = registry.versions(id)
        let decisions = registry.decisions(id)
        var byWho: [Count] = []
        for decision in decisions where decision.kind != .bootstrap {
            let who = decision.kind == .manual ? decision.identity.user : decision.kind.rawValue
            if let index = byWho.firstIndex(where: { $0.name == who }) {
                byWho[index] = Count(name: who, count: byWho[index].count + 1)
            } else {
                byWho.append(Count(name: who, count: 1))
            }
        }
        let states = VersionState.allCases.compactMap { state -> Count? in
            let count = versions.filter { $0.state == state }.count
            return count > 0 ? Count(name: state.rawValue, count: count) : nil
        }
        return Model(
            id: id, policy: registry.spec(id)?.policy.description ?? "-", versionsRegistered: versions.count,
            latestVersion: versions.last?.version, champion: registry.champion(id)?.version,
            promotions: registry.aliasHistory(id).filter { $0.alias == ModelRegistry.championAlias && $0.version != nil }.count,
            approved: decisions.filter { $0.approve && $0.kind != .bootstrap }.count,
            rejected: decisions.filter { !$0.approve }.count,
            decidedBy: byWho, pending: registry.pendingRequests.filter { $0.model == id }.count, states: states
        )
    }
}
