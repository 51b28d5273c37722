/// Someone a rule of `access:` names.
public enum AccessPrincipal: Sendable, Hashable, Codable, CustomStringConvertible {
    /// A login name.
    case user(String)
    /// A Unix group (`group:NAME` in the project file).
    case group(String)
    /// Everyone (`"*"`).
    case everyone

    /// Whether this principal covers `user` with `groups`.
    public func covers(user: String, groups: [String]) -> Bool {
        switch self {
        case .user(let name): name == user
        case .group(let name): groups.contains(name)
        case .everyone: true
        }
    }

    public var description: String {
        switch self {
        case .user(let name): name
        case .group(let name): "group \(name)"
        case .everyone: "everyone"
        }
    }
}

/// One rule of `access:`: who holds a right.
public struct AccessGrant: Sendable, Hashable, Codable {
    /// The right.
    public var right: AccessRight
    /// Who holds it, in file order.
    public var principals: [AccessPrincipal]

    /// A grant with the given fields.
    public init(right: AccessRight, principals: [AccessPrincipal]) {
        self.right = right
        self.principals = principals
    }
}

/// Whether a command may run, and why not.
public enum AccessDecision: Sendable, Hashable {
    case allowed
    /// Refused; the message says who is allowed.
    case refused(String)
}

/// The project's `access:` section: who may do what.
///
/// A right with a grant is held only by the grant's principals; a right
/// without one is open to everyone who can open the state directory (file
/// permissions are the outer boundary). Read-only users (and any origin that
/// runs `--read-only`) hold no right at all. Without `access:` every right
/// is open (``open``).
public struct AccessPolicy: Sendable, Hashable, Codable {
    /// The grants, in file order (at most one per right).
    public var grants: [AccessGrant]
    /// Who may only watch (`read_only: true` per user or group).
    public var readOnly: [AccessPrincipal]
    /// Whether the project declared `access:` at all.
    public var isDeclared: Bool

    /// A policy with the given fields.
    public init(grants: [AccessGrant] = [], readOnly: [AccessPrincipal] = [], isDeclared: Bool = false) {
        self.grants = grants
        self.readOnly = readOnly
        self.isDeclared = isDeclared
    }

    /// No `access:` section: everyone may do everything.
    public static let open = AccessPolicy()

    /// The grant for `right`, if the policy restricts it.
    public func grant(for right: AccessRight) -> AccessGrant? {
        grants.first { $0.right == right }
    }

    /// Whether `user` with `groups` may only watch.
    public func isReadOnly(user: String, groups: [String]) -> Bool {
        readOnly.contains { $0.covers(user: user, groups: groups) }
    }

    /// Whether `user` (in `groups`, `readOnly` for a `--read-only` session)
    /// may exercise `right`; a refusal names who may.
    public func decide(_ right: AccessRight, user: String, groups: [String], readOnly sessionReadOnly: Bool = false) -> AccessDecision {
        if sessionReadOnly {
            return .refused("read-only session: \(right.rawValue) is not available (started with --read-only)")
        }
        if isReadOnly(user: user, groups: groups) {
            return .refused("\(user) is read-only on this project (access: read_only)")
        }
        guard let grant = grant(for: right) else { return .allowed }
        if grant.principals.contains(where: { $0.covers(user: user, groups: groups) }) { return .allowed }
        let who = grant.principals.isEmpty ? "no one" : grant.principals.map(\.description).joined(separator: ", ")
        return .refused("\(user) may not \(right.rawValue): allowed for \(who)")
    }
}
