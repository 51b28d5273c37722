import TUICore

/// One row of the key map: in `mode`, `key` triggers `action`.
public struct KeyBinding: Sendable, Equatable {
    public var key: KeyEvent
    public var mode: InputMode
    /// The screen the binding works on; nil for every screen.
    public var screen: Screen?
    public var action: Action
    /// The sentence the help overlay shows.
    public var help: String
    /// A short label for the key-hint bar; nil keeps the binding out of it.
    public var hint: String?

    public init(_ key: KeyEvent, _ mode: InputMode, _ action: Action, _ help: String, hint: String? = nil, screen: Screen? = nil) {
        self.key = key
        self.mode = mode
        self.screen = screen
        self.action = action
        self.help = help
        self.hint = hint
    }
}

/// The single table of keys: the reducer looks keys up here, and the help
/// overlay and key-hint bar are generated from it.
public struct KeyMap: Sendable {
    public let bindings: [KeyBinding]

    public init(bindings: [KeyBinding]) { self.bindings = bindings }

    /// The action for `key` in `mode` on `screen`: a binding for that screen
    /// wins over one for every screen. In the text modes and dialogs an
    /// unbound key goes to the line or dialog.
    public func action(for key: KeyEvent, in mode: InputMode, on screen: Screen = .overview) -> Action? {
        if let binding = bindings.first(where: { $0.mode == mode && $0.key == key && $0.screen == screen })
            ?? bindings.first(where: { $0.mode == mode && $0.key == key && $0.screen == nil }) {
            return binding.action
        }
        switch mode {
        case .command, .filter: return .editText(key)
        case .dialog: return .dialogKey(key)
        case .normal, .help: return nil
        }
    }

    /// The bindings of `mode` on `screen` that have a hint, in the order the
    /// hint bar shows them: help and quit, the screen's own, then the rest
    /// (the bar drops hints from the end when it is narrow).
    public func hints(for mode: InputMode, on screen: Screen = .overview) -> [KeyBinding] {
        let general = bindings.filter { $0.mode == mode && $0.hint != nil && $0.screen == nil }
        let leading = general.filter { $0.action == .openHelp || $0.action == .quit }
        let own = bindings.filter { $0.mode == mode && $0.hint != nil && $0.screen == screen }
        // A key the screen binds itself (Space on Deployments) is hinted once, as the screen's.
        let ownKeys = bindings.filter { $0.mode == mode && $0.screen == screen }.map(\.key)
        return leading + own + general.filter { $0.action != .openHelp && $0.action != .quit && !ownKeys.contains($0.key) }
    }

    /// Help lines for `mode` (and `screen`: nil for the bindings that work
    /// everywhere): bindings with the same help are merged into one line
    /// listing all their keys ("↓ j").
    public func helpEntries(for mode: InputMode, screen: Screen? = nil) -> [(keys: String, help: String)] {
        var entries: [(keys: String, help: String)] = []
        for binding in bindings where binding.mode == mode && binding.screen == screen {
            if let i = entries.firstIndex(where: { $0.help == binding.help }) {
                entries[i].keys += " " + binding.key.description
            } else {
                entries.append((binding.key.description, binding.help))
            }
        }
        return entries
    }

    /// The control room's key map.
    public static let standard: KeyMap = {
        var b: [KeyBinding] = [
            KeyBinding(.char("?"), .normal, .openHelp, "Show this help", hint: "? Help"),
            KeyBinding(.char("q"), .normal, .quit, "Quit", hint: "q Quit"),
            KeyBinding(.ctrl("c"), .normal, .quit, "Quit"),
        ]
        for screen in Screen.allCases {
            let key = KeyEvent.char(Character(String(screen.rawValue)))
            b.append(KeyBinding(key, .normal, .showScreen(screen), "Show \(screen.title)", hint: screen == .overview ? "1-6 Screens" : nil))
        }
        b += [
            KeyBinding(.tab, .normal, .nextScreen, "Next screen"),
            KeyBinding(.backTab, .normal, .previousScreen, "Previous screen"),
            KeyBinding(.down, .normal, .moveSelection(1), "Move selection down"),
            KeyBinding(.char("j"), .normal, .moveSelection(1), "Move selection down", hint: "j/k Move"),
            KeyBinding(.up, .normal, .moveSelection(-1), "Move selection up"),
            KeyBinding(.char("k"), .normal, .moveSelection(-1), "Move selection up"),
            KeyBinding(.pageDown, .normal, .moveSelection(10), "Move selection down a page"),
            KeyBinding(.pageUp, .normal, .moveSelection(-10), "Move selection up a page"),
            KeyBinding(.home, .normal, .selectFirst, "Select the first row"),
            KeyBinding(.char("g"), .normal, .selectFirst, "Select the first row"),
            KeyBinding(.end, .normal, .selectLast, "Select the last row"),
            KeyBinding(.char("G"), .normal, .selectLast, "Select the last row"),
            KeyBinding(.char(" "), .normal, .togglePause, "Pause or resume simulated time", hint: "Space Pause"),
            KeyBinding(.char("+"), .normal, .faster, "Faster simulated time", hint: "+/- Speed"),
            KeyBinding(.char("="), .normal, .faster, "Faster simulated time"),
            KeyBinding(.char("-"), .normal, .slower, "Slower simulated time"),
            KeyBinding(.char("/"), .normal, .openFilter, "Filter the current list", hint: "/ Filter"),
            KeyBinding(.char(":"), .normal, .openCommandLine, "Open the command line", hint: ": Command"),
            KeyBinding(.escape, .normal, .closeOverlay, "Clear the filter"),

            KeyBinding(.enter, .normal, .drillIn, "Open: pipeline -> its runs -> the run's DAG -> the step's log", hint: "Enter Open", screen: .pipelines),
            KeyBinding(.right, .normal, .drillIn, "Open: pipeline -> its runs -> the run's DAG -> the step's log", screen: .pipelines),
            KeyBinding(.left, .normal, .drillOut, "Back to the previous pane", screen: .pipelines),
            KeyBinding(.escape, .normal, .drillOut, "Back to the previous pane (then clear the filter)", screen: .pipelines),
            KeyBinding(.char("t"), .normal, .triggerRun, "Trigger the selected pipeline (asks for params)", hint: "t Trigger", screen: .pipelines),
            KeyBinding(.char("r"), .normal, .rerunFromFailure, "Rerun the selected run from its failure", hint: "r Rerun", screen: .pipelines),
            KeyBinding(.char("c"), .normal, .cancelRun, "Cancel the selected run (confirm)", hint: "c Cancel", screen: .pipelines),
            KeyBinding(.char("x"), .normal, .clearStep, "Clear the selected step and its downstream (rerun them)", hint: "x Clear", screen: .pipelines),
            KeyBinding(.char("m"), .normal, .markStep, "Mark the selected step success or failed (confirm)", hint: "m Mark", screen: .pipelines),
            KeyBinding(.char("l"), .normal, .toggleFollowLog, "Follow the log (newest lines) on or off", hint: "l Follow", screen: .pipelines),

            KeyBinding(.char("p"), .normal, .promoteRollout, "Promote the selected rollout to its next step (at an approval gate asks for a reason)", hint: "p Promote", screen: .deployments),
            KeyBinding(.char("P"), .normal, .promoteRolloutFully, "Promote fully: the candidate takes all traffic now (confirm)", hint: "P Full", screen: .deployments),
            KeyBinding(.char("a"), .normal, .abortRollout, "Abort the rollout and roll back to the stable version (asks for a reason)", hint: "a Abort", screen: .deployments),
            KeyBinding(.char(" "), .normal, .toggleRolloutPause, "Pause or resume the selected rollout (here; :pause stops simulated time)", hint: "Space Hold", screen: .deployments),
            KeyBinding(.char("w"), .normal, .setRolloutWeight, "Set the candidate's traffic weight (asks for a percent 0-100)", hint: "w Weight", screen: .deployments),
            KeyBinding(.char("r"), .normal, .retryRollout, "Retry a rolled-back or aborted rollout from its first step", hint: "r Retry", screen: .deployments),
            KeyBinding(.char("["), .normal, .moveArmSelection(-1), "Select the previous bandit arm", screen: .deployments),
            KeyBinding(.char("]"), .normal, .moveArmSelection(1), "Select the next bandit arm", hint: "[/] Arm", screen: .deployments),
            KeyBinding(.char("i"), .normal, .pinArm, "Pin the selected bandit arm: it gets all traffic (again: release)", hint: "i Pin", screen: .deployments),
            KeyBinding(.char("f"), .normal, .freezeArm, "Freeze the selected bandit arm's share while the others adapt (again: release)", hint: "f Freeze", screen: .deployments),
            KeyBinding(.char("u"), .normal, .releaseArm, "Release the selected bandit arm (pinned or frozen)", screen: .deployments),

            KeyBinding(.enter, .normal, .drillIn, "Focus the selected model's versions", hint: "Enter Open", screen: .models),
            KeyBinding(.right, .normal, .drillIn, "Focus the selected model's versions", screen: .models),
            KeyBinding(.left, .normal, .drillOut, "Back to the models", screen: .models),
            KeyBinding(.escape, .normal, .drillOut, "Clear the comparison, else back to the models (then clear the filter)", screen: .models),
            KeyBinding(.char("a"), .normal, .approveVersion, "Approve the selected version (asks for a reason)", hint: "a Approve", screen: .models),
            KeyBinding(.char("x"), .normal, .rejectVersion, "Reject the selected version (asks for a reason)", hint: "x Reject", screen: .models),
            KeyBinding(.char("p"), .normal, .moveAlias, "Point an alias at the selected version (asks for the alias)", hint: "p Alias", screen: .models),
            KeyBinding(.char("A"), .normal, .archiveVersion, "Archive the selected version (confirm)", hint: "A Archive", screen: .models),
            KeyBinding(.char("d"), .normal, .compareVersions, "Compare: mark the selected version, then select another; d again clears", hint: "d Compare", screen: .models),

            KeyBinding(.char("j"), .normal, .moveSelection(1), "Move selection down through the alerts, then the log (k acknowledges here: the Up arrow moves up)", hint: "j/Up Move", screen: .events),
            KeyBinding(.char("k"), .normal, .acknowledgeAlert, "Acknowledge the selected alert (asks for an optional reason; the Up arrow moves up here)", hint: "k Ack", screen: .events),
            KeyBinding(.char("s"), .normal, .silenceAlert, "Silence the selected alert for a duration (asks for it, 1h by default, then a reason)", hint: "s Silence", screen: .events),
            KeyBinding(.enter, .normal, .openSubject, "Open what the row is about: its run, version, deployment, alert or monitor", hint: "Enter Open", screen: .events),
            KeyBinding(.char("a"), .normal, .toggleAuditLog, "Switch the lower list between the event log and the audit log (who did what, from where)", hint: "a Audit", screen: .events),
            KeyBinding(.char("["), .normal, .moveMonitorSelection(-1), "Select the previous monitor", screen: .monitors),
            KeyBinding(.char("]"), .normal, .moveMonitorSelection(1), "Select the next monitor", hint: "[/] Monitor", screen: .monitors),
            KeyBinding(.tab, .normal, .cycleMonitors(1), "Next monitor; after the last one, the next screen", screen: .monitors),
            KeyBinding(.backTab, .normal, .cycleMonitors(-1), "Previous monitor; before the first one, the previous screen", screen: .monitors),
            KeyBinding(.enter, .normal, .openMonitorDeployment, "Open the monitor's deployment on the Deployments screen", hint: "Enter Deployment", screen: .monitors),

            KeyBinding(.enter, .dialog, .dialogSubmit, "Confirm", hint: "Enter OK"),
            KeyBinding(.escape, .dialog, .dialogCancel, "Cancel", hint: "Esc Cancel"),
            KeyBinding(.tab, .dialog, .dialogNextField, "Next field", hint: "Tab Next"),
            KeyBinding(.down, .dialog, .dialogNextField, "Next field"),
            KeyBinding(.backTab, .dialog, .dialogPreviousField, "Previous field"),
            KeyBinding(.up, .dialog, .dialogPreviousField, "Previous field"),
            KeyBinding(.ctrl("c"), .dialog, .quit, "Quit"),

            KeyBinding(.escape, .help, .closeOverlay, "Close help", hint: "Esc Close"),
            KeyBinding(.char("?"), .help, .closeOverlay, "Close help"),
            KeyBinding(.char("q"), .help, .closeOverlay, "Close help"),
            KeyBinding(.down, .help, .scrollHelp(1), "Scroll down", hint: "j/k Scroll"),
            KeyBinding(.char("j"), .help, .scrollHelp(1), "Scroll down"),
            KeyBinding(.up, .help, .scrollHelp(-1), "Scroll up"),
            KeyBinding(.char("k"), .help, .scrollHelp(-1), "Scroll up"),
            KeyBinding(.ctrl("c"), .help, .quit, "Quit"),

            KeyBinding(.enter, .command, .submitText, "Run the command", hint: "Enter Run"),
            KeyBinding(.tab, .command, .completeCommand, "Complete a screen or command name", hint: "Tab Complete"),
            KeyBinding(.escape, .command, .closeOverlay, "Cancel", hint: "Esc Cancel"),
            KeyBinding(.ctrl("c"), .command, .quit, "Quit"),

            KeyBinding(.enter, .filter, .submitText, "Keep the filter and return to the list", hint: "Enter Keep"),
            KeyBinding(.escape, .filter, .closeOverlay, "Clear the filter", hint: "Esc Clear"),
            KeyBinding(.ctrl("c"), .filter, .quit, "Quit"),
        ]
        return KeyMap(bindings: b)
    }()
}

extension KeyMap {
    /// This key map without the bindings whose action needs a right
    /// `rights` lacks (for the hint bar and help of a restricted operator).
    public func allowing(_ rights: OperatorRights) -> KeyMap {
        rights == .all ? self : KeyMap(bindings: bindings.filter(rights.allows))
    }

    /// The sections of the help overlay and README table, in order.
    public static let helpSections: [(InputMode, Screen?)] = [
        (.normal, nil), (.normal, .pipelines), (.normal, .deployments), (.normal, .models), (.normal, .monitors), (.normal, .events), (.dialog, nil), (.command, nil), (.filter, nil), (.help, nil),
    ]

    /// The key map as the Markdown table the README carries (a test keeps
    /// the README equal to it).
    public func markdownTable() -> String {
        var out = "| where | keys | what |\n|---|---|---|\n"
        for (mode, screen) in KeyMap.helpSections {
            for entry in helpEntries(for: mode, screen: screen) {
                let keys = entry.keys.split(separator: " ").map { "`\($0 == "|" ? "\\|" : String($0))`" }.joined(separator: " ")
                out += "| \(screen?.title ?? mode.title) | \(keys) | \(entry.help) |\n"
            }
        }
        return out
    }
}
