/// The control room's screens, in tab order. The number is the key that
/// opens each one.
public enum Screen: Int, CaseIterable, Sendable {
    case overview = 1, pipelines, deployments, models, monitors, events

    public var title: String {
        switch self {
        case .overview: return "Overview"
        case .pipelines: return "Pipelines"
        case .deployments: return "Deployments"
        case .models: return "Models"
        case .monitors: return "Monitors"
        case .events: return "Events"
        }
    }

    /// Lower-case name used by the command line (`:pipelines`).
    public var commandName: String { title.lowercased() }

    public var next: Screen { Screen(rawValue: rawValue % Screen.allCases.count + 1)! }
    public var previous: Screen { Screen(rawValue: (rawValue + Screen.allCases.count - 2) % Screen.allCases.count + 1)! }

    public init?(commandName: String) {
        guard let match = Screen.allCases.first(where: { $0.commandName == commandName.lowercased() }) else { return nil }
        self = match
    }
}
