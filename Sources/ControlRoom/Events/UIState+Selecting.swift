import Engine

/// Opening a thing on its own screen: switch to the screen, select it
/// there, and clear that screen's filter so the selection shows.
extension UIState {
    /// The Pipelines screen with `run` selected in its pipeline's run list
    /// (`pipeline` nil when the run is no longer among the recent runs:
    /// then the screen shows the pipelines).
    public mutating func selectRun(_ run: RunID, pipeline: String?) {
        show(.pipelines)
        pipelines.pipeline = pipeline
        pipelines.run = run
        pipelines.step = nil
        pipelines.pane = pipeline == nil ? .pipelines : .runs
    }

    /// The Pipelines screen with `pipeline` selected.
    public mutating func selectPipeline(_ pipeline: String) {
        show(.pipelines)
        pipelines.pipeline = pipeline
        pipelines.run = nil
        pipelines.step = nil
        pipelines.pane = .pipelines
    }

    /// The Models screen with `model`'s `version` selected in its versions.
    public mutating func selectVersion(model: String, version: Int) {
        show(.models)
        models.model = model
        models.version = version
        models.compare = nil
        models.pane = .versions
    }

    /// The Deployments screen with `deployment` selected.
    public mutating func selectDeployment(_ deployment: String) {
        show(.deployments)
        deployments.deployment = deployment
        deployments.arm = nil
    }

    private mutating func show(_ target: Screen) {
        screen = target
        mode = .normal
        filters[target] = nil
    }
}
