import ControlRoom
import Engine

/// What the control room shows and acts on: the engine this process runs
/// (``LocalEngineSource``) or one another process runs, reached through the
/// state directory (``AttachedEngineSource``).
protocol ControlRoomSource: AnyObject {
    /// Before each frame: moves things along (advances a local engine by
    /// the real time passed, refreshes an attached view).
    func tick()
    /// Between frames, cheaply: applies or collects what other processes
    /// sent (channel commands, a new publication, answers to sent
    /// commands); returns whether the screen should be redrawn now.
    func poll() -> Bool
    /// How long the loop may wait for a key before polling again.
    var pollIntervalMilliseconds: Int { get }
    /// The state to draw; nil while an attached view has nothing yet.
    func snapshot(metrics: DeploymentMetricsScope) -> EngineSnapshot?
    /// The newest log lines of a step.
    func logTail(run: RunID, step: String) -> [LogLine]
    /// Carries out the reducer's commands on behalf of `origin`; returns
    /// the message for the status line, if any.
    func perform(_ commands: [EngineCommand], origin: CommandOrigin) -> StatusMessage?
    /// What the status line says about the session (attached operators,
    /// the engine attached to, an engine that stopped).
    var banner: SessionBanner? { get }
    /// A message the source wants shown once (a command's answer arriving
    /// later, a publication error); cleared by reading it.
    func takeNotice() -> StatusMessage?
    /// Ends the session: stops a local engine's shell steps, or tells the
    /// engine attached to that this operator left.
    func close()
}

extension EngineCommand {
    /// Operator commands whose result the status line shows (pause and
    /// speed show in the header instead).
    var reportsResult: Bool {
        switch self {
        case .pause, .resume, .togglePause, .setSpeed, .faster, .slower: return false
        default: return true
        }
    }
}
