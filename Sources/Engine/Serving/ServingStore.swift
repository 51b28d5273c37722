import SimKernel

/// One change to persist for the serving side: a routing change (append-only
/// history) or a deployment's current state (replaced).
public enum ServingChange: Sendable, Hashable {
    case traffic(TrafficChange)
    case deployment(DeploymentState)
}

/// What a deployment needs to resume after a restart: its stable version,
/// the candidates it has already tried, and its rollout (JSON of the
/// engine's rollout state; nil when none ran yet).
public struct DeploymentState: Sendable, Hashable {
    public var deployment: String
    public var stableVersion: Int?
    /// Versions this deployment rolled out before (promoted or not), ascending.
    public var triedVersions: [Int]
    public var rolloutJSON: String?
    public var updatedAt: SimTime

    public init(deployment: String, stableVersion: Int?, triedVersions: [Int], rolloutJSON: String?, updatedAt: SimTime) {
        self.deployment = deployment
        self.stableVersion = stableVersion
        self.triedVersions = triedVersions
        self.rolloutJSON = rolloutJSON
        self.updatedAt = updatedAt
    }
}

/// Where the serving side keeps its history: every traffic change (time,
/// routing, why, who) so that "what was serving at time T" is answered,
/// and each deployment's state for a restart.
public protocol ServingStore: AnyObject {
    /// Writes the changes in one transaction (all or nothing).
    func append(_ changes: [ServingChange]) throws
    /// Every deployment's saved state, by deployment id.
    func deploymentStates() throws -> [DeploymentState]
    /// A deployment's traffic changes, oldest first; the newest `limit` when given.
    func trafficChanges(deployment: String, limit: Int?) throws -> [TrafficChange]
    /// The routing in force at `time`: the last change at or before it.
    func trafficChange(deployment: String, at time: SimTime) throws -> TrafficChange?
    /// Replaces the published status (the running engine's summaries, so
    /// other processes can show live figures).
    func publish(_ summaries: [DeploymentSummary], at time: SimTime) throws
    /// The last published status, in the order published (nil when none).
    func publishedStatus() throws -> PublishedServingStatus?
}

/// Deployment summaries as a running engine last published them.
public struct PublishedServingStatus: Sendable, Hashable {
    /// The simulated time of the publication.
    public var at: SimTime
    public var deployments: [DeploymentSummary]
    public init(at: SimTime, deployments: [DeploymentSummary]) {
        self.at = at
        self.deployments = deployments
    }
}

/// A ``ServingStore`` in memory, for tests and runs without a state
/// directory. Not thread-safe, like the engine.
public final class InMemoryServingStore: ServingStore {
    private var changes: [TrafficChange] = []
    private var states: [DeploymentState] = []
    private var published: PublishedServingStatus?
    /// When set, the next ``append(_:)`` throws it (and stores nothing), then clears it.
    public var failNextAppend: (any Error)?
    /// While set, every ``append(_:)`` throws it (a full disk).
    public var failAppends: (any Error)?

    public init() {}

    public func append(_ batch: [ServingChange]) throws {
        if let error = failNextAppend {
            failNextAppend = nil
            throw error
        }
        if let error = failAppends { throw error }
        for change in batch {
            switch change {
            case .traffic(let traffic):
                changes.append(traffic)
            case .deployment(let state):
                if let index = states.firstIndex(where: { $0.deployment == state.deployment }) {
                    states[index] = state
                } else {
                    states.append(state)
                }
            }
        }
    }

    public func deploymentStates() throws -> [DeploymentState] {
        states.sorted { $0.deployment < $1.deployment }
    }

    public func trafficChanges(deployment: String, limit: Int?) throws -> [TrafficChange] {
        let all = changes.filter { $0.deployment == deployment }
        guard let limit else { return all }
        return Array(all.suffix(Swift.max(0, limit)))
    }

    public func trafficChange(deployment: String, at time: SimTime) throws -> TrafficChange? {
        changes.last { $0.deployment == deployment && $0.time <= time }
    }

    public func publish(_ summaries: [DeploymentSummary], at time: SimTime) throws {
        published = PublishedServingStatus(at: time, deployments: summaries)
    }

    public func publishedStatus() throws -> PublishedServingStatus? { published }
}
