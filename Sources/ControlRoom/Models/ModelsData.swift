import Engine

/// The Models screen's lists, derived from a snapshot and the UI state: the
/// reducer moves selections through them and the views draw them.
public struct ModelsData: Sendable, Equatable {
    public var models: [ModelSummary]
    public var selectedModel: ModelSummary?
    /// The selected model's newest versions, newest first, after the filter.
    public var versions: [VersionSummary]
    public var selectedVersion: VersionSummary?
    /// The version marked for comparison, when it is still listed.
    public var compareVersion: VersionSummary?

    public init(snapshot: EngineSnapshot, state: ModelsUIState, filter: String) {
        let models = snapshot.models
        let firstPending = snapshot.pendingApprovals.first
        let selectedModel = state.model.flatMap { id in models.first { $0.id == id } }
            ?? firstPending.flatMap { pending in models.first { $0.id == pending.model } }
            ?? models.first
        let needle = filter.lowercased()
        let versions = (selectedModel?.versions ?? []).filter { needle.isEmpty || ModelsData.matches($0, needle) }
        let pendingVersion = selectedModel?.pendingApprovals.first?.version
        self.models = models
        self.selectedModel = selectedModel
        self.versions = versions
        self.selectedVersion = state.version.flatMap { number in versions.first { $0.number == number } }
            ?? pendingVersion.flatMap { number in versions.first { $0.number == number } }
            ?? versions.first
        self.compareVersion = state.compare.flatMap { number in versions.first { $0.number == number } }
    }

    static func matches(_ version: VersionSummary, _ needle: String) -> Bool {
        let v = version.version
        let text = "v\(v.version) \(v.state.rawValue) \(version.aliases.joined(separator: " ")) \(v.tags.joined(separator: " ")) \(v.description ?? "")"
        return text.lowercased().contains(needle)
    }

    /// Index of the selection in the focused pane's list.
    func index(in pane: ModelsPane) -> Int {
        switch pane {
        case .models: return models.firstIndex { $0.id == selectedModel?.id } ?? 0
        case .versions: return versions.firstIndex { $0.number == selectedVersion?.number } ?? 0
        }
    }
}
