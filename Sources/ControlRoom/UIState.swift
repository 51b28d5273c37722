import Engine
import TUICore

/// A line of feedback under the screen: the result of a command or an error.
public struct StatusMessage: Hashable, Sendable {
    public var text: String
    public var isError: Bool

    public init(_ text: String, isError: Bool = false) {
        self.text = text
        self.isError = isError
    }
}

/// What the status line says about the session: operators attached to this
/// engine, the engine this view is attached to, or that engine having
/// stopped (`isAlert`: shown in the critical style, in place of the status).
public struct SessionBanner: Hashable, Sendable {
    public var text: String
    public var isAlert: Bool

    public init(_ text: String, isAlert: Bool) {
        self.text = text
        self.isAlert = isAlert
    }
}

/// Everything the control room remembers between frames that is not engine
/// state. Pure value: the reducer changes it, views read it.
public struct UIState: Equatable, Sendable {
    public var screen: Screen = .overview
    public var mode: InputMode = .normal
    public var commandLine = TextField()
    public var filterLine = TextField()
    /// The applied filter text per screen (empty: no filter).
    public var filters: [Screen: String] = [:]
    /// Selected row per screen (screens with a single list).
    public var selections: [Screen: Int] = [:]
    public var pipelines = PipelinesUIState()
    public var models = ModelsUIState()
    public var deployments = DeploymentsUIState()
    public var monitors = MonitorsUIState()
    /// Whether the Events screen lists the audit log instead of the event log.
    public var eventsShowAudit = false
    /// The open dialog when `mode == .dialog`.
    public var dialog: DialogState?
    public var helpOffset = 0
    public var status: StatusMessage?
    /// The session's banner (set by the run loop each frame).
    public var session: SessionBanner?
    /// Candidates the last Tab in the command line could not decide between.
    public var completions: [String] = []
    public var quitRequested = false

    public init(screen: Screen = .overview) { self.screen = screen }

    public func filter(for screen: Screen) -> String { filters[screen] ?? "" }
    public func selection(for screen: Screen) -> Int { selections[screen] ?? 0 }
}
