import SimKernel

/// What the Deployments screen and `flightdeck rollout status` show of one
/// deployment (a copy; part of ``EngineSnapshot``).
public struct DeploymentSummary: Sendable, Hashable, Codable {
    public var id: String
    public var description: String?
    public var model: String
    /// `realtime`, `batch`, `streaming` or `edge`.
    public var mode: String
    /// A one-line state of the serving mode: `42 req/s`, `lag 1,240 (8s)`,
    /// `next job 02:00; last 10,000 rows in 5s`, `312/500 devices on v3, 61 offline`.
    public var modeStatus: String
    /// The strategy's YAML name (``StrategySpec/name``).
    public var strategy: String
    public var stableVersion: Int?
    public var candidateVersion: Int?
    public var phase: RolloutPhase
    /// Why the rollout is in its phase: `paused: waiting 10m (4m left)`,
    /// `rolled back: p99_latency_ms 182 >= 150`.
    public var reason: String
    /// The current step (0-based) of `plan`, nil when no rollout runs.
    public var stepIndex: Int?
    public var plan: [PlanStepSummary]
    /// Live shares and mirror, as routed now.
    public var routing: RoutingTable
    /// The candidate's live share over time (newest last, bounded).
    public var trafficHistory: [TrafficPoint]
    /// Per version in the deployment (stable first), side by side.
    public var versions: [VersionServingSummary]
    /// The latest analysis measurement's checks (empty when none ran).
    public var analysis: [AnalysisCheck]
    /// `passed 2/3 measurements`, `inconclusive: 120 requests < 200`, ...
    public var analysisVerdict: String?
    public var bandit: BanditSummary?
    public var abTest: ABTestSummary?
    /// The slides' comparison for the strategy in use.
    public var traits: StrategyTraits
    /// The newest traffic changes (newest last, bounded).
    public var recentChanges: [TrafficChange]
    /// How the rollouts this engine ran since it started ended.
    public var tally: RolloutTally
    /// Every version's counters added up (version 0), retired ones included,
    /// since this engine started.
    public var allVersions: VersionTotals

    public init(id: String, description: String? = nil, model: String, mode: String, modeStatus: String, strategy: String,
                stableVersion: Int?, candidateVersion: Int?, phase: RolloutPhase, reason: String, stepIndex: Int?,
                plan: [PlanStepSummary], routing: RoutingTable, trafficHistory: [TrafficPoint], versions: [VersionServingSummary],
                analysis: [AnalysisCheck], analysisVerdict: String?, bandit: BanditSummary?, abTest: ABTestSummary?,
                traits: StrategyTraits, recentChanges: [TrafficChange], tally: RolloutTally = RolloutTally(),
                allVersions: VersionTotals = VersionTotals(version: 0)) {
        self.id = id
        self.description = description
        self.model = model
        self.mode = mode
        self.modeStatus = modeStatus
        self.strategy = strategy
        self.stableVersion = stableVersion
        self.candidateVersion = candidateVersion
        self.phase = phase
        self.reason = reason
        self.stepIndex = stepIndex
        self.plan = plan
        self.routing = routing
        self.trafficHistory = trafficHistory
        self.versions = versions
        self.analysis = analysis
        self.analysisVerdict = analysisVerdict
        self.bandit = bandit
        self.abTest = abTest
        self.traits = traits
        self.recentChanges = recentChanges
        self.tally = tally
        self.allVersions = allVersions
    }
}

/// Whose per-version window figures a snapshot computes (see
/// ``Engine/snapshot(recentEventLimit:recentRunLimit:deploymentMetrics:)``).
public enum DeploymentMetricsScope: Sendable, Hashable {
    case all
    case none
    /// One deployment (nil: the first in project-file order).
    case only(String?)
}

/// Counts of rollouts by how they ended.
public struct RolloutTally: Sendable, Hashable, Codable {
    public var started = 0
    public var promoted = 0
    public var rolledBack = 0
    public var aborted = 0
    public init(started: Int = 0, promoted: Int = 0, rolledBack: Int = 0, aborted: Int = 0) {
        self.started = started
        self.promoted = promoted
        self.rolledBack = rolledBack
        self.aborted = aborted
    }
}

/// Where a deployment's rollout stands.
public enum RolloutPhase: String, Sendable, Hashable, Codable, CaseIterable {
    /// No version deployed yet (nothing serves).
    case empty
    /// Serving the stable version; no rollout in progress.
    case stable
    /// Advancing through the plan.
    case progressing
    /// Held by an operator or a pause step.
    case paused
    /// At a gate waiting for the candidate's registry approval.
    case awaitingApproval = "awaiting-approval"
    /// Analysis inconclusive beyond its limit: an operator decides.
    case inconclusive
    /// The candidate took all traffic (it is the new stable version).
    case promoted
    /// Rolled back automatically (a failed analysis, a lost test).
    case rolledBack = "rolled-back"
    /// Stopped by an operator (traffic back on the stable version).
    case aborted

    /// Whether a rollout is under way (not yet promoted, rolled back or aborted).
    public var isActive: Bool {
        switch self {
        case .progressing, .paused, .awaitingApproval, .inconclusive: return true
        case .empty, .stable, .promoted, .rolledBack, .aborted: return false
        }
    }
}

/// One step of a rollout plan as listed on screen (`set weight 10%`,
/// `pause 10m`, `wait for approval`, `analysis: error_rate < 1%, ...`).
public struct PlanStepSummary: Sendable, Hashable, Codable {
    public enum Status: String, Sendable, Hashable, Codable {
        case done, current, pending, failed, skipped
    }
    public var text: String
    public var status: Status
    public init(text: String, status: Status) {
        self.text = text
        self.status = status
    }
}

/// The candidate's live share at a time (for the traffic chart).
public struct TrafficPoint: Sendable, Hashable, Codable {
    public var time: SimTime
    public var candidatePercent: Double
    public init(time: SimTime, candidatePercent: Double) {
        self.time = time
        self.candidatePercent = candidatePercent
    }
}

/// One version's figures side by side with the others.
public struct VersionServingSummary: Sendable, Hashable, Codable {
    public enum Role: String, Sendable, Hashable, Codable {
        case stable, candidate, previous
    }
    public var version: Int
    public var role: Role
    /// Live share now, percent, and the mirror share if mirrored.
    public var livePercent: Double
    public var mirrorPercent: Double
    /// Over the deployment's display window (default 5 minutes).
    public var window: VersionWindowMetrics
    public var totals: VersionTotals
    public var replicas: Int
    /// The version's latency/error profile in use.
    public var profile: ServingProfile
    /// Latency of its answered requests since it entered the deployment, in
    /// seconds (for the metrics export); computed with the window figures
    /// (nil when the snapshot skipped this deployment's windows).
    public var latency: MetricHistogram?
    public init(version: Int, role: Role, livePercent: Double, mirrorPercent: Double, window: VersionWindowMetrics,
                totals: VersionTotals, replicas: Int, profile: ServingProfile, latency: MetricHistogram? = nil) {
        self.latency = latency
        self.version = version
        self.role = role
        self.livePercent = livePercent
        self.mirrorPercent = mirrorPercent
        self.window = window
        self.totals = totals
        self.replicas = replicas
        self.profile = profile
    }
}

/// One condition of an analysis measurement: value against threshold.
public struct AnalysisCheck: Sendable, Hashable, Codable {
    public enum Outcome: String, Sendable, Hashable, Codable {
        case pass, fail, inconclusive
    }
    /// The condition as written (`p99_latency_ms < 150`).
    public var condition: String
    /// The candidate's value (nil when there was too little traffic).
    public var value: Double?
    /// The threshold it was compared with (stable-relative ones resolved).
    public var threshold: Double?
    public var outcome: Outcome
    /// `182 >= 150`, `only 120 requests (< 200)`.
    public var detail: String
    public init(condition: String, value: Double?, threshold: Double?, outcome: Outcome, detail: String) {
        self.condition = condition
        self.value = value
        self.threshold = threshold
        self.outcome = outcome
        self.detail = detail
    }
}

/// A bandit's arms.
public struct BanditSummary: Sendable, Hashable, Codable {
    public var algorithm: String
    public var arms: [BanditArm]
    /// Expected reward lost against always pulling the best arm (by
    /// posterior means), in rewards.
    public var regret: Double
    public init(algorithm: String, arms: [BanditArm], regret: Double) {
        self.algorithm = algorithm
        self.arms = arms
        self.regret = regret
    }
}

/// One bandit arm (a version) with its Beta posterior.
public struct BanditArm: Sendable, Hashable, Codable {
    public var version: Int
    public var alpha: Double
    public var beta: Double
    public var pulls: Int
    /// Probability that this arm is the best (from posterior draws).
    public var probabilityBest: Double
    public var percent: Double
    public var pinned: Bool
    public var frozen: Bool
    public init(version: Int, alpha: Double, beta: Double, pulls: Int, probabilityBest: Double, percent: Double,
                pinned: Bool, frozen: Bool) {
        self.version = version
        self.alpha = alpha
        self.beta = beta
        self.pulls = pulls
        self.probabilityBest = probabilityBest
        self.percent = percent
        self.pinned = pinned
        self.frozen = frozen
    }

    /// The posterior mean alpha / (alpha + beta).
    public var mean: Double { alpha / (alpha + beta) }
}

/// An A/B test's state.
public struct ABTestSummary: Sendable, Hashable, Codable {
    public var kpi: String
    /// Per arm: samples and KPI value (stable arm first).
    public var stableSamples: Int
    public var stableValue: Double?
    public var candidateSamples: Int
    public var candidateValue: Double?
    public var pValue: Double?
    public var minSamples: Int
    /// `running: 812/2000 samples`, `winner: v3 (p = 0.003)`, `inconclusive after 12h`.
    public var verdict: String
    public init(kpi: String, stableSamples: Int, stableValue: Double?, candidateSamples: Int, candidateValue: Double?,
                pValue: Double?, minSamples: Int, verdict: String) {
        self.kpi = kpi
        self.stableSamples = stableSamples
        self.stableValue = stableValue
        self.candidateSamples = candidateSamples
        self.candidateValue = candidateValue
        self.pValue = pValue
        self.minSamples = minSamples
        self.verdict = verdict
    }
}

/// The comparison of strategies from the seeds (no downtime, condition-based,
/// rollback time, additional cost), for the strategy in use.
public struct StrategyTraits: Sendable, Hashable, Codable {
    public var noDowntime: Bool
    public var conditionBased: Bool
    /// `instant`, `fast`, `slow`, `n/a`.
    public var rollbackTime: String
    /// `none`, `low`, `medium`, `high`.
    public var additionalCost: String
    public init(noDowntime: Bool, conditionBased: Bool, rollbackTime: String, additionalCost: String) {
        self.noDowntime = noDowntime
        self.conditionBased = conditionBased
        self.rollbackTime = rollbackTime
        self.additionalCost = additionalCost
    }
}

/// One persisted change of a deployment's routing: when, to what, why, who.
public struct TrafficChange: Sendable, Hashable, Codable {
    public var deployment: String
    public var time: SimTime
    public var routing: RoutingTable
    /// `canary step 3/7: weight 25%`, `rolled back: error_rate 0.031 >= 0.01`.
    public var why: String
    /// An operator's login name, or `rollout` for automatic changes.
    public var who: String
    public init(deployment: String, time: SimTime, routing: RoutingTable, why: String, who: String) {
        self.deployment = deployment
        self.time = time
        self.routing = routing
        self.why = why
        self.who = who
    }
}

/// An operator's rollout command (keys p, P, Space, a, r and the CLI).
public enum RolloutAction: String, Sendable, Hashable, Codable, CaseIterable {
    /// Go to the next step (at an approval gate: records the approval).
    case promote
    /// Skip the rest of the plan: the candidate takes all traffic.
    case promoteFull = "promote-full"
    case pause
    case resume
    /// Roll back to the stable version and stop the rollout.
    case abort
    /// Start an aborted or rolled-back rollout again from its first step.
    case retry
}
