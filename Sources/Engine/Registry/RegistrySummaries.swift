import SimKernel

/// A pending approval request as the screen shows it: which version, since
/// when, until when, who approved so far, and the candidate-vs-champion
/// metrics of this moment.
public struct PendingApproval: Sendable, Hashable, Codable {
    public var request: Int
    public var model: String
    public var version: Int
    public var requestedAt: SimTime
    public var deadline: SimTime?
    /// What happens at the deadline.
    public var onTimeout: TimeoutDecision
    /// `manual`, `two_person`.
    public var policy: String
    public var approvalsNeeded: Int
    public var approvers: [String]
    public var evidence: [EvidenceItem]

    public init(request: Int, model: String, version: Int, requestedAt: SimTime, deadline: SimTime?, onTimeout: TimeoutDecision,
                policy: String, approvalsNeeded: Int, approvers: [String], evidence: [EvidenceItem]) {
        self.request = request
        self.model = model
        self.version = version
        self.requestedAt = requestedAt
        self.deadline = deadline
        self.onTimeout = onTimeout
        self.policy = policy
        self.approvalsNeeded = approvalsNeeded
        self.approvers = approvers
        self.evidence = evidence
    }
}

/// How many versions are in one state.
public struct VersionStateCount: Sendable, Hashable, Codable {
    public var state: VersionState
    public var count: Int

    public init(state: VersionState, count: Int) {
        self.state = state
        self.count = count
    }
}

/// One model for the Models screen and `flightdeck models`.
public struct ModelSummary: Sendable, Hashable, Codable {
    public var id: String
    public var description: String?
    /// `manual`, `two_person`, `auto: auc >= champion.auc + 0.005`.
    public var policy: String
    /// Whether the project file declares it (false: only found in the store).
    public var declared: Bool
    public var championVersion: Int?
    /// Every alias pointing somewhere, by name.
    public var aliases: [AliasAssignment]
    public var versionCount: Int
    public var latestVersion: Int?
    /// States with at least one version, in life-cycle order.
    public var stateCounts: [VersionStateCount]
    /// Oldest first.
    public var pendingApprovals: [PendingApproval]
    /// The newest versions (at most ``ModelRegistry/snapshotVersionLimit``), newest first.
    public var versions: [VersionSummary]
    /// The version holding `champion` (also when it is older than ``versions`` reach).
    public var champion: ModelVersion?

    public init(id: String, description: String?, policy: String, declared: Bool, championVersion: Int?, aliases: [AliasAssignment],
                versionCount: Int, latestVersion: Int?, stateCounts: [VersionStateCount], pendingApprovals: [PendingApproval],
                versions: [VersionSummary] = [], champion: ModelVersion? = nil) {
        self.id = id
        self.description = description
        self.policy = policy
        self.declared = declared
        self.championVersion = championVersion
        self.aliases = aliases
        self.versionCount = versionCount
        self.latestVersion = latestVersion
        self.stateCounts = stateCounts
        self.pendingApprovals = pendingApprovals
        self.versions = versions
        self.champion = champion
    }
}

extension ModelRegistry {
    /// A pending request with the evidence of this moment.
    public func pendingApproval(_ request: ApprovalRequest) -> PendingApproval {
        PendingApproval(request: request.id, model: request.model, version: request.version, requestedAt: request.requestedAt,
                        deadline: request.deadline, onTimeout: request.onTimeout, policy: request.policy,
                        approvalsNeeded: request.approvalsNeeded, approvers: request.approvers,
                        evidence: evidence(request.model, version: request.version))
    }

    /// Every pending approval across models, oldest first.
    public var pendingApprovals: [PendingApproval] {
        pendingRequests.map(pendingApproval)
    }

    /// One summary per model, in ``modelIDs`` order.
    public func summaries() -> [ModelSummary] {
        models.map { state in
            let id = state.spec.id
            let counts = VersionState.allCases.compactMap { versionState -> VersionStateCount? in
                let count = state.versions.reduce(0) { $0 + ($1.state == versionState ? 1 : 0) }
                return count > 0 ? VersionStateCount(state: versionState, count: count) : nil
            }
            return ModelSummary(id: id, description: state.spec.description, policy: state.spec.policy.description,
                                declared: state.declared, championVersion: state.current[Self.championAlias],
                                aliases: aliases(id), versionCount: state.versions.count, latestVersion: state.versions.last?.version,
                                stateCounts: counts, pendingApprovals: requests(id).filter { $0.status == .pending }.map(pendingApproval),
                                versions: versionSummaries(id), champion: champion(id))
        }
    }
}
