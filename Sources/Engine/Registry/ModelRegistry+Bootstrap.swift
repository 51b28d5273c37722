import SimKernel

extension ModelRegistry {
    /// Registers a model's first version as its approved champion: the
    /// version is registered, its approval request is opened and settled by
    /// a `bootstrap` decision (not an operator's), and `champion` moves to it.
    /// Refused when the model already has a version.
    public func bootstrap(model: String, lineage: Lineage, metrics: [MetricValue], artifact: ModelArtifact,
                          at: SimTime) -> Result<ModelVersion, RegistryError> {
        guard versions(model).isEmpty else {
            return .failure(.invalidState(model: model, version: versions(model).count, state: .registered,
                                          action: "bootstrap", expected: "a model without versions"))
        }
        let registered: ModelVersion
        switch register(model: model, lineage: lineage, metrics: metrics, artifact: artifact,
                        description: "bootstrap: first version, trained at start", at: at) {
        case .failure(let error): return .failure(error)
        case .success(let version): registered = version
        }
        let request: ApprovalRequest
        switch requestApproval(model: model, version: registered.version, at: at) {
        case .failure(let error): return .failure(error)
        case .success(let opened): request = opened
        }
        if request.status == .pending {
            record(request: request.id, approve: true, kind: .bootstrap,
                   identity: DecisionIdentity(user: "flightdeck", wallTime: "-"),
                   reason: "bootstrap: the registry had no version of \(model)", evidence: request.evidence, at: at)
        }
        if case .failure(let error) = promote(model: model, version: registered.version, by: "flightdeck",
                                              reason: "bootstrap: first version", at: at) {
            return .failure(error)
        }
        return .success(version(model, registered.version) ?? registered)
    }
}

extension ModelRegistry {
    /// Rejects a version's pending approval request because a deployment
    /// rolled it back (a `rollout` decision, with the failing metric in the reason).
    public func decideByRollout(model: String, version: Int, reason: String, at: SimTime) -> Result<DecisionOutcome, RegistryError> {
        guard let request = pendingRequest(model, version: version) else {
            return .failure(.invalidState(model: model, version: version, state: self.version(model, version)?.state ?? .registered,
                                          action: "reject by rollout", expected: "a pending approval request"))
        }
        if let index = modelIndex[model], let error = checkTime(index, at) { return .failure(error) }
        return .success(record(request: request.id, approve: false, kind: .rollout, identity: DecisionIdentity(user: "flightdeck", wallTime: "-"),
                               reason: reason, evidence: request.evidence, at: at))
    }
}
