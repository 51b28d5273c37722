import SimKernel

/// One entry of the project file's `deployments:` section: a prediction
/// service of one registry model, how traffic reaches it, what each version
/// costs and answers like, and how a new version is rolled out.
public struct DeploymentSpec: Sendable, Hashable {
    /// The deployment's id (the key under `deployments:`).
    public var id: String
    public var description: String?
    /// The registry model it serves (a key of `models:`).
    public var model: String
    /// How requests arrive (real-time, batch, streaming, edge).
    public var mode: ServingMode
    /// Replicas per version and what each one handles.
    public var replicas: ReplicaSpec
    /// The latency and error model of a version that does not bring its own
    /// (a version's lineage params `serving_latency_ms`, `serving_latency_p99_ms`
    /// and `serving_error_rate` override these).
    public var profile: ServingProfile
    /// How long after a request its true label arrives (0 = at once).
    public var labelDelay: SimDuration
    /// Which registry version becomes the rollout's candidate.
    public var candidate: CandidateSource
    /// The registry alias moved to the candidate at full promotion, if any
    /// (e.g. `champion`).
    public var promoteAlias: String?
    /// The progressive-delivery strategy and its plan.
    public var strategy: StrategySpec

    public init(id: String, description: String? = nil, model: String, mode: ServingMode,
                replicas: ReplicaSpec = ReplicaSpec(), profile: ServingProfile = ServingProfile(),
                labelDelay: SimDuration = .zero, candidate: CandidateSource = .latest,
                promoteAlias: String? = nil, strategy: StrategySpec) {
        self.id = id
        self.description = description
        self.model = model
        self.mode = mode
        self.replicas = replicas
        self.profile = profile
        self.labelDelay = labelDelay
        self.candidate = candidate
        self.promoteAlias = promoteAlias
        self.strategy = strategy
    }
}

/// How requests reach a deployment (the serving modes of the seeds).
public enum ServingMode: Sendable, Hashable {
    /// Online requests: a Poisson process of `rate` per second, optionally
    /// modulated by a daily cycle.
    case realTime(RealTimeTraffic)
    /// Scheduled scoring jobs over a number of rows.
    case batch(BatchTraffic)
    /// A queue fed at an arrival rate and drained by the replicas.
    case streaming(StreamingTraffic)
    /// A fleet of devices that pull the version they should run.
    case edge(EdgeFleet)

    /// `realtime`, `batch`, `streaming` or `edge`.
    public var name: String {
        switch self {
        case .realTime: return "realtime"
        case .batch: return "batch"
        case .streaming: return "streaming"
        case .edge: return "edge"
        }
    }
}

/// Real-time traffic: mean requests per second and an optional daily cycle
/// `rate * (1 + amplitude * cos(2π (t - peak) / 24h))`.
public struct RealTimeTraffic: Sendable, Hashable {
    public var ratePerSecond: Double
    /// 0 (flat) up to 1.
    public var dailyAmplitude: Double
    /// Time of day (offset from midnight UTC) of the daily peak.
    public var dailyPeak: SimDuration
    public init(ratePerSecond: Double, dailyAmplitude: Double = 0, dailyPeak: SimDuration = .hours(14)) {
        self.ratePerSecond = ratePerSecond
        self.dailyAmplitude = dailyAmplitude
        self.dailyPeak = dailyPeak
    }
}

/// Batch scoring: every `every`, a job scores `rows` rows at `rowsPerSecond`
/// per replica (so a job lasts rows / (rowsPerSecond * replicas)).
public struct BatchTraffic: Sendable, Hashable {
    public var every: SimDuration
    public var rows: Int
    public var rowsPerSecond: Double
    public init(every: SimDuration, rows: Int, rowsPerSecond: Double) {
        self.every = every
        self.rows = rows
        self.rowsPerSecond = rowsPerSecond
    }
}

/// Streaming: events arrive at `ratePerSecond` (Poisson) into a queue;
/// each replica consumes up to `consumerPerSecond`; the backlog is the lag.
public struct StreamingTraffic: Sendable, Hashable {
    public var ratePerSecond: Double
    public var consumerPerSecond: Double
    public init(ratePerSecond: Double, consumerPerSecond: Double) {
        self.ratePerSecond = ratePerSecond
        self.consumerPerSecond = consumerPerSecond
    }
}

/// Edge: `devices` devices, each online with probability `onlineShare` at a
/// sync; online devices sync every `syncEvery` and pull the version the
/// rollout assigns them; each device scores `requestsPerSecond` locally.
public struct EdgeFleet: Sendable, Hashable {
    public var devices: Int
    public var onlineShare: Double
    public var syncEvery: SimDuration
    public var requestsPerSecond: Double
    public init(devices: Int, onlineShare: Double, syncEvery: SimDuration, requestsPerSecond: Double) {
        self.devices = devices
        self.onlineShare = onlineShare
        self.syncEvery = syncEvery
        self.requestsPerSecond = requestsPerSecond
    }
}

/// Replicas per version and each one's capacity (requests per second it
/// serves before queueing adds latency); cost is counted in replica-hours.
public struct ReplicaSpec: Sendable, Hashable {
    public var count: Int
    public var capacityPerSecond: Double
    public init(count: Int = 2, capacityPerSecond: Double = 100) {
        self.count = count
        self.capacityPerSecond = capacityPerSecond
    }
}

/// A version's latency (lognormal with this median and 99th percentile, in
/// milliseconds) and its share of requests that fail.
public struct ServingProfile: Sendable, Hashable, Codable {
    public var medianLatencyMs: Double
    public var p99LatencyMs: Double
    public var errorRate: Double
    public init(medianLatencyMs: Double = 20, p99LatencyMs: Double = 60, errorRate: Double = 0.001) {
        self.medianLatencyMs = medianLatencyMs
        self.p99LatencyMs = p99LatencyMs
        self.errorRate = errorRate
    }
}

/// Which registry version a deployment rolls out next.
public enum CandidateSource: Sendable, Hashable {
    /// The newest version registered after the deployment's stable one that
    /// this deployment has not tried yet.
    case latest
    /// The version the alias points at, when it differs from the stable one.
    case alias(String)
}
