import SimKernel

extension ModelRegistry {
    /// Archives a version: it keeps its record and artifact (it can be
    /// reloaded) but leaves the active list. Refused while it holds an alias
    /// (move the alias first), while an approval is pending, and for a
    /// version already archived.
    public func archive(model: String, version: Int, by: String, at: SimTime) -> Result<ModelVersion, RegistryError> {
        retire(model: model, version: version, to: .archived, action: "archive", by: by, at: at)
    }

    /// Decommissions a version: it stops serving and keeps its artifacts.
    /// The same refusals as ``archive(model:version:by:at:)``; an archived
    /// version cannot be decommissioned.
    public func decommission(model: String, version: Int, by: String, at: SimTime) -> Result<ModelVersion, RegistryError> {
        retire(model: model, version: version, to: .decommissioned, action: "decommission", by: by, at: at)
    }

    private func retire(model: String, version number: Int, to state: VersionState, action: String, by: String,
                        at: SimTime) -> Result<ModelVersion, RegistryError> {
        let location: (model: Int, version: Int)
        switch locate(model, number) {
        case .failure(let error): return .failure(error)
        case .success(let found): location = found
        }
        if let error = checkTime(location.model, at) { return .failure(error) }
        var version = models[location.model].versions[location.version]
        let held = aliases(model, version: number)
        guard held.isEmpty else { return .failure(.aliased(model: model, version: number, aliases: held, action: action)) }
        if pending[Self.key(model, number)] != nil {
            return .failure(.invalidState(model: model, version: number, state: version.state, action: action,
                                          expected: "no pending approval (approve or reject it first)"))
        }
        let allowed: [VersionState] = state == .archived
            ? [.registered, .approved, .rejected, .decommissioned]
            : [.registered, .approved, .rejected]
        guard allowed.contains(version.state) else {
            return .failure(.invalidState(model: model, version: number, state: version.state, action: action,
                                          expected: allowed.map(\.rawValue).joined(separator: ", ")))
        }
        version.state = state
        version.stateNote = "\(state.rawValue) by \(by)"
        update(version, model: location.model, at: at)
        return .success(version)
    }

    // MARK: Retention

    /// Whether retention must leave a version alone: it holds an alias, is
    /// approved or in production, or waits for an approval decision.
    public func isProtected(_ version: ModelVersion) -> Bool {
        [.approved, .production, .candidate].contains(version.state) || !aliases(version.model, version: version.version).isEmpty
    }

    /// Runs retention for every model, in model order.
    public func cleanup(at: SimTime) -> CleanupReport {
        var report = CleanupReport(at: at)
        for model in modelIDs {
            if case .success(let part) = cleanup(model: model, at: at) {
                report.actions += part.actions
                report.failures += part.failures
            }
        }
        return report
    }

    /// Runs a model's retention (`retention:` in the project file):
    ///
    /// - `keep_last N`: of the versions without an alias, the newest N are
    ///   kept; older ones that are not protected are archived and their
    ///   artifact file removed.
    /// - `max_artifact_age`: the artifact files of unprotected versions at
    ///   least that old are removed (the version keeps its record, with
    ///   ``ModelVersion/artifactDroppedAt`` set).
    ///
    /// Protected versions (``isProtected(_:)``) are never touched. A file
    /// that cannot be removed is reported and its version left as it was.
    public func cleanup(model: String, at: SimTime) -> Result<CleanupReport, RegistryError> {
        let index: Int
        switch modelState(model) {
        case .failure(let error): return .failure(error)
        case .success(let found): index = found
        }
        if let error = checkTime(index, at) { return .failure(error) }
        let retention = models[index].spec.retention
        var report = CleanupReport(at: at)
        // Versions without an alias, newest first: the first keep_last stay.
        let unaliased = models[index].versions.reversed().filter { aliases(model, version: $0.version).isEmpty }.map(\.version)
        let beyondKeep = Set(retention.keepLast.map { Array(unaliased.dropFirst($0)) } ?? [])
        for var version in models[index].versions where !isProtected(version) {
            let tooOld = retention.maxArtifactAge.map { at - version.createdAt >= $0 } ?? false
            let archive = beyondKeep.contains(version.version) && version.state != .archived
            let drop = version.hasArtifact && (tooOld || beyondKeep.contains(version.version))
            guard archive || drop else { continue }
            if drop, let artifact = version.artifact {
                do {
                    try remover.remove(path: artifact.path)
                } catch {
                    report.failures.append("\(model) v\(version.version): \(error)")
                    continue
                }
                version.artifactDroppedAt = at
            }
            let why = beyondKeep.contains(version.version)
                ? "beyond keep_last \(retention.keepLast ?? 0)"
                : "artifact older than \(retention.maxArtifactAge?.description ?? "")"
            if archive {
                version.state = .archived
                version.stateNote = "retention: \(why)"
            }
            update(version, model: index, at: at)
            report.actions.append(CleanupAction(model: model, version: version.version, archived: archive, artifactDropped: drop, reason: why))
        }
        return .success(report)
    }
}

/// What one retention pass did, in model then version order.
public struct CleanupReport: Sendable, Hashable {
    public var at: SimTime
    public var actions: [CleanupAction]
    /// Files that could not be removed (their versions were left as they were).
    public var failures: [String]

    public init(at: SimTime, actions: [CleanupAction] = [], failures: [String] = []) {
        self.at = at
        self.actions = actions
        self.failures = failures
    }

    /// `cleanup: archived fraud v1, fraud v2; dropped artifacts of fraud v4` or `cleanup: nothing to do`.
    public var summary: String {
        var parts: [String] = []
        let archived = actions.filter(\.archived).map { "\($0.model) v\($0.version)" }
        let dropped = actions.filter { $0.artifactDropped && !$0.archived }.map { "\($0.model) v\($0.version)" }
        if !archived.isEmpty { parts.append("archived \(archived.joined(separator: ", "))") }
        if !dropped.isEmpty { parts.append("dropped artifacts of \(dropped.joined(separator: ", "))") }
        if !failures.isEmpty { parts.append("\(failures.count) failed: \(failures.joined(separator: "; "))") }
        return "cleanup: " + (parts.isEmpty ? "nothing to do" : parts.joined(separator: "; "))
    }
}

/// One version retention changed.
public struct CleanupAction: Sendable, Hashable {
    public var model: String
    public var version: Int
    /// Whether the version was archived (beyond keep_last).
    public var archived: Bool
    /// Whether its artifact file was removed.
    public var artifactDropped: Bool
    /// `beyond keep_last 5`, `artifact older than 30d`.
    public var reason: String

    public init(model: String, version: Int, archived: Bool, artifactDropped: Bool, reason: String) {
        self.model = model
        self.version = version
        self.archived = archived
        self.artifactDropped = artifactDropped
        self.reason = reason
    }
}
