import SimKernel

/// One version as the Models screen's versions table and detail show it:
/// the version itself (state, lineage, metrics, artifact, created time,
/// description, tags), the aliases pointing at it, its pending approval and,
/// under an `auto` policy, whether the rule holds against the champion now.
public struct VersionSummary: Sendable, Hashable, Codable {
    public var version: ModelVersion
    /// Aliases pointing at it, sorted by name.
    public var aliases: [String]
    /// Its pending approval request with the evidence of this moment.
    public var pendingApproval: PendingApproval?
    /// The `auto` policy's rule evaluated on this version against the
    /// current champion (nil for `manual` and `two_person`, and for the
    /// champion itself).
    public var ruleEvaluation: RuleEvaluation?

    public init(version: ModelVersion, aliases: [String], pendingApproval: PendingApproval?, ruleEvaluation: RuleEvaluation?) {
        self.version = version
        self.aliases = aliases
        self.pendingApproval = pendingApproval
        self.ruleEvaluation = ruleEvaluation
    }

    /// The version number.
    public var number: Int { version.version }
}

extension ModelRegistry {
    /// How many versions per model the snapshot carries (the newest).
    public static let snapshotVersionLimit = 50

    /// The newest `limit` versions of a model, newest first, for the screen.
    public func versionSummaries(_ model: String, limit: Int = ModelRegistry.snapshotVersionLimit) -> [VersionSummary] {
        guard let spec = spec(model) else { return [] }
        let all = versions(model)
        let aliasList = aliases(model)
        let champion = self.champion(model)
        return all.suffix(max(0, limit)).reversed().map { version in
            var evaluation: RuleEvaluation?
            if case .auto(let rule) = spec.policy, champion?.version != version.version {
                evaluation = rule.evaluate(candidate: version.metrics, champion: champion?.metrics)
            }
            return VersionSummary(
                version: version,
                aliases: aliasList.filter { $0.version == version.version }.map(\.alias),
                pendingApproval: pendingRequest(model, version: version.version).map(pendingApproval),
                ruleEvaluation: evaluation
            )
        }
    }
}
