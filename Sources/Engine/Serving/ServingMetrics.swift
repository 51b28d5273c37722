import SimKernel

/// One version's serving figures over a trailing window (live and mirrored
/// requests are kept apart: live ones reached users, mirrored ones did not).
public struct VersionWindowMetrics: Sendable, Hashable, Codable {
    public var version: Int
    /// The window's length and end.
    public var window: SimDuration
    public var end: SimTime
    /// Live requests answered by this version, and how many of them failed.
    public var requests: Int
    public var errors: Int
    /// Requests mirrored to this version (shadow, blue/green preview).
    public var mirrored: Int
    /// How many of the mirrored requests failed (kept apart from `errors`,
    /// which counts live failures only).
    public var mirroredErrors: Int
    /// Latency percentiles in milliseconds over live and mirrored requests
    /// (nil with no requests).
    public var p50LatencyMs: Double?
    public var p95LatencyMs: Double?
    public var p99LatencyMs: Double?
    public var maxLatencyMs: Double?
    /// Requests of the window whose label has arrived by `end`, and how
    /// many of them this version predicted correctly (live or mirrored).
    public var labelled: Int
    public var correct: Int
    /// Requests where both this version and the live answer were computed
    /// (mirrored requests, or live requests of the stable version compared
    /// with nothing = 0), and how many agreed on the decision.
    public var compared: Int
    public var agreed: Int

    public init(version: Int, window: SimDuration, end: SimTime, requests: Int = 0, errors: Int = 0, mirrored: Int = 0,
                p50LatencyMs: Double? = nil, p95LatencyMs: Double? = nil, p99LatencyMs: Double? = nil, maxLatencyMs: Double? = nil,
                labelled: Int = 0, correct: Int = 0, compared: Int = 0, agreed: Int = 0, mirroredErrors: Int = 0) {
        self.version = version
        self.window = window
        self.end = end
        self.requests = requests
        self.errors = errors
        self.mirrored = mirrored
        self.mirroredErrors = mirroredErrors
        self.p50LatencyMs = p50LatencyMs
        self.p95LatencyMs = p95LatencyMs
        self.p99LatencyMs = p99LatencyMs
        self.maxLatencyMs = maxLatencyMs
        self.labelled = labelled
        self.correct = correct
        self.compared = compared
        self.agreed = agreed
    }

    /// errors / requests (nil with no requests).
    public var errorRate: Double? { requests > 0 ? Double(errors) / Double(requests) : nil }
    /// correct / labelled (nil with no labels yet).
    public var accuracy: Double? { labelled > 0 ? Double(correct) / Double(labelled) : nil }
    /// agreed / compared (nil with no compared requests).
    public var agreement: Double? { compared > 0 ? Double(agreed) / Double(compared) : nil }
}

/// One version's figures since it entered the deployment (for bandit
/// rewards, A/B tests and cost): counters only grow.
public struct VersionTotals: Sendable, Hashable, Codable {
    public var version: Int
    public var requests: Int
    public var errors: Int
    public var mirrored: Int
    public var labelled: Int
    public var correct: Int
    public var compared: Int
    public var agreed: Int
    /// Replica-hours this version has run.
    public var replicaHours: Double

    public init(version: Int, requests: Int = 0, errors: Int = 0, mirrored: Int = 0, labelled: Int = 0, correct: Int = 0,
                compared: Int = 0, agreed: Int = 0, replicaHours: Double = 0) {
        self.version = version
        self.requests = requests
        self.errors = errors
        self.mirrored = mirrored
        self.labelled = labelled
        self.correct = correct
        self.compared = compared
        self.agreed = agreed
        self.replicaHours = replicaHours
    }
}

/// What a rollout reads of its deployment's traffic.
public protocol ServingMetricsReading {
    /// `version`'s figures over the window ending at the simulator's current time.
    func windowMetrics(version: Int, window: SimDuration) -> VersionWindowMetrics
    /// `version`'s counters since it entered the deployment (zeros if never).
    func totals(version: Int) -> VersionTotals
}
