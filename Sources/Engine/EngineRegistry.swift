import SimKernel

extension EngineEventKind {
    /// A model version was registered.
    public static let modelRegistered = EngineEventKind(rawValue: "model-registered")
    /// An approval request was opened.
    public static let approvalRequested = EngineEventKind(rawValue: "approval-requested")
    /// An approval decision was recorded (approve or reject, by anyone).
    public static let approvalDecided = EngineEventKind(rawValue: "approval")
    /// An alias was moved (including promotions).
    public static let aliasMoved = EngineEventKind(rawValue: "alias")
    /// A version was archived or decommissioned.
    public static let versionRetired = EngineEventKind(rawValue: "version-retired")
    /// Retention cleanup changed something (or failed to remove a file).
    public static let registryCleanup = EngineEventKind(rawValue: "registry-cleanup")
    /// A version went into production in a runtime other than the one it
    /// was trained in.
    public static let runtimeMismatch = EngineEventKind(rawValue: "runtime-mismatch")
    /// Writing the registry failed.
    public static let registryStoreError = EngineEventKind(rawValue: "registry-store-error")
}

/// The engine's registry with its scheduled approval timeout and cleanups.
final class RegistryHost {
    let registry: ModelRegistry
    /// The queued timeout event and its time.
    var timeoutEvent: (id: EventID, at: SimTime)?
    /// The last error writing the registry, cleared by the next success.
    var storeError: String?

    init(registry: ModelRegistry) {
        self.registry = registry
    }
}

extension Engine {
    /// The model registry (nil for an engine made without a project argument).
    /// Read it freely; change it through ``apply(_:)`` and
    /// ``registerModelVersion(model:lineage:metrics:artifact:description:tags:at:)``
    /// so that changes are saved, logged and timeouts scheduled.
    public var registry: ModelRegistry? { registryHost?.registry }

    /// Creates the registry from the store, writes the declared models,
    /// and schedules pending timeouts and the models' cleanup schedules.
    func startRegistry(models: [ModelSpec], store: any RegistryStore, remover: any ArtifactRemover) throws {
        let host = RegistryHost(registry: try ModelRegistry(models: models, store: store, remover: remover))
        registryHost = host
        try host.registry.save()
        scheduleRegistryTimeout()
        for model in models {
            if let every = model.cleanupEvery { scheduleCleanup(model: model.id, every: every) }
        }
    }

    /// Registers the next version of a model and opens its approval request
    /// (decided at once under the `auto` policy). For the builtin `register`
    /// step. `at` nil = now.
    /// - Returns: the version as it stands after the request (a candidate,
    ///   or approved/rejected by the rule).
    @discardableResult
    public func registerModelVersion(model: String, lineage: Lineage, metrics: [MetricValue], artifact: ModelArtifact?,
                                     description: String? = nil, tags: [String] = [], at: SimTime? = nil) throws(RegistryError) -> ModelVersion {
        guard let registry else { throw RegistryError.unknownModel(model, known: []) }
        let time = at ?? now
        let version: ModelVersion
        switch registry.register(model: model, lineage: lineage, metrics: metrics, artifact: artifact,
                                 description: description, tags: tags, at: time) {
        case .failure(let error): throw error
        case .success(let registered): version = registered
        }
        record(.modelRegistered, "\(model) v\(version.version) registered", subject: .version(model: model, version: version.version))
        switch registry.requestApproval(model: model, version: version.version, at: time) {
        case .failure(let error):
            flushRegistryChanges()
            throw error
        case .success(let request):
            record(.approvalRequested, "\(model) v\(version.version) awaits approval (\(request.policy))",
                   subject: .version(model: model, version: version.version))
            if request.status != .pending, let decision = registry.decisions(model, version: version.version).last {
                recordAutomaticAudit(action: "auto-\(request.status.rawValue)", target: "\(model) v\(version.version)",
                                     reason: decision.reason, message: "approval policy \(request.policy)")
                record(.approvalDecided, "\(model) v\(version.version) \(request.status.rawValue): \(decision.reason)",
                       subject: .version(model: model, version: version.version))
            }
        }
        flushRegistryChanges()
        scheduleRegistryTimeout()
        return registry.version(model, version.version) ?? version
    }

    // MARK: Commands

    func applyRegistryCommand(_ command: EngineCommand) -> CommandResult {
        guard let registry else { return .rejected("no project is loaded, so there is no model registry") }
        let result: CommandResult
        switch command {
        case .approve(let model, let version, let reason, let identity, let evidence),
             .reject(let model, let version, let reason, let identity, let evidence):
            let approve: Bool
            if case .approve = command { approve = true } else { approve = false }
            switch registry.decide(model: model, version: version, approve: approve, identity: identity, reason: reason,
                                   evidence: evidence, at: now) {
            case .failure(let error): return .rejected(error.description)
            case .success(let outcome):
                result = recordApplied(.approvalDecided, outcome.message + ": " + outcome.decision.reason)
            }
        case .moveAlias(let model, let alias, let version, let by, let reason):
            switch registry.moveAlias(model: model, alias: alias, version: version, by: by, reason: reason, at: now) {
            case .failure(let error): return .rejected(error.description)
            case .success(nil):
                return .unchanged(version.map { "\(alias) already points at \(model) v\($0)" } ?? "\(model) has no alias \(alias)")
            case .success(let move?):
                result = recordApplied(.aliasMoved, aliasMessage(move) + runtimeWarning(move))
            }
        case .promote(let model, let version, let by):
            switch registry.promote(model: model, version: version, by: by, at: now) {
            case .failure(let error): return .rejected(error.description)
            case .success(nil): return .unchanged("\(model) v\(version) is already the champion")
            case .success(let move?): result = recordApplied(.aliasMoved, aliasMessage(move) + runtimeWarning(move))
            }
        case .archive(let model, let version, let by), .decommission(let model, let version, let by):
            let retired: Result<ModelVersion, RegistryError>
            if case .archive = command {
                retired = registry.archive(model: model, version: version, by: by, at: now)
            } else {
                retired = registry.decommission(model: model, version: version, by: by, at: now)
            }
            switch retired {
            case .failure(let error): return .rejected(error.description)
            case .success(let changed):
                result = recordApplied(.versionRetired, "\(model) v\(version) \(changed.state.rawValue) by \(by)")
            }
        case .cleanupRegistry(let by):
            let report = registry.cleanup(at: now)
            if report.actions.isEmpty && report.failures.isEmpty { return .unchanged(report.summary) }
            result = recordApplied(.registryCleanup, "\(report.summary) (by \(by))")
        default:
            return .rejected("not a registry command")
        }
        flushRegistryChanges()
        scheduleRegistryTimeout()
        return result
    }

    /// A version put into production (the champion alias) runs in this
    /// engine's runtime: when that differs from the one it was trained in,
    /// say so in the result and the event log.
    func runtimeWarning(_ move: AliasMove) -> String {
        guard move.alias == "champion", let number = move.version,
              let version = registry?.version(move.model, number),
              let warning = version.runtimeMismatch(current: runtime) else { return "" }
        record(.runtimeMismatch, "warning: \(warning)")
        return "; warning: \(warning)"
    }

    func aliasMessage(_ move: AliasMove) -> String {
        let target = move.version.map { "v\($0)" } ?? "nothing"
        return "\(move.model) \(move.alias) -> \(target) by \(move.by): \(move.reason)"
    }

    // MARK: Saving and scheduling

    /// Writes the registry's pending changes in one append; a failure is
    /// recorded (``EngineSnapshot/registryStoreError`` and an event) and the
    /// changes are kept for the next attempt.
    func flushRegistryChanges() {
        guard let host = registryHost else { return }
        do {
            try host.registry.save()
            host.storeError = nil
            servingRegistryChanged()
        } catch {
            let message = "could not write the model registry: \(error)"
            if host.storeError != message { record(.registryStoreError, message) }
            host.storeError = message
        }
    }

    /// Keeps one queued event at the registry's next approval deadline.
    func scheduleRegistryTimeout() {
        guard let host = registryHost else { return }
        let next = host.registry.nextTimeoutAt
        if let queued = host.timeoutEvent, queued.at == next { return }
        if let queued = host.timeoutEvent {
            cancel(queued.id)
            host.timeoutEvent = nil
        }
        guard let next else { return }
        let id = schedule(at: next) { engine in
            engine.registryHost?.timeoutEvent = nil
            engine.expireApprovals()
        }
        host.timeoutEvent = (id, next)
    }

    /// Applies the default decision of every request due by now.
    func expireApprovals() {
        guard let registry else { return }
        for outcome in registry.expire(at: now) {
            record(.approvalDecided, "\(outcome.message): \(outcome.decision.reason)")
            recordAutomaticAudit(action: "approval-timeout", target: "\(outcome.decision.model) v\(outcome.decision.version)",
                                 reason: outcome.decision.reason, message: outcome.message)
        }
        flushRegistryChanges()
        scheduleRegistryTimeout()
    }

    /// Runs a model's retention at every whole multiple of `every` from
    /// time zero (the first one after now).
    func scheduleCleanup(model: String, every: SimDuration) {
        guard every.milliseconds > 0 else { return }
        let next = SimTime(milliseconds: (now.milliseconds / every.milliseconds + 1) * every.milliseconds)
        schedule(at: next) { engine in
            if let registry = engine.registry, case .success(let report) = registry.cleanup(model: model, at: engine.now),
               !(report.actions.isEmpty && report.failures.isEmpty) {
                engine.record(.registryCleanup, "\(report.summary) (scheduled)")
                engine.recordAutomaticAudit(action: "cleanup", target: model, reason: "scheduled retention", message: report.summary)
                engine.flushRegistryChanges()
            }
            engine.scheduleCleanup(model: model, every: every)
        }
    }
}
