extension EngineEventKind {
    /// A run was triggered by an operator (or queued behind max_active_runs).
    public static let runTriggered = EngineEventKind(rawValue: "run")
    /// A schedule fired (or missed intervals were found at start).
    public static let scheduleFired = EngineEventKind(rawValue: "schedule")
    /// A run reached a final state.
    public static let runFinished = EngineEventKind(rawValue: "run-finished")
    /// An operator cancelled a run.
    public static let runCancelled = EngineEventKind(rawValue: "cancel")
    /// An operator reran a run from failure.
    public static let runRerun = EngineEventKind(rawValue: "rerun")
    /// An operator cleared a step (it and its downstream run again).
    public static let stepCleared = EngineEventKind(rawValue: "clear")
    /// An operator marked a step succeeded or failed.
    public static let stepMarked = EngineEventKind(rawValue: "mark")
    /// Runs in flight when the engine last stopped were marked interrupted.
    public static let runInterrupted = EngineEventKind(rawValue: "interrupted")
    /// Writing the run history failed (the changes are kept and retried).
    public static let storeError = EngineEventKind(rawValue: "store-error")
}
