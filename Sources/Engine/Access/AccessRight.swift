/// What an ``AccessPolicy`` grants: each state-changing command needs one.
public enum AccessRight: String, Sendable, Hashable, Codable, CaseIterable {
    /// Pause, resume and change the speed of the shared simulated clock.
    case control
    /// Trigger, cancel and rerun pipeline runs; clear and mark steps.
    case trigger
    /// Approve or reject versions, promote them, move aliases, promote a
    /// rollout past its gate.
    case approve
    /// Abort (roll back) a rollout.
    case rollback
    /// Change traffic: rollout weights, bandit arms, pause/resume/retry of a rollout.
    case weights
    /// Archive or decommission versions, run retention.
    case archive
    /// Acknowledge and silence alerts.
    case alerts
}

extension EngineCommand {
    /// The right a user needs for this command.
    public var requiredRight: AccessRight {
        switch self {
        case .pause, .resume, .togglePause, .setSpeed, .faster, .slower:
            return .control
        case .trigger, .cancelRun, .rerunFromFailure, .clearStep, .markStep:
            return .trigger
        case .approve, .reject, .moveAlias, .promote:
            return .approve
        case .rollout(_, let action, _, _):
            switch action {
            case .promote, .promoteFull: return .approve
            case .abort: return .rollback
            case .pause, .resume, .retry: return .weights
            }
        case .setRolloutWeight, .banditArm:
            return .weights
        case .archive, .decommission, .cleanupRegistry:
            return .archive
        case .acknowledgeAlert, .silenceAlert:
            return .alerts
        }
    }
}
