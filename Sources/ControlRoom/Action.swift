import TUICore

/// Everything an operator can ask for, independent of the key that asked.
public enum Action: Hashable, Sendable {
    case showScreen(Screen)
    case nextScreen
    case previousScreen
    case openHelp
    case closeOverlay
    case openCommandLine
    case openFilter
    case togglePause
    case faster
    case slower
    case moveSelection(Int)
    case selectFirst
    case selectLast
    case quit
    /// Edit the focused text line (command or filter) with this key.
    case editText(KeyEvent)
    case submitText
    case completeCommand
    case scrollHelp(Int)
}
