import SimKernel

/// A ``RegistryStore`` in memory: for tests and for runs without a state
/// directory. A second registry created on the same instance sees the
/// history as a restart would. Not thread-safe, like the engine.
public final class InMemoryRegistryStore: RegistryStore {
    private var models: [ModelRecord] = []
    private var versionsByModel: [String: [ModelVersion]] = [:]  // lookups only; lists come back sorted
    private var moves: [AliasMove] = []
    private var requests: [ApprovalRequest] = []
    private var decisionList: [Decision] = []

    /// How many times ``append(_:)`` was called.
    public private(set) var appendCount = 0
    /// When set, the next ``append(_:)`` throws it (and stores nothing), then clears it.
    public var failNextAppend: (any Error)?

    public init() {}

    public func append(_ changes: [RegistryChange]) throws {
        if let error = failNextAppend {
            failNextAppend = nil
            throw error
        }
        appendCount += 1
        for change in changes {
            switch change {
            case .model(let record):
                if let index = models.firstIndex(where: { $0.id == record.id }) {
                    models[index] = record
                } else {
                    models.append(record)
                    models.sort { $0.id < $1.id }
                }
            case .version(let version):
                var list = versionsByModel[version.model] ?? []
                if let index = list.firstIndex(where: { $0.version == version.version }) {
                    list[index] = version
                } else {
                    list.append(version)
                    list.sort { $0.version < $1.version }
                }
                versionsByModel[version.model] = list
            case .aliasMove(let move):
                moves.append(move)
            case .request(var request):
                request.status = .pending
                request.approvers = []
                requests.append(request)
            case .decision(let decision):
                decisionList.append(decision)
            }
        }
    }

    public func loadRegistry() throws -> RegistryHistory {
        RegistryHistory(
            models: models,
            versions: versionsByModel.keys.sorted().flatMap { versionsByModel[$0] ?? [] },
            aliasMoves: moves.sorted { $0.sequence < $1.sequence },
            requests: requests.sorted { $0.id < $1.id },
            decisions: decisionList.sorted { $0.sequence < $1.sequence })
    }

    public func versions(model: String, limit: Int?) throws -> [ModelVersion] {
        let newestFirst = (versionsByModel[model] ?? []).reversed()
        return Array(limit.map { newestFirst.prefix(max(0, $0)) } ?? newestFirst[...])
    }

    public func aliasHistory(model: String) throws -> [AliasMove] {
        moves.filter { $0.model == model }.sorted { $0.sequence < $1.sequence }
    }

    public func aliasAt(model: String, alias: String, time: SimTime) throws -> Int? {
        moves.filter { $0.model == model && $0.alias == alias && $0.at <= time }
            .max { ($0.at, $0.sequence) < ($1.at, $1.sequence) }?.version
    }

    public func decisions(model: String, version: Int) throws -> [Decision] {
        decisionList.filter { $0.model == model && $0.version == version }.sorted { $0.sequence < $1.sequence }
    }
}
