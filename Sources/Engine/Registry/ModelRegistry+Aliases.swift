import SimKernel

extension ModelRegistry {
    /// The alias whose version is in production.
    public static let championAlias = "champion"

    /// Points `alias` at `version` (nil: removes it), appending the move to
    /// the alias's history. Returns nil when the alias already points there.
    ///
    /// Any alias may point at a version that is not rejected, archived or
    /// decommissioned. Moving `champion` is a promotion (see
    /// ``promote(model:version:by:reason:at:)``): the version must be
    /// approved, and it goes to production; removing `champion` sends the
    /// production version back to approved.
    public func moveAlias(model: String, alias: String, version: Int?, by: String, reason: String,
                          at: SimTime) -> Result<AliasMove?, RegistryError> {
        guard ProjectDiagnostics.isValidID(alias) else { return .failure(.invalidAlias(alias)) }
        let index: Int
        switch modelState(model) {
        case .failure(let error): return .failure(error)
        case .success(let found): index = found
        }
        if let error = checkTime(index, at) { return .failure(error) }
        if let version {
            guard let target = self.version(model, version) else { return .failure(.unknownVersion(model: model, version: version)) }
            if alias == Self.championAlias {
                guard target.state == .approved || target.state == .production else {
                    return .failure(.invalidState(model: model, version: version, state: target.state,
                                                  action: "make champion", expected: "approved (approve it first)"))
                }
            } else if [.rejected, .archived, .decommissioned].contains(target.state) {
                return .failure(.invalidState(model: model, version: version, state: target.state, action: "point '\(alias)' at",
                                              expected: "registered, candidate, approved or production"))
            }
        }
        let previous = models[index].current[alias]
        guard previous != version else { return .success(nil) }
        let move = AliasMove(sequence: aliasMoves.count, model: model, alias: alias, version: version, at: at, by: by, reason: reason)
        appendMove(move, to: index)
        unsavedChanges.append(.aliasMove(move))
        if alias == Self.championAlias {
            if let previous, var old = self.version(model, previous), old.state == .production {
                old.state = .approved
                old.stateNote = version.map { "replaced as champion by v\($0) (\(by))" } ?? "champion alias removed by \(by)"
                update(old, model: index, at: at)
            }
            if let version, var new = self.version(model, version) {
                new.state = .production
                new.stateNote = "promoted by \(by): \(reason)"
                update(new, model: index, at: at)
            }
        }
        return .success(move)
    }

    /// Makes an approved version the champion: moves the `champion` alias to
    /// it and puts it in production (the previous champion goes back to
    /// approved). Nil when it already is the champion.
    public func promote(model: String, version: Int, by: String, reason: String = "promoted",
                        at: SimTime) -> Result<AliasMove?, RegistryError> {
        moveAlias(model: model, alias: Self.championAlias, version: version, by: by, reason: reason, at: at)
    }
}
