import Engine

extension Reducer {
    /// The Pipelines screen's actions; nil when `action` is not one of its
    /// own (the general reducer handles it).
    static func reducePipelines(_ action: Action, state: inout UIState, data: PipelinesData, user: String?) -> [EngineCommand]? {
        guard state.mode == .normal else { return nil }
        var ui = state.pipelines
        defer { state.pipelines = ui }
        switch action {
        case .moveSelection(let delta):
            move(&ui, data: data, to: data.index(in: ui.pane) + delta, logDelta: delta)
        case .selectFirst:
            move(&ui, data: data, to: 0, logDelta: Int.min / 2)
        case .selectLast:
            move(&ui, data: data, to: Int.max / 2, logDelta: Int.max / 2)
        case .drillIn:
            switch ui.pane {
            case .pipelines:
                guard let pipeline = data.selectedPipeline else { return [] }
                ui.pipeline = pipeline.id
                ui.pane = .runs
            case .runs:
                guard let run = data.selectedRun else {
                    state.status = StatusMessage("no run yet: t triggers one", isError: true)
                    return []
                }
                ui.run = run.id
                ui.pane = .steps
            case .steps:
                guard let step = data.selectedStep else { return [] }
                ui.step = step.id
                ui.pane = .log
            case .log:
                break
            }
        case .drillOut:
            switch ui.pane {
            case .pipelines:
                state.filters[.pipelines] = nil
            case .runs:
                ui.pane = .pipelines
            case .steps:
                ui.pane = .runs
            case .log:
                ui.pane = .steps
            }
        case .triggerRun:
            guard let pipeline = data.selectedPipeline else {
                state.status = StatusMessage("no pipeline to trigger: the project declares none", isError: true)
                return []
            }
            state.dialog = .trigger(TriggerForm(pipeline: pipeline.id, params: pipeline.params))
            state.mode = .dialog
        case .rerunFromFailure:
            guard let run = data.selectedRun else { return noRun(&state) }
            return [.rerunFromFailure(run.id, by: user)]
        case .cancelRun:
            guard let run = data.selectedRun else { return noRun(&state) }
            state.dialog = .confirm(ConfirmDialog(
                title: "Cancel run #\(run.id)?",
                message: ["\(run.pipeline) run #\(run.id) is \(run.state.rawValue). Running steps are stopped (shell steps get SIGTERM, then SIGKILL) and the run ends as cancelled."],
                command: .cancelRun(run.id, by: user)
            ))
            state.mode = .dialog
        case .clearStep:
            guard let run = data.selectedRun, let step = data.selectedStep else { return noRun(&state) }
            return [.clearStep(run.id, step: step.id, by: user)]
        case .markStep:
            guard let run = data.selectedRun, let step = data.selectedStep else { return noRun(&state) }
            state.dialog = .markStep(run: run.id, step: step.id)
            state.mode = .dialog
        case .toggleFollowLog:
            ui.followLog.toggle()
            ui.logOffset = 0
            state.status = StatusMessage(ui.followLog ? "following the log" : "log follow off: j/k scroll")
        default:
            return nil
        }
        return []
    }

    private static func noRun(_ state: inout UIState) -> [EngineCommand] {
        state.status = StatusMessage("select a run first (Enter on a pipeline lists its runs)", isError: true)
        return []
    }

    /// Moves the focused pane's selection to `index` (clamped); in the log
    /// pane scrolls by `logDelta` lines instead (down = newer).
    private static func move(_ ui: inout PipelinesUIState, data: PipelinesData, to index: Int, logDelta: Int) {
        func clamp(_ i: Int, _ count: Int) -> Int { max(0, min(i, count - 1)) }
        switch ui.pane {
        case .pipelines:
            guard !data.pipelines.isEmpty else { return }
            let id = data.pipelines[clamp(index, data.pipelines.count)].id
            if id != ui.pipeline { ui.run = nil; ui.step = nil }
            ui.pipeline = id
        case .runs:
            guard !data.runs.isEmpty else { return }
            let id = data.runs[clamp(index, data.runs.count)].id
            if id != ui.run { ui.step = nil }
            ui.run = id
        case .steps:
            guard !data.steps.isEmpty else { return }
            ui.step = data.steps[clamp(index, data.steps.count)].id
        case .log:
            ui.logOffset = max(0, ui.logOffset - logDelta)
            ui.followLog = ui.logOffset == 0
        }
    }
}
