import SimKernel

/// The model registry: models declared in the project, their auto-numbered
/// versions with lineage, aliases with their full history, approval
/// requests and decisions, life-cycle changes and retention cleanup.
///
/// Every change is dated with the simulated time passed in (the registry
/// has no clock) and refused when dated before the model's latest change,
/// so each alias's history is ordered by time. Changes are queued and
/// written to the ``RegistryStore`` by ``save()`` in one append (the engine
/// saves after every command and event). Alias moves, approval requests and
/// decisions are only ever appended.
///
/// A reference type owned by the engine; **not thread-safe**.
public final class ModelRegistry {
    struct ModelState {
        var spec: ModelSpec
        /// Declared in the project file (versions can only be registered for those).
        var declared: Bool
        /// Index = version - 1.
        var versions: [ModelVersion] = []
        /// Indices into `aliasMoves`, in order.
        var moveIndices: [Int] = []
        /// Per alias, indices into `aliasMoves` in time order (lookups only).
        var timelines: [String: [Int]] = [:]
        /// alias -> version, for aliases that point somewhere (lookups only;
        /// lists are built sorted by alias name).
        var current: [String: Int] = [:]
        /// Request ids, in order.
        var requestIDs: [Int] = []
        var latestChange: SimTime = .zero
    }

    /// Where the registry is written.
    public let store: any RegistryStore
    let remover: any ArtifactRemover
    var models: [ModelState] = []
    var modelIndex: [String: Int] = [:]
    /// Index = sequence.
    var aliasMoves: [AliasMove] = []
    /// Index = id - 1.
    var requests: [ApprovalRequest] = []
    /// Pending request id per `model/version` (lookups only).
    var pending: [String: Int] = [:]
    /// Index = sequence.
    var decisionLog: [Decision] = []
    /// Changes not yet written to the store.
    public internal(set) var unsavedChanges: [RegistryChange] = []

    /// A registry for the declared `models` (in project order), loading the
    /// store's history. Models found in the store that the project no longer
    /// declares are kept (after the declared ones, by id) with a `manual`
    /// policy: their versions can still be read, aliased and archived, but
    /// not registered.
    /// - Throws: what the store throws when reading.
    public init(models specs: [ModelSpec], store: any RegistryStore = InMemoryRegistryStore(),
                remover: any ArtifactRemover = FileArtifactRemover(baseDirectory: nil)) throws {
        self.store = store
        self.remover = remover
        let history = try store.loadRegistry()
        for spec in specs where modelIndex[spec.id] == nil {
            modelIndex[spec.id] = models.count
            models.append(ModelState(spec: spec, declared: true))
            let record = ModelRecord(id: spec.id, description: spec.description, policy: spec.policy.description)
            if !history.models.contains(record) { unsavedChanges.append(.model(record)) }
        }
        for record in history.models where modelIndex[record.id] == nil {
            modelIndex[record.id] = models.count
            models.append(ModelState(spec: ModelSpec(id: record.id, description: record.description), declared: false))
        }
        load(history)
    }

    private func load(_ history: RegistryHistory) {
        for version in history.versions {
            let index = stateIndex(version.model, declaredDescription: nil)
            models[index].versions.append(version)
            models[index].latestChange = max(models[index].latestChange, version.createdAt)
        }
        for move in history.aliasMoves {
            let index = stateIndex(move.model, declaredDescription: nil)
            appendMove(move, to: index)
        }
        for var request in history.requests {
            request.status = .pending
            request.approvers = []
            let index = stateIndex(request.model, declaredDescription: nil)
            models[index].requestIDs.append(request.id)
            models[index].latestChange = max(models[index].latestChange, request.requestedAt)
            requests.append(request)
            pending[Self.key(request.model, request.version)] = request.id
        }
        for decision in history.decisions {
            decisionLog.append(decision)
            if let index = modelIndex[decision.model] {
                models[index].latestChange = max(models[index].latestChange, decision.at)
            }
            applyToRequest(decision)
        }
    }

    /// The model's index, adding an undeclared model met in the history.
    private func stateIndex(_ model: String, declaredDescription: String?) -> Int {
        if let index = modelIndex[model] { return index }
        modelIndex[model] = models.count
        models.append(ModelState(spec: ModelSpec(id: model, description: declaredDescription), declared: false))
        return models.count - 1
    }

    /// Writes the queued changes to the store in one append; on failure they
    /// stay queued for the next call.
    public func save() throws {
        guard !unsavedChanges.isEmpty else { return }
        try store.append(unsavedChanges)
        unsavedChanges.removeAll(keepingCapacity: true)
    }

    // MARK: Shared helpers

    static func key(_ model: String, _ version: Int) -> String { "\(model)/\(version)" }

    func modelState(_ model: String) -> Result<Int, RegistryError> {
        guard let index = modelIndex[model] else {
            return .failure(.unknownModel(model, known: models.map(\.spec.id)))
        }
        return .success(index)
    }

    /// The model's index and the version's index in it.
    func locate(_ model: String, _ version: Int) -> Result<(model: Int, version: Int), RegistryError> {
        modelState(model).flatMap { index in
            guard version >= 1, version <= models[index].versions.count else {
                return .failure(.unknownVersion(model: model, version: version))
            }
            return .success((index, version - 1))
        }
    }

    func checkTime(_ index: Int, _ at: SimTime) -> RegistryError? {
        let latest = models[index].latestChange
        return at < latest ? .timeWentBackwards(model: models[index].spec.id, at: at, latest: latest) : nil
    }

    /// Replaces a version and queues it for the store.
    func update(_ version: ModelVersion, model index: Int, at: SimTime) {
        models[index].versions[version.version - 1] = version
        models[index].latestChange = max(models[index].latestChange, at)
        unsavedChanges.append(.version(version))
    }

    func appendMove(_ move: AliasMove, to index: Int) {
        let position = aliasMoves.count
        aliasMoves.append(move)
        models[index].moveIndices.append(position)
        models[index].timelines[move.alias, default: []].append(position)
        if let version = move.version {
            models[index].current[move.alias] = version
        } else {
            models[index].current[move.alias] = nil
        }
        models[index].latestChange = max(models[index].latestChange, move.at)
    }

    /// Folds a decision into its request's status and approvers.
    func applyToRequest(_ decision: Decision) {
        let position = decision.request - 1
        guard requests.indices.contains(position), requests[position].status == .pending else { return }
        if decision.approve {
            if !requests[position].approvers.contains(decision.identity.user) {
                requests[position].approvers.append(decision.identity.user)
            }
            if decision.kind != .manual || requests[position].approvers.count >= requests[position].approvalsNeeded {
                requests[position].status = .approved
            }
        } else {
            requests[position].status = .rejected
        }
        if requests[position].status != .pending {
            let key = Self.key(requests[position].model, requests[position].version)
            if pending[key] == requests[position].id { pending[key] = nil }
        }
    }

    // MARK: Reading

    /// The ids of all models: declared ones in project order, then ones only
    /// found in the store.
    public var modelIDs: [String] { models.map(\.spec.id) }

    /// A model's settings (a `manual` default for a model no longer declared).
    public func spec(_ model: String) -> ModelSpec? {
        modelIndex[model].map { models[$0].spec }
    }

    /// Whether the project declares the model.
    public func isDeclared(_ model: String) -> Bool {
        modelIndex[model].map { models[$0].declared } ?? false
    }

    /// A model's versions, oldest (v1) first.
    public func versions(_ model: String) -> [ModelVersion] {
        modelIndex[model].map { models[$0].versions } ?? []
    }

    public func version(_ model: String, _ version: Int) -> ModelVersion? {
        guard case .success(let location) = locate(model, version) else { return nil }
        return models[location.model].versions[location.version]
    }

    /// The version an alias points at now.
    public func aliasVersion(_ model: String, alias: String) -> Int? {
        modelIndex[model].flatMap { models[$0].current[alias] }
    }

    /// The version holding `champion`.
    public func champion(_ model: String) -> ModelVersion? {
        aliasVersion(model, alias: "champion").flatMap { version(model, $0) }
    }

    /// The aliases pointing somewhere now, sorted by alias name.
    public func aliases(_ model: String) -> [AliasAssignment] {
        guard let index = modelIndex[model] else { return [] }
        return models[index].current.keys.sorted().map { AliasAssignment(alias: $0, version: models[index].current[$0] ?? 0) }
    }

    /// The aliases pointing at one version, sorted by name.
    public func aliases(_ model: String, version: Int) -> [String] {
        aliases(model).filter { $0.version == version }.map(\.alias)
    }

    /// Every alias move of a model, oldest first.
    public func aliasHistory(_ model: String) -> [AliasMove] {
        modelIndex[model].map { models[$0].moveIndices.map { aliasMoves[$0] } } ?? []
    }

    /// The version `alias` pointed at, at simulated time `time` (the latest
    /// move at or before it); nil when it pointed nowhere. A binary search
    /// over the alias's moves.
    public func aliasAt(model: String, alias: String, time: SimTime) -> Int? {
        guard let index = modelIndex[model], let timeline = models[index].timelines[alias] else { return nil }
        var low = 0, high = timeline.count  // first move after `time`
        while low < high {
            let middle = (low + high) / 2
            if aliasMoves[timeline[middle]].at <= time { low = middle + 1 } else { high = middle }
        }
        return low == 0 ? nil : aliasMoves[timeline[low - 1]].version
    }

    /// A model's approval requests, oldest first.
    public func requests(_ model: String) -> [ApprovalRequest] {
        modelIndex[model].map { models[$0].requestIDs.map { requests[$0 - 1] } } ?? []
    }

    /// The pending request of a version, if any.
    public func pendingRequest(_ model: String, version: Int) -> ApprovalRequest? {
        pending[Self.key(model, version)].map { requests[$0 - 1] }
    }

    /// Every pending request across models, oldest first.
    public var pendingRequests: [ApprovalRequest] {
        requests.filter { $0.status == .pending }
    }

    /// Decisions on a model (`version` nil: all its versions), oldest first.
    public func decisions(_ model: String, version: Int? = nil) -> [Decision] {
        decisionLog.filter { $0.model == model && (version == nil || $0.version == version) }
    }

    /// The candidate's metrics (in its order) next to the current champion's
    /// (then the champion's other metrics); the champion's side is empty when
    /// there is none, or when the version is the champion itself.
    public func evidence(_ model: String, version: Int) -> [EvidenceItem] {
        guard let candidate = self.version(model, version) else { return [] }
        let champion = self.champion(model).flatMap { $0.version == version ? nil : $0 }
        var items = candidate.metrics.map { EvidenceItem(metric: $0.name, candidate: $0.value, champion: champion?.metric($0.name)) }
        for metric in champion?.metrics ?? [] where !candidate.metrics.contains(where: { $0.name == metric.name }) {
            items.append(EvidenceItem(metric: metric.name, candidate: nil, champion: metric.value))
        }
        return items
    }

    /// When the earliest pending request times out (the engine schedules
    /// ``expire(at:)`` then), or nil.
    public var nextTimeoutAt: SimTime? {
        pending.values.compactMap { requests[$0 - 1].deadline }.min()
    }
}

/// An alias and the version it points at.
public struct AliasAssignment: Sendable, Hashable, Codable {
    public var alias: String
    public var version: Int

    public init(alias: String, version: Int) {
        self.alias = alias
        self.version = version
    }
}
