import SimKernel

/// One state-changing action as the audit log keeps it: who, from where,
/// what, on what, why, and what came of it. The store chains records by
/// hash (see ``AuditSink``).
public struct AuditRecord: Sendable, Hashable, Codable {
    /// The engine's simulated time.
    public var simTime: SimTime
    /// The submitter's wall-clock time (ISO-8601 UTC), nil when unknown.
    public var wallTime: String?
    /// The login name (``CommandOrigin/automaticUser`` for the engine's rules).
    public var user: String
    /// The SSH client's address, nil outside SSH.
    public var sshClient: String?
    /// Key, CLI, channel or automatic.
    public var source: CommandSource
    /// What was done, e.g. `approve`, `rollback`, `trigger`.
    public var action: String
    /// On what, e.g. `fraud v2`, `fraud-api`, `retrain`.
    public var target: String
    /// The operator's reason (or the rule that acted), nil when none was given.
    public var reason: String?
    /// applied, unchanged, rejected or invalid.
    public var result: String
    /// The engine's message (for a refusal: why).
    public var message: String

    /// A record with the given fields.
    public init(simTime: SimTime, wallTime: String?, user: String, sshClient: String?, source: CommandSource,
                action: String, target: String, reason: String?, result: String, message: String) {
        self.simTime = simTime
        self.wallTime = wallTime
        self.user = user
        self.sshClient = sshClient
        self.source = source
        self.action = action
        self.target = target
        self.reason = reason
        self.result = result
        self.message = message
    }
}

/// Where the engine appends audit records (the state directory's store
/// keeps them hash-chained). Appends happen on the engine's thread.
public protocol AuditSink: AnyObject {
    /// Appends one record durably; throws when it could not be written.
    func append(_ record: AuditRecord) throws
}
