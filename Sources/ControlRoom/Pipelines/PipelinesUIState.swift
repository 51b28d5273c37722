import Engine

/// The panes of the Pipelines screen, in the order Enter drills into them.
public enum PipelinesPane: Int, CaseIterable, Sendable {
    case pipelines, runs, steps, log

    public var title: String {
        switch self {
        case .pipelines: return "Pipelines"
        case .runs: return "Runs"
        case .steps: return "DAG"
        case .log: return "Log"
        }
    }
}

/// What the Pipelines screen has selected. Selections are kept by id, not
/// by row, so they stay put while runs come and go.
public struct PipelinesUIState: Equatable, Sendable {
    public var pane: PipelinesPane = .pipelines
    /// The selected pipeline; the run list shows only its runs.
    public var pipeline: String?
    /// The selected run; nil follows the newest run of the pipeline.
    public var run: RunID?
    /// The selected step; nil picks the most interesting one (running,
    /// failed, else the first).
    public var step: String?
    /// The log panel shows the newest lines as they arrive.
    public var followLog = true
    /// Lines scrolled back from the newest when not following.
    public var logOffset = 0

    public init() {}
}
