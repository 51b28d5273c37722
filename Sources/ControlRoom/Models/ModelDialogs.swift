import Engine
import TUICore

/// The approve (`a`) and reject (`x`) dialog: one required reason field,
/// with the evidence the decision will record.
public struct DecisionForm: Equatable, Sendable {
    public var model: String
    public var version: Int
    public var approve: Bool
    public var reason = TextField()
    /// Candidate vs champion metrics shown now; recorded with the decision.
    public var evidence: [EvidenceItem]
    /// `manual`, `two_person`, ... and who approved so far.
    public var policy: String
    public var approvers: [String]
    public var approvalsNeeded: Int
    /// Why the last Enter was refused (no reason typed).
    public var error: String?

    public init(model: String, version: Int, approve: Bool, pending: PendingApproval) {
        self.model = model
        self.version = version
        self.approve = approve
        self.evidence = pending.evidence
        self.policy = pending.policy
        self.approvers = pending.approvers
        self.approvalsNeeded = pending.approvalsNeeded
    }

    /// The reason without surrounding blanks.
    public var trimmedReason: String {
        reason.text.trimmingCharacters(in: " ")
    }
}

/// The move-alias (`p`) dialog: the alias's name and the version to point it
/// at (prefilled with the selected version; empty removes the alias).
public struct AliasForm: Equatable, Sendable {
    public var model: String
    public var alias: TextField
    public var version: TextField
    /// 0: the alias field, 1: the version field.
    public var focus = 0
    public var error: String?

    public init(model: String, alias: String = "", version: Int) {
        self.model = model
        self.alias = TextField(text: alias)
        self.version = TextField(text: String(version))
    }

    /// The alias name and target version, or why they cannot be used.
    public func target() -> Result<(alias: String, version: Int?), AliasFormError> {
        let name = alias.text.trimmingCharacters(in: " ")
        guard !name.isEmpty else { return .failure(AliasFormError(field: 0, message: "type an alias name, e.g. challenger")) }
        let versionText = version.text.trimmingCharacters(in: " ").drop(while: { $0 == "v" })
        if versionText.isEmpty { return .success((name, nil)) }
        guard let number = Int(versionText), number >= 1 else {
            return .failure(AliasFormError(field: 1, message: "'\(version.text)' is not a version number (empty removes the alias)"))
        }
        return .success((name, number))
    }
}

/// Why the alias form was refused, and which field to focus.
public struct AliasFormError: Error, Equatable, Sendable {
    public var field: Int
    public var message: String
}

extension String {
    /// The text without leading and trailing copies of `character`.
    func trimmingCharacters(in character: Character) -> String {
        String(drop(while: { $0 == character }).reversed().drop(while: { $0 == character }).reversed())
    }
}
