import SimKernel

/// One change to the registry, as the store writes it. Versions and models
/// are upserted by key; alias moves, approval requests and decisions are
/// only ever inserted.
public enum RegistryChange: Sendable, Hashable {
    /// A declared model (upsert by id).
    case model(ModelRecord)
    /// A version, new or with a new state / dropped artifact (upsert by model and version).
    case version(ModelVersion)
    case aliasMove(AliasMove)
    case request(ApprovalRequest)
    case decision(Decision)
}

/// A model as stored: its id, description and policy text. The project
/// file stays the source of the policy; this lets the CLI show models
/// without the project file.
public struct ModelRecord: Sendable, Hashable {
    public var id: String
    public var description: String?
    public var policy: String

    public init(id: String, description: String?, policy: String) {
        self.id = id
        self.description = description
        self.policy = policy
    }
}

/// Everything the registry needs to start again after a restart.
public struct RegistryHistory: Sendable, Equatable {
    /// By id.
    public var models: [ModelRecord]
    /// By model id, then version.
    public var versions: [ModelVersion]
    /// By sequence.
    public var aliasMoves: [AliasMove]
    /// By id (request statuses and approvers are derived by the registry).
    public var requests: [ApprovalRequest]
    /// By sequence.
    public var decisions: [Decision]

    public init(models: [ModelRecord] = [], versions: [ModelVersion] = [], aliasMoves: [AliasMove] = [],
                requests: [ApprovalRequest] = [], decisions: [Decision] = []) {
        self.models = models
        self.versions = versions
        self.aliasMoves = aliasMoves
        self.requests = requests
        self.decisions = decisions
    }
}

/// Where the registry lives. The registry appends the changes of each
/// command in one call, which the store writes in one transaction.
public protocol RegistryStore: AnyObject {
    func append(_ changes: [RegistryChange]) throws
    func loadRegistry() throws -> RegistryHistory
    /// A model's versions, newest first; `limit` nil = all.
    func versions(model: String, limit: Int?) throws -> [ModelVersion]
    /// A model's alias moves, oldest first.
    func aliasHistory(model: String) throws -> [AliasMove]
    /// The version an alias pointed at, at time `time` (the latest move at or
    /// before it); nil when it pointed nowhere.
    func aliasAt(model: String, alias: String, time: SimTime) throws -> Int?
    /// A version's decisions, oldest first.
    func decisions(model: String, version: Int) throws -> [Decision]
}

/// Removes artifact files for retention cleanup.
public protocol ArtifactRemover: AnyObject {
    /// Removes the file; a file that is already gone is not an error.
    func remove(path: String) throws
}
