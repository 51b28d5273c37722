/// The panes of the Models screen, in the order Enter moves focus.
public enum ModelsPane: Int, CaseIterable, Sendable {
    case models, versions

    public var title: String {
        switch self {
        case .models: return "Models"
        case .versions: return "Versions"
        }
    }
}

/// What the Models screen has selected. Kept by id and version number, not
/// by row, so selections stay put while versions are registered.
public struct ModelsUIState: Equatable, Sendable {
    public var pane: ModelsPane = .models
    /// The selected model; nil picks the model of the first pending
    /// approval, else the first model.
    public var model: String?
    /// The selected version; nil picks the model's first pending approval,
    /// else its newest version.
    public var version: Int?
    /// The version marked with `d`: the detail compares it with the
    /// selected one.
    public var compare: Int?

    public init() {}
}
