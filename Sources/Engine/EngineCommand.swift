/// An instruction to the engine, as data: the UI's reducer and the CLI build
/// these and hand them to ``Engine/apply(_:)``, so tests can assert on them.
public enum EngineCommand: Hashable, Sendable, Codable {
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
    /// Approve a version's pending approval request; `reason` is required,
    /// `evidence` is what the operator was shown (empty: the metrics of this
    /// moment are recorded).
    case approve(model: String, version: Int, reason: String, identity: DecisionIdentity, evidence: [EvidenceItem] = [])
    /// Reject a version's pending approval request; `reason` is required.
    case reject(model: String, version: Int, reason: String, identity: DecisionIdentity, evidence: [EvidenceItem] = [])
    /// Point an alias at a version (nil: remove it); moving `champion` promotes.
    case moveAlias(model: String, alias: String, version: Int?, by: String, reason: String)
    /// Make an approved version the champion and put it in production.
    case promote(model: String, version: Int, by: String)
    /// Archive a version (keeps its artifact; refused while it holds an alias).
    case archive(model: String, version: Int, by: String)
    /// Stop a version serving (keeps its artifacts; refused while it holds an alias).
    case decommission(model: String, version: Int, by: String)
    /// Run every model's retention now.
    case cleanupRegistry(by: String)
    /// An operator's rollout command for a deployment. `reason` is required
    /// by `promote` at an approval gate (it records the registry approval
    /// with `identity`) and by `abort`.
    case rollout(deployment: String, action: RolloutAction, reason: String?, identity: DecisionIdentity)
    /// Sets the candidate's live share, within the bounds the strategy allows.
    case setRolloutWeight(deployment: String, percent: Int, by: String)
    /// Pins a bandit arm (it gets all traffic), freezes it (its share is
    /// held while the others adapt) or releases it.
    case banditArm(deployment: String, version: Int, hold: BanditArmHold, by: String)
    /// Acknowledges a firing alert: someone owns it (it stays until resolved).
    case acknowledgeAlert(String, identity: DecisionIdentity, reason: String? = nil)
    /// Silences an alert until `duration` of simulated time has passed
    /// (it keeps being evaluated and recorded, but is not shown as firing).
    case silenceAlert(String, duration: SimDuration, identity: DecisionIdentity, reason: String? = nil)
}

/// What an operator does to a bandit arm.
public enum BanditArmHold: String, Sendable, Hashable, Codable, CaseIterable {
    case pin, freeze, release
}
