import Engine

/// The Pipelines screen's lists, derived from a snapshot and the UI state:
/// the reducer moves selections through them and the views draw them.
public struct PipelinesData: Sendable, Equatable {
    public var pipelines: [PipelineSummary]
    public var selectedPipeline: PipelineSummary?
    /// Runs of the selected pipeline (all pipelines when none is selected),
    /// newest first, after the screen's filter.
    public var runs: [RunSummary]
    public var selectedRun: RunSummary?
    /// The selected run's steps in the pipeline's order.
    public var steps: [StepSummary]
    public var selectedStep: StepSummary?

    public init(snapshot: EngineSnapshot, state: PipelinesUIState, filter: String) {
        let pipelines = snapshot.pipelines
        let selectedPipeline = state.pipeline.flatMap { id in pipelines.first { $0.id == id } } ?? pipelines.first
        let pipelineID = selectedPipeline?.id
        let needle = filter.lowercased()
        let runs = snapshot.runs.filter { run in
            (pipelineID == nil || run.pipeline == pipelineID)
                && (needle.isEmpty || PipelinesData.matches(run, needle))
        }
        let selectedRun = state.run.flatMap { id in runs.first { $0.id == id } } ?? runs.first
        let steps = selectedRun?.steps ?? []
        self.pipelines = pipelines
        self.selectedPipeline = selectedPipeline
        self.runs = runs
        self.selectedRun = selectedRun
        self.steps = steps
        self.selectedStep = state.step.flatMap { id in steps.first { $0.id == id } } ?? PipelinesData.mostInteresting(steps)
    }

    static func matches(_ run: RunSummary, _ needle: String) -> Bool {
        "#\(run.id) \(run.pipeline) \(run.state.rawValue) \(run.trigger) \(run.reason)".lowercased().contains(needle)
    }

    /// A running step, else a failed one, else the first.
    static func mostInteresting(_ steps: [StepSummary]) -> StepSummary? {
        steps.first { $0.state == .running || $0.state == .retrying }
            ?? steps.first { $0.state == .failed }
            ?? steps.first
    }

    /// Index of the selection in the focused pane's list.
    func index(in pane: PipelinesPane) -> Int {
        switch pane {
        case .pipelines: return pipelines.firstIndex { $0.id == selectedPipeline?.id } ?? 0
        case .runs: return runs.firstIndex { $0.id == selectedRun?.id } ?? 0
        case .steps, .log: return steps.firstIndex { $0.id == selectedStep?.id } ?? 0
        }
    }
}
