import Engine
import TUICore

/// The dialog of a rollout command that needs a reason: `p` (or `P`) at an
/// approval gate, whose reason records the candidate's registry approval,
/// and `a` abort/rollback.
public struct RolloutReasonForm: Equatable, Sendable {
    public var deployment: String
    public var action: RolloutAction
    public var stableVersion: Int?
    public var candidateVersion: Int?
    /// The rollout's phase and reason when the dialog opened.
    public var situation: String
    public var reason = TextField()
    /// Why the last Enter was refused (no reason typed).
    public var error: String?

    public init(deployment: String, action: RolloutAction, stableVersion: Int?, candidateVersion: Int?, situation: String) {
        self.deployment = deployment
        self.action = action
        self.stableVersion = stableVersion
        self.candidateVersion = candidateVersion
        self.situation = situation
    }

    /// The reason without surrounding blanks.
    public var trimmedReason: String { reason.text.trimmingCharacters(in: " ") }

    /// `approve and promote`, `approve and promote fully`, `abort`.
    var verb: String {
        switch action {
        case .promote: return "approve and promote"
        case .promoteFull: return "approve and promote fully"
        case .abort: return "abort"
        case .pause, .resume, .retry: return action.rawValue
        }
    }
}

/// The `w` dialog: the candidate's live share in percent, 0-100.
public struct RolloutWeightForm: Equatable, Sendable {
    public var deployment: String
    public var candidateVersion: Int?
    public var percent: TextField
    public var error: String?

    /// Prefilled with the candidate's current share, rounded.
    public init(deployment: String, candidateVersion: Int?, currentPercent: Double) {
        self.deployment = deployment
        self.candidateVersion = candidateVersion
        let rounded = currentPercent.isFinite ? Int(max(0, min(100, currentPercent)).rounded()) : 0
        self.percent = TextField(text: String(rounded))
    }

    /// The typed percent (a trailing `%` allowed), or why it is not one.
    public func value() -> Result<Int, RolloutWeightError> {
        var text = percent.text.trimmingCharacters(in: " ")
        if text.hasSuffix("%") { text.removeLast() }
        text = text.trimmingCharacters(in: " ")
        guard !text.isEmpty else { return .failure(RolloutWeightError(message: "type a percent from 0 to 100")) }
        guard let number = Int(text) else {
            return .failure(RolloutWeightError(message: "'\(percent.text)' is not a whole percent (0-100)"))
        }
        guard (0...100).contains(number) else {
            return .failure(RolloutWeightError(message: "\(number)% is outside 0-100"))
        }
        return .success(number)
    }
}

/// Why the weight form was refused.
public struct RolloutWeightError: Error, Equatable, Sendable {
    public var message: String
}
