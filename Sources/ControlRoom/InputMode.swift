/// Which part of the control room receives keys.
public enum InputMode: Hashable, Sendable, CaseIterable {
    /// Keys act on the screen.
    case normal
    /// Typing into the `/` filter line.
    case filter
    /// Typing into the `:` command line.
    case command
    /// The `?` help overlay is open.
    case help
    /// A dialog (trigger, confirm, mark) is open.
    case dialog

    /// How the key map and help overlay name the mode.
    public var title: String {
        switch self {
        case .normal: return "Screens"
        case .filter: return "Filter line"
        case .command: return "Command line"
        case .help: return "Help"
        case .dialog: return "Dialogs"
        }
    }
}
