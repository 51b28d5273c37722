import SimKernel

/// One model as declared under `models:` in the project file: how its
/// versions get approved, how long an approval may wait, and how old
/// versions are cleaned up.
public struct ModelSpec: Sendable, Equatable {
    /// The model's id (`fraud`).
    public var id: String
    /// One line shown in lists.
    public var description: String?
    /// Who or what approves a candidate.
    public var policy: PromotionPolicy
    /// How long an approval request waits before ``onTimeout`` applies
    /// (nil: it waits for ever).
    public var approvalTimeout: SimDuration?
    /// The decision applied when an approval request times out.
    public var onTimeout: TimeoutDecision
    /// Which old versions cleanup archives and whose artifacts it drops.
    public var retention: RetentionSpec
    /// How often cleanup runs by itself (nil: only by command).
    public var cleanupEvery: SimDuration?
    /// `bootstrap: {rows: N}`: when the registry has no version of the model
    /// at start, train one on N rows drawn from `data:` at the start time and
    /// make it the approved champion (so deployments have something to serve).
    public var bootstrapRows: Int?

    public init(id: String, description: String? = nil, policy: PromotionPolicy = .manual, approvalTimeout: SimDuration? = nil,
                onTimeout: TimeoutDecision = .reject, retention: RetentionSpec = RetentionSpec(), cleanupEvery: SimDuration? = nil) {
        self.id = id
        self.description = description
        self.policy = policy
        self.approvalTimeout = approvalTimeout
        self.onTimeout = onTimeout
        self.retention = retention
        self.cleanupEvery = cleanupEvery
    }
}

/// How a candidate version gets approved.
public enum PromotionPolicy: Sendable, Equatable, CustomStringConvertible {
    /// One operator approves (or rejects) with a reason.
    case manual
    /// The rule decides as soon as the approval is requested.
    case auto(PromotionRule)
    /// Two different operators must approve; one reject rejects.
    case twoPerson

    /// How many distinct approvers an approval needs.
    public var approvalsNeeded: Int {
        switch self {
        case .manual, .auto: return 1
        case .twoPerson: return 2
        }
    }

    /// `manual`, `two_person`, `auto: auc >= champion.auc + 0.005`.
    public var description: String {
        switch self {
        case .manual: return "manual"
        case .twoPerson: return "two_person"
        case .auto(let rule): return "auto: \(rule.text)"
        }
    }
}

/// The default decision of an approval request that timed out.
public enum TimeoutDecision: String, Sendable, Equatable, Codable, CaseIterable {
    case reject, approve
}

/// `retention: {keep_last: N, max_artifact_age: DURATION}`.
public struct RetentionSpec: Sendable, Equatable {
    /// Versions without an alias beyond the newest N are archived and their
    /// artifacts removed (nil: no limit).
    public var keepLast: Int?
    /// Artifacts of unprotected versions older than this are removed (nil: no limit).
    public var maxArtifactAge: SimDuration?

    public init(keepLast: Int? = nil, maxArtifactAge: SimDuration? = nil) {
        self.keepLast = keepLast
        self.maxArtifactAge = maxArtifactAge
    }
}
