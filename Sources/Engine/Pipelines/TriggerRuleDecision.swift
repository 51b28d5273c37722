/// The final states of a step's needs, counted. `failed` counts the needs
/// that ended `failed`, `upstream_failed`, `cancelled` or `interrupted`;
/// `skipped` those that were skipped.
struct UpstreamCounts: Equatable {
    var total: Int
    var succeeded = 0
    var failed = 0
    var skipped = 0

    var done: Int { succeeded + failed + skipped }
    var allDone: Bool { done == total }
}

/// What a trigger rule makes of the needs' states so far.
enum TriggerDecision: Equatable {
    /// Not decided yet: wait for more needs to finish.
    case wait
    /// The rule is satisfied: the step runs.
    case run
    /// The rule can no longer be satisfied because a need failed.
    case upstreamFailed
    /// The rule can no longer be satisfied (or, for `all_failed`/`one_failed`,
    /// there is nothing to react to).
    case skip
}

extension TriggerRule {
    /// Airflow's trigger-rule semantics on the needs' final states
    /// (failed = failed, upstream_failed, cancelled or interrupted):
    ///
    /// | rule          | runs when                         | upstream_failed when                      | skipped when                           |
    /// |---------------|-----------------------------------|-------------------------------------------|----------------------------------------|
    /// | `all_success` | all needs succeeded               | a need failed (at once)                   | a need was skipped, none failed        |
    /// | `all_failed`  | all needs failed                  | —                                         | a need succeeded or was skipped (at once) |
    /// | `all_done`    | all needs are final               | —                                         | —                                      |
    /// | `one_success` | one need succeeded (at once)      | all final, none succeeded, not all skipped | all final and all skipped             |
    /// | `one_failed`  | one need failed (at once)         | —                                         | all final and none failed              |
    /// | `none_failed` | all final and none failed (skipped is fine) | a need failed (at once)         | —                                      |
    /// | `always`      | at once, without waiting for its needs | —                                    | —                                      |
    ///
    /// "At once" means the decision is taken as soon as one need qualifies,
    /// without waiting for the others. A step with no needs always runs.
    func decide(_ counts: UpstreamCounts) -> TriggerDecision {
        if counts.total == 0 { return .run }
        switch self {
        case .allSuccess:
            if counts.failed > 0 { return .upstreamFailed }
            if counts.skipped > 0 { return .skip }
            return counts.allDone ? .run : .wait
        case .allFailed:
            if counts.succeeded > 0 || counts.skipped > 0 { return .skip }
            return counts.allDone ? .run : .wait
        case .allDone:
            return counts.allDone ? .run : .wait
        case .oneSuccess:
            if counts.succeeded > 0 { return .run }
            guard counts.allDone else { return .wait }
            return counts.skipped == counts.total ? .skip : .upstreamFailed
        case .oneFailed:
            if counts.failed > 0 { return .run }
            return counts.allDone ? .skip : .wait
        case .noneFailed:
            if counts.failed > 0 { return .upstreamFailed }
            return counts.allDone ? .run : .wait
        case .always:
            return .run
        }
    }
}
