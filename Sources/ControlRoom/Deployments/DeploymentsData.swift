import Engine

/// The Deployments screen's list, derived from a snapshot and the UI state:
/// the reducer moves the selection through it and the views draw it.
public struct DeploymentsData: Sendable, Equatable {
    /// The deployments after the screen's filter, in project-file order.
    public var deployments: [DeploymentSummary]
    /// How many deployments the project has (before the filter).
    public var total: Int
    public var selected: DeploymentSummary?
    /// The selected deployment's selected bandit arm, when it is a bandit.
    public var selectedArm: BanditArm?

    public init(snapshot: EngineSnapshot, state: DeploymentsUIState, filter: String) {
        let needle = filter.lowercased()
        let listed = snapshot.deployments.filter { needle.isEmpty || DeploymentsData.matches($0, needle) }
        let selected = state.deployment.flatMap { id in listed.first { $0.id == id } } ?? listed.first
        self.deployments = listed
        self.total = snapshot.deployments.count
        self.selected = selected
        let arms = selected?.bandit?.arms ?? []
        self.selectedArm = state.arm.flatMap { version in arms.first { $0.version == version } } ?? arms.first
    }

    static func matches(_ deployment: DeploymentSummary, _ needle: String) -> Bool {
        "\(deployment.id) \(deployment.model) \(deployment.strategy) \(deployment.mode) \(deployment.phase.rawValue) \(deployment.reason)"
            .lowercased().contains(needle)
    }

    /// Index of the selection in the list.
    var selectedIndex: Int { deployments.firstIndex { $0.id == selected?.id } ?? 0 }
}
