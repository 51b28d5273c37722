/// What a rollout asks of the engine after an evaluation or a command, in
/// order: routing changes (each with its reason), registry work and log lines.
public enum RolloutEffect: Sendable, Hashable, Codable {
    /// Route the deployment's traffic this way from now on; `why` is the
    /// one-line reason persisted with the traffic change
    /// (`canary step 3/7: weight 25%`, `rolled back: p99_latency_ms 182 >= 150 (threshold 150)`).
    case route(RoutingTable, why: String)
    /// The rollout waits at a gate for the version's registry approval.
    case requestApproval(version: Int)
    /// An operator passed an approval gate by promoting with a reason:
    /// record the registry approval of `version` by `by` with `reason`.
    case recordApproval(version: Int, by: String, reason: String)
    /// The candidate took all traffic: it is the new stable version (move
    /// the deployment's promote alias).
    case promoted(version: Int)
    /// The rollout rolled back automatically; traffic is (or is being put)
    /// back on the stable version.
    case rolledBack(reason: String)
    /// An operator stopped the rollout; traffic is back on the stable version.
    case aborted(reason: String)
    /// A line for the deployment's log.
    case log(String)
}

/// Why a rollout command was refused (shown to the operator as is).
public struct RolloutRefusal: Error, Sendable, Hashable, Codable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
