import SimKernel

/// Why the registry refused something. Every case says what was wrong and
/// what would be accepted.
public enum RegistryError: Error, Sendable, Hashable, CustomStringConvertible {
    case unknownModel(String, known: [String])
    case unknownVersion(model: String, version: Int)
    /// A decision needs a reason (non-empty after trimming).
    case reasonRequired
    /// A decision needs the deciding user's name.
    case userRequired
    /// Under `two_person` the same user approved this request already.
    case sameApprover(model: String, version: Int, user: String)
    case noPendingApproval(model: String, version: Int, state: VersionState)
    case alreadyPending(model: String, version: Int, request: Int)
    /// The action is not possible in the version's state.
    case invalidState(model: String, version: Int, state: VersionState, action: String, expected: String)
    /// The version holds aliases; they must be moved first.
    case aliased(model: String, version: Int, aliases: [String], action: String)
    case invalidAlias(String)
    /// A change dated before the model's latest change (time only moves forward).
    case timeWentBackwards(model: String, at: SimTime, latest: SimTime)

    public var description: String {
        switch self {
        case .unknownModel(let model, let known):
            let list = known.isEmpty ? "no models are declared (add them under models: in the project file)" : "expected one of: \(known.joined(separator: ", "))"
            return "unknown model '\(model)'; \(list)"
        case .unknownVersion(let model, let version):
            return "model '\(model)' has no version \(version)"
        case .reasonRequired:
            return "a reason is required; expected a short text saying why"
        case .userRequired:
            return "the deciding user is unknown; expected a login name"
        case .sameApprover(let model, let version, let user):
            return "\(user) already approved \(model) v\(version); two_person needs a second, different approver"
        case .noPendingApproval(let model, let version, let state):
            return "\(model) v\(version) has no pending approval (it is \(state.rawValue))"
        case .alreadyPending(let model, let version, let request):
            return "\(model) v\(version) already has a pending approval request (#\(request))"
        case .invalidState(let model, let version, let state, let action, let expected):
            return "cannot \(action) \(model) v\(version): it is \(state.rawValue); expected \(expected)"
        case .aliased(let model, let version, let aliases, let action):
            let names = aliases.joined(separator: ", ")
            return "cannot \(action) \(model) v\(version): it holds the alias\(aliases.count == 1 ? "" : "es") \(names); move \(aliases.count == 1 ? "it" : "them") to another version first"
        case .invalidAlias(let alias):
            return "invalid alias '\(alias)'; expected lower-case letters, digits, '-' and '_', starting with a letter or digit"
        case .timeWentBackwards(let model, let at, let latest):
            return "a change to \(model) at \(at.clockLabel) is before its latest change at \(latest.clockLabel)"
        }
    }
}
