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
}
