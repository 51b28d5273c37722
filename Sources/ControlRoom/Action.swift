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
    /// Pipelines screen: Enter moves focus into the next pane (pipeline ->
    /// its runs -> the run's steps -> the step's log); Esc/← back out.
    case drillIn
    case drillOut
    case triggerRun
    case rerunFromFailure
    case cancelRun
    case clearStep
    case markStep
    case toggleFollowLog
    /// Models screen: approve or reject the selected version (asks for a
    /// reason), point an alias at it, archive it (confirm), and mark it to
    /// compare with another version.
    case approveVersion
    case rejectVersion
    case moveAlias
    case archiveVersion
    case compareVersions
    /// Deployments screen: the selected rollout's operator commands (p, P,
    /// a, Space, w, r) and the selected bandit arm's hold ([ and ] select
    /// the arm; i pins, f freezes, u releases).
    case promoteRollout
    case promoteRolloutFully
    case abortRollout
    case toggleRolloutPause
    case setRolloutWeight
    case retryRollout
    case moveArmSelection(Int)
    case pinArm
    case freezeArm
    case releaseArm
    /// Events screen: acknowledge (k) or silence (s) the selected alert
    /// (each asks in a dialog), and open what the selected row is about
    /// (Enter: its run, version, deployment, alert or monitor).
    case acknowledgeAlert
    case silenceAlert
    case openSubject
    /// Events screen: `a` switches the lower list between the event log
    /// and the audit log.
    case toggleAuditLog
    /// Monitors screen: [ and ] select the previous or next monitor; Tab
    /// and Shift-Tab visit the monitors and then the next or previous
    /// screen; Enter opens the selected monitor's deployment.
    case moveMonitorSelection(Int)
    case cycleMonitors(Int)
    case openMonitorDeployment
    case dialogSubmit
    case dialogCancel
    case dialogNextField
    case dialogPreviousField
    /// A key typed into the open dialog (field text, or a choice letter).
    case dialogKey(KeyEvent)
}
