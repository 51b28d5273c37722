import SimKernel

/// Who decided: the OS login name, the SSH client address when there is one,
/// and the wall-clock time as ISO-8601 text. All provided by the caller (the
/// CLI or the UI); the engine never reads them from the system.
public struct DecisionIdentity: Sendable, Hashable, Codable {
    public var user: String
    public var sshClient: String?
    /// E.g. `2026-03-01T14:05:09Z`; empty for decisions the engine takes itself.
    public var wallTime: String

    public init(user: String, sshClient: String? = nil, wallTime: String) {
        self.user = user
        self.sshClient = sshClient
        self.wallTime = wallTime
    }

    /// The identity of decisions taken by an `auto` policy's rule.
    public static let auto = DecisionIdentity(user: "auto", wallTime: "")
    /// The identity of default decisions applied on a timeout.
    public static let timeout = DecisionIdentity(user: "timeout", wallTime: "")
}

/// One compared metric as shown when deciding: the candidate's value and the
/// champion's (nil where one has no such metric).
public struct EvidenceItem: Sendable, Hashable, Codable {
    public var metric: String
    public var candidate: Double?
    public var champion: Double?

    public init(metric: String, candidate: Double?, champion: Double?) {
        self.metric = metric
        self.candidate = candidate
        self.champion = champion
    }

    /// candidate - champion, when both are there.
    public var delta: Double? {
        guard let candidate, let champion else { return nil }
        return candidate - champion
    }
}

/// Where an approval request stands.
public enum ApprovalStatus: String, Sendable, Hashable, Codable {
    case pending, approved, rejected
}

/// A request to approve one version, opened when it is registered (or asked
/// for again after a rejection). Stored once, never changed: its status is
/// derived from the decisions that follow it.
public struct ApprovalRequest: Sendable, Hashable {
    /// Unique across the registry, from 1.
    public var id: Int
    public var model: String
    public var version: Int
    public var requestedAt: SimTime
    /// When ``onTimeout`` applies (nil: no timeout).
    public var deadline: SimTime?
    public var onTimeout: TimeoutDecision
    /// How many distinct approvers it needs (2 under `two_person`).
    public var approvalsNeeded: Int
    /// The model's policy when it was opened (`two_person`, `auto: ...`).
    public var policy: String
    /// Candidate vs champion metrics when it was opened.
    public var evidence: [EvidenceItem]
    /// Derived from the decisions (not stored).
    public var status: ApprovalStatus
    /// Users who approved so far, in order (derived).
    public var approvers: [String]

    public init(id: Int, model: String, version: Int, requestedAt: SimTime, deadline: SimTime?, onTimeout: TimeoutDecision,
                approvalsNeeded: Int, policy: String, evidence: [EvidenceItem], status: ApprovalStatus = .pending, approvers: [String] = []) {
        self.id = id
        self.model = model
        self.version = version
        self.requestedAt = requestedAt
        self.deadline = deadline
        self.onTimeout = onTimeout
        self.approvalsNeeded = approvalsNeeded
        self.policy = policy
        self.evidence = evidence
        self.status = status
        self.approvers = approvers
    }
}

/// How a decision came about.
public enum DecisionKind: String, Sendable, Hashable, Codable {
    /// An operator approved or rejected.
    case manual
    /// An `auto` policy's rule decided.
    case rule
    /// The request timed out and its default decision applied.
    case timeout
    /// The model's first version, trained at start by `bootstrap:`.
    case bootstrap
    /// A deployment's rollout of the version failed (rolled back automatically).
    case rollout
}

/// One approve or reject, with who, when, why and the evidence shown.
/// Append-only.
public struct Decision: Sendable, Hashable {
    /// Position in the registry's whole decision history (0 first).
    public var sequence: Int
    /// The ``ApprovalRequest/id`` it answers.
    public var request: Int
    public var model: String
    public var version: Int
    public var approve: Bool
    public var kind: DecisionKind
    public var identity: DecisionIdentity
    public var reason: String
    public var evidence: [EvidenceItem]
    /// Simulated time of the decision.
    public var at: SimTime

    public init(sequence: Int, request: Int, model: String, version: Int, approve: Bool, kind: DecisionKind,
                identity: DecisionIdentity, reason: String, evidence: [EvidenceItem], at: SimTime) {
        self.sequence = sequence
        self.request = request
        self.model = model
        self.version = version
        self.approve = approve
        self.kind = kind
        self.identity = identity
        self.reason = reason
        self.evidence = evidence
        self.at = at
    }
}

/// What a decision did: the recorded decision, where the request stands now
/// (still pending under `two_person` after a first approval) and the version.
public struct DecisionOutcome: Sendable, Hashable {
    public var decision: Decision
    public var status: ApprovalStatus
    public var version: ModelVersion
    /// One line for the status bar: `fraud v3 approved by ana (1 of 2; waiting for a second approver)`.
    public var message: String

    public init(decision: Decision, status: ApprovalStatus, version: ModelVersion, message: String) {
        self.decision = decision
        self.status = status
        self.version = version
        self.message = message
    }
}
