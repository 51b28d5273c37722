/// An instruction to the engine, as data: the UI's reducer and the CLI build
/// these and hand them to ``Engine/apply(_:)``, so tests can assert on them.
public enum EngineCommand: Hashable, Sendable {
    /// Stop the simulated clock (the run loop stops advancing the engine).
    case pause
    /// Start the simulated clock again.
    case resume
    /// Pause when running, resume when paused.
    case togglePause
    /// Run at the given speed.
    case setSpeed(SimSpeed)
    /// One step up the speed ladder.
    case faster
    /// One step down the speed ladder.
    case slower
    /// Start a run of a pipeline; `params` are `name`/`value` texts bound
    /// over the declared defaults and type-checked (`--param rows=500`).
    case trigger(pipeline: String, params: [ParamBinding], by: String?)
    /// Cancel a queued or running run.
    case cancelRun(RunID, by: String? = nil)
    /// Rerun a failed, cancelled or interrupted run: succeeded steps are
    /// kept, the others and everything downstream run again.
    case rerunFromFailure(RunID, by: String? = nil)
    /// Run a step and everything downstream of it again.
    case clearStep(RunID, step: String, by: String? = nil)
    /// Set a step's final state by hand; its downstream proceeds from it.
    case markStep(RunID, step: String, succeeded: Bool, by: String? = nil)
}
