import SimKernel

/// A deployment's progressive-delivery strategy (the deployment patterns of
/// the seeds) with its parameters, as written under `strategy:`.
public enum StrategySpec: Sendable, Hashable, Codable {
    /// Replace the stable version with the candidate at once, with an
    /// optional downtime window during which requests fail.
    case basic(BasicStrategy)
    /// Mirror a share of live requests to the candidate; its answers are
    /// discarded but scored and compared with the live ones.
    case shadow(ShadowStrategy)
    /// Shift live traffic in steps (weight, pause, approval, analysis).
    case canary(CanaryStrategy)
    /// Split users by a hash of their id and test the KPI for significance.
    case abTest(ABTestStrategy)
    /// A full preview environment, pre-promotion analysis, an instant switch
    /// and an instant rollback while the old environment stays warm.
    case blueGreen(BlueGreenStrategy)
    /// Traffic follows the arms' reward posteriors (Thompson sampling or
    /// epsilon-greedy).
    case bandit(BanditStrategy)
    /// Replicas replaced one batch at a time.
    case rolling(RollingStrategy)
    /// The candidate deployed dormant, then switched on for a cohort of users
    /// or for all.
    case featureFlag(FeatureFlagStrategy)

    /// The YAML key: basic, shadow, canary, ab_test, blue_green, bandit,
    /// rolling, feature_flag.
    public var name: String {
        switch self {
        case .basic: return "basic"
        case .shadow: return "shadow"
        case .canary: return "canary"
        case .abTest: return "ab_test"
        case .blueGreen: return "blue_green"
        case .bandit: return "bandit"
        case .rolling: return "rolling"
        case .featureFlag: return "feature_flag"
        }
    }

    /// Every strategy name, in the order above.
    public static let names = ["basic", "shadow", "canary", "ab_test", "blue_green", "bandit", "rolling", "feature_flag"]
}

/// `basic: {downtime: 30s, analysis: {...}}`.
public struct BasicStrategy: Sendable, Hashable, Codable {
    /// How long requests fail while the new version starts (0 = none).
    public var downtime: SimDuration
    /// Runs after the replacement (once the downtime is over); a failure
    /// replaces the candidate with the stable version again (with the same
    /// downtime).
    public var analysis: AnalysisSpec?
    public init(downtime: SimDuration = .zero, analysis: AnalysisSpec? = nil) {
        self.downtime = downtime
        self.analysis = analysis
    }
}

/// `shadow: {mirror: 100, analysis: {...}, approval: true}`: mirror, analyse
/// over the analysis window, then (after an approval when asked) switch.
public struct ShadowStrategy: Sendable, Hashable, Codable {
    /// Share of live requests copied to the candidate, 1-100.
    public var mirrorPercent: Int
    public var analysis: AnalysisSpec
    /// Whether the switch waits for the version's registry approval.
    public var requiresApproval: Bool
    public init(mirrorPercent: Int = 100, analysis: AnalysisSpec, requiresApproval: Bool = true) {
        self.mirrorPercent = mirrorPercent
        self.analysis = analysis
        self.requiresApproval = requiresApproval
    }
}

/// One step of a canary or feature-flag plan.
public enum RolloutStepSpec: Sendable, Hashable, Codable {
    /// Send this percentage (0-100) of live traffic to the candidate (for a
    /// feature flag: switch the candidate on for this share of users).
    case weight(Int)
    /// Wait this long (simulated time).
    case pause(SimDuration)
    /// Wait until the candidate version is approved in the registry (or an
    /// operator promotes with a reason, which records that approval).
    case approval
    /// Run this analysis (nil: the strategy's own) before going on.
    case analysis(AnalysisSpec?)
}

/// `canary: {steps: [...], analysis: {...}}`.
public struct CanaryStrategy: Sendable, Hashable, Codable {
    public var steps: [RolloutStepSpec]
    /// Runs in the background through the whole plan when given, and is
    /// the default of `analysis` steps without their own.
    public var analysis: AnalysisSpec?
    public init(steps: [RolloutStepSpec], analysis: AnalysisSpec? = nil) {
        self.steps = steps
        self.analysis = analysis
    }
}

/// The KPI an A/B test compares.
public enum ABTestKPI: String, Sendable, Hashable, Codable, CaseIterable {
    /// Correct predictions among labelled requests (higher is better).
    case accuracy
    /// Failed requests (lower is better).
    case errorRate = "error_rate"
}

/// `ab_test: {split: 50, kpi: accuracy, min_samples: 2000, alpha: 0.05,
/// max_duration: 12h, approval: true}`: users split by a hash of their id;
/// a two-sided two-proportion z-test on the KPI once both arms have
/// `minSamples`; ends with a winner (the candidate is promoted, after an
/// approval when asked; the stable one winning rolls back) or inconclusive
/// at `maxDuration` (rolled back, reason says inconclusive).
public struct ABTestStrategy: Sendable, Hashable, Codable {
    /// Percent of users sent to the candidate, 1-99.
    public var candidatePercent: Int
    public var kpi: ABTestKPI
    /// Per arm, labelled (accuracy) or served (error rate) requests.
    public var minSamples: Int
    public var alpha: Double
    public var maxDuration: SimDuration
    public var requiresApproval: Bool
    public init(candidatePercent: Int = 50, kpi: ABTestKPI = .accuracy, minSamples: Int = 2000, alpha: Double = 0.05,
                maxDuration: SimDuration = .hours(12), requiresApproval: Bool = true) {
        self.candidatePercent = candidatePercent
        self.kpi = kpi
        self.minSamples = minSamples
        self.alpha = alpha
        self.maxDuration = maxDuration
        self.requiresApproval = requiresApproval
    }
}

/// `blue_green: {preview_mirror: 100, pre_promotion: {...}, auto_promote: false,
/// post_promotion: {...}, scale_down_delay: 30m}`.
public struct BlueGreenStrategy: Sendable, Hashable, Codable {
    /// Share of live requests copied to the preview environment for the
    /// pre-promotion analysis (answers discarded), 0-100.
    public var previewMirrorPercent: Int
    public var prePromotionAnalysis: AnalysisSpec?
    /// Switch as soon as the pre-promotion analysis passes; otherwise wait
    /// for the version's registry approval.
    public var autoPromote: Bool
    /// Runs after the switch while the old environment is still warm; a
    /// failure switches back instantly.
    public var postPromotionAnalysis: AnalysisSpec?
    /// How long the old environment stays warm (instant rollback) after the switch.
    public var scaleDownDelay: SimDuration
    public init(previewMirrorPercent: Int = 100, prePromotionAnalysis: AnalysisSpec? = nil, autoPromote: Bool = false,
                postPromotionAnalysis: AnalysisSpec? = nil, scaleDownDelay: SimDuration = .minutes(30)) {
        self.previewMirrorPercent = previewMirrorPercent
        self.prePromotionAnalysis = prePromotionAnalysis
        self.autoPromote = autoPromote
        self.postPromotionAnalysis = postPromotionAnalysis
        self.scaleDownDelay = scaleDownDelay
    }
}

/// How a bandit picks the traffic split.
public enum BanditAlgorithm: Sendable, Hashable, Codable {
    /// Each arm's weight is its probability of having the best Beta
    /// posterior (estimated from seeded posterior draws).
    case thompson
    /// The best arm by mean reward gets 1 - epsilon, the rest share epsilon.
    case epsilonGreedy(epsilon: Double)
}

/// `bandit: {algorithm: thompson, update_every: 1m, min_pulls: 200,
/// confidence: 0.95, max_duration: 12h, approval: false}`: the reward of a
/// pull is a correct prediction on a labelled request; posteriors are
/// Beta(1 + successes, 1 + failures). The run ends when an arm is best with
/// `confidence` (after `minPulls` per arm) or at `maxDuration` (the arm with
/// the best mean wins); the candidate winning is promoted, the stable one
/// winning rolls back.
public struct BanditStrategy: Sendable, Hashable, Codable {
    public var algorithm: BanditAlgorithm
    public var updateEvery: SimDuration
    public var minPulls: Int
    public var confidence: Double
    public var maxDuration: SimDuration
    public var requiresApproval: Bool
    public init(algorithm: BanditAlgorithm = .thompson, updateEvery: SimDuration = .minutes(1), minPulls: Int = 200,
                confidence: Double = 0.95, maxDuration: SimDuration = .hours(12), requiresApproval: Bool = false) {
        self.algorithm = algorithm
        self.updateEvery = updateEvery
        self.minPulls = minPulls
        self.confidence = confidence
        self.maxDuration = maxDuration
        self.requiresApproval = requiresApproval
    }
}

/// `rolling: {max_unavailable: 1, max_surge: 1, interval: 2m, analysis: {...}}`:
/// each batch starts up to `maxSurge` new replicas and stops up to
/// `maxUnavailable` old ones; a batch is ready after `interval`; the
/// analysis (if any) runs after each batch. Live traffic follows the share
/// of ready replicas per version.
public struct RollingStrategy: Sendable, Hashable, Codable {
    public var maxUnavailable: Int
    public var maxSurge: Int
    public var interval: SimDuration
    public var analysis: AnalysisSpec?
    public init(maxUnavailable: Int = 1, maxSurge: Int = 1, interval: SimDuration = .minutes(2), analysis: AnalysisSpec? = nil) {
        self.maxUnavailable = maxUnavailable
        self.maxSurge = maxSurge
        self.interval = interval
        self.analysis = analysis
    }
}

/// `feature_flag: {steps: [{cohort: 10}, {pause: 30m}, approval, {cohort: 100}]}`:
/// the candidate is deployed dormant (replicas up, no traffic); a `weight`
/// step switches it on for that percent of users (by a hash of the user id,
/// so a user keeps their version).
public struct FeatureFlagStrategy: Sendable, Hashable, Codable {
    public var steps: [RolloutStepSpec]
    public var analysis: AnalysisSpec?
    public init(steps: [RolloutStepSpec], analysis: AnalysisSpec? = nil) {
        self.steps = steps
        self.analysis = analysis
    }
}
