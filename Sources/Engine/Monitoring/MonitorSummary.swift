import SimKernel

/// What the Monitors screen, the Overview and `flightdeck drift` show of one
/// monitor (a copy; part of ``EngineSnapshot``).
public struct MonitorSummary: Sendable, Hashable, Codable {
    public var id: String
    public var deployment: String
    /// The version whose traffic and reference are compared (the stable one).
    public var servingVersion: Int?
    /// `training data of fraud v3 (20,000 rows)`, `traffic 00:00-00:30 (4,210 requests)`,
    /// or why there is none yet: `waiting for the serving version's training data`.
    public var reference: String
    /// `last 30m`, `last 5,000 requests`.
    public var window: String
    /// When the statistics were last computed (nil before the first time).
    public var evaluatedAt: SimTime?
    /// One per watched feature, in schema order.
    public var features: [FeatureDriftSummary]
    public var datasetDrift: DatasetDriftSummary?
    public var concept: ConceptDriftSummary?
    /// Per version in the deployment, stable first.
    public var performance: [VersionPerformanceSummary]
    public var slos: [SLOSummary]
    public var health: SystemHealthSummary
    /// The fewest current-window values a feature needs before it is
    /// evaluated (below it the feature is `insufficient`); the Monitors
    /// screen shows `waiting for the first window: 12/30 values` until the
    /// first evaluation. nil when the engine does not say.
    public var minimumSamples: Int?

    public init(id: String, deployment: String, servingVersion: Int?, reference: String, window: String, evaluatedAt: SimTime?,
                features: [FeatureDriftSummary], datasetDrift: DatasetDriftSummary?, concept: ConceptDriftSummary?,
                performance: [VersionPerformanceSummary], slos: [SLOSummary], health: SystemHealthSummary, minimumSamples: Int? = nil) {
        self.id = id
        self.deployment = deployment
        self.servingVersion = servingVersion
        self.reference = reference
        self.window = window
        self.evaluatedAt = evaluatedAt
        self.features = features
        self.datasetDrift = datasetDrift
        self.concept = concept
        self.performance = performance
        self.slos = slos
        self.health = health
        self.minimumSamples = minimumSamples
    }
}

/// A drift verdict.
public enum DriftState: String, Sendable, Hashable, Codable, CaseIterable {
    /// Too few values on one side to say anything (never counted as ok).
    case insufficient
    case ok
    case warning
    case drift
}

/// One point of a value over simulated time.
public struct TimedValue: Sendable, Hashable, Codable {
    public var time: SimTime
    public var value: Double
    public init(time: SimTime, value: Double) {
        self.time = time
        self.value = value
    }
}

/// One feature's latest drift result and its history.
public struct FeatureDriftSummary: Sendable, Hashable, Codable {
    public var feature: String
    public var isCategorical: Bool
    public var method: DriftMethod
    /// The value compared with the thresholds (PSI, KS p-value, normalised
    /// Wasserstein, JS distance, chi-square p-value); nil while insufficient.
    public var value: Double?
    /// The test statistic where the value is a p-value (KS D, chi-square).
    public var statistic: Double?
    /// Wasserstein in the feature's own unit (not normalised).
    public var rawDistance: Double?
    public var thresholds: DriftThresholds
    public var referenceCount: Int
    public var currentCount: Int
    public var state: DriftState
    /// `significant but tiny: D 0.012 on 5,000 vs 5,000`, `insufficient: 12 < 100 values`.
    public var note: String?
    /// The value at each evaluation, oldest first (bounded, for the sparkline and chart).
    public var history: [TimedValue]
    /// Bin labels and the share of each side per bin (reference-quantile
    /// bins for numeric features, categories for categorical ones).
    public var binLabels: [String]
    public var referenceShares: [Double]
    public var currentShares: [Double]

    public init(feature: String, isCategorical: Bool, method: DriftMethod, value: Double?, statistic: Double?, rawDistance: Double?,
                thresholds: DriftThresholds, referenceCount: Int, currentCount: Int, state: DriftState, note: String?,
                history: [TimedValue], binLabels: [String], referenceShares: [Double], currentShares: [Double]) {
        self.feature = feature
        self.isCategorical = isCategorical
        self.method = method
        self.value = value
        self.statistic = statistic
        self.rawDistance = rawDistance
        self.thresholds = thresholds
        self.referenceCount = referenceCount
        self.currentCount = currentCount
        self.state = state
        self.note = note
        self.history = history
        self.binLabels = binLabels
        self.referenceShares = referenceShares
        self.currentShares = currentShares
    }
}

/// Whether enough features drift to call the dataset drifted.
public struct DatasetDriftSummary: Sendable, Hashable, Codable {
    public var drifting: Int
    public var watched: Int
    /// The configured share (e.g. 0.5).
    public var threshold: Double
    public var isDrifting: Bool
    public init(drifting: Int, watched: Int, threshold: Double, isDrifting: Bool) {
        self.drifting = drifting
        self.watched = watched
        self.threshold = threshold
        self.isDrifting = isDrifting
    }
    /// Drifting over watched (0 when none are watched).
    public var share: Double { watched == 0 ? 0 : Double(drifting) / Double(watched) }
}

/// A concept-drift detector's level.
public enum DetectorLevel: Int, Sendable, Hashable, Codable, Comparable {
    case none = 0, warning = 1, drift = 2
    public static func < (a: DetectorLevel, b: DetectorLevel) -> Bool { a.rawValue < b.rawValue }
}

/// One detector's state.
public struct DetectorSummary: Sendable, Hashable, Codable {
    public var kind: ConceptDetectorKind
    public var level: DetectorLevel
    /// When it last signalled drift (nil if never since the last reset).
    public var detectedAt: SimTime?
    /// `p+s 0.214 (min 0.151+3*0.011)`, `PH 12.4 / 50`, `window 3,912, mean 0.18`.
    public var detail: String
    /// Labelled outcomes it has seen since its last reset.
    public var samples: Int
    public init(kind: ConceptDetectorKind, level: DetectorLevel, detectedAt: SimTime?, detail: String, samples: Int) {
        self.kind = kind
        self.level = level
        self.detectedAt = detectedAt
        self.detail = detail
        self.samples = samples
    }
}

/// Concept drift on the stable version's labelled traffic.
public struct ConceptDriftSummary: Sendable, Hashable, Codable {
    public var detectors: [DetectorSummary]
    /// Accuracy per minute of labelled requests, oldest first (bounded);
    /// the newest point is `labelDelay` behind `now`.
    public var accuracy: [TimedValue]
    public var labelDelay: SimDuration
    public init(detectors: [DetectorSummary], accuracy: [TimedValue], labelDelay: SimDuration) {
        self.detectors = detectors
        self.accuracy = accuracy
        self.labelDelay = labelDelay
    }
    /// The worst level of its detectors.
    public var level: DetectorLevel { detectors.map(\.level).max() ?? .none }
}

/// One minute of a version's serving figures.
public struct PerformancePoint: Sendable, Hashable, Codable {
    public var time: SimTime
    public var p50: Double?
    public var p95: Double?
    public var p99: Double?
    public var errorRate: Double?
    public var requests: Int
    public init(time: SimTime, p50: Double?, p95: Double?, p99: Double?, errorRate: Double?, requests: Int) {
        self.time = time
        self.p50 = p50
        self.p95 = p95
        self.p99 = p99
        self.errorRate = errorRate
        self.requests = requests
    }
}

/// A version's latency percentiles (HDR), error rate and throughput over
/// the monitor's performance window (5 minutes), and their history.
public struct VersionPerformanceSummary: Sendable, Hashable, Codable {
    public var version: Int
    public var p50: Double?
    public var p95: Double?
    public var p99: Double?
    public var max: Double?
    public var errorRate: Double?
    /// Requests per second over the window.
    public var throughput: Double
    public var accuracy: Double?
    /// Per minute, oldest first (bounded).
    public var history: [PerformancePoint]
    public init(version: Int, p50: Double?, p95: Double?, p99: Double?, max: Double?, errorRate: Double?, throughput: Double,
                accuracy: Double?, history: [PerformancePoint]) {
        self.version = version
        self.p50 = p50
        self.p95 = p95
        self.p99 = p99
        self.max = max
        self.errorRate = errorRate
        self.throughput = throughput
        self.accuracy = accuracy
        self.history = history
    }
}

/// Which burn-rate alert holds.
public enum BurnAlert: Int, Sendable, Hashable, Codable, Comparable {
    case none = 0
    /// 6x over both 6h and 30m.
    case slow = 1
    /// 14.4x over both 1h and 5m.
    case fast = 2
    public static func < (a: BurnAlert, b: BurnAlert) -> Bool { a.rawValue < b.rawValue }
}

/// A burn rate over one window: bad share / budget (1 = spending exactly
/// the budget over the period).
public struct BurnRate: Sendable, Hashable, Codable {
    public var window: SimDuration
    public var rate: Double
    public init(window: SimDuration, rate: Double) {
        self.window = window
        self.rate = rate
    }
}

/// An SLO's error budget and burn rates.
public struct SLOSummary: Sendable, Hashable, Codable {
    public var id: String
    public var objective: SLOObjective
    public var target: Double
    public var period: SimDuration
    /// Good and total requests over the period so far.
    public var good: Int
    public var total: Int
    /// The share of the budget left: 1 untouched, 0 spent, negative overspent.
    public var budgetRemaining: Double
    /// 5m, 30m, 1h, 6h.
    public var burnRates: [BurnRate]
    public var alert: BurnAlert
    /// Whether promotions of the deployment are frozen because of it.
    public var freezesPromotions: Bool
    public init(id: String, objective: SLOObjective, target: Double, period: SimDuration, good: Int, total: Int,
                budgetRemaining: Double, burnRates: [BurnRate], alert: BurnAlert, freezesPromotions: Bool) {
        self.id = id
        self.objective = objective
        self.target = target
        self.period = period
        self.good = good
        self.total = total
        self.budgetRemaining = budgetRemaining
        self.burnRates = burnRates
        self.alert = alert
        self.freezesPromotions = freezesPromotions
    }
}

/// The machine around the model: replicas, queues, pipelines, scheduler.
public struct SystemHealthSummary: Sendable, Hashable, Codable {
    /// Load over capacity of the deployment's replicas (0-1+).
    public var replicaUtilisation: Double
    /// Events waiting in a streaming deployment's queue (nil for other modes).
    public var streamingLag: Int?
    /// Failed pipeline runs in the last hour (all pipelines).
    public var pipelineFailuresLastHour: Int
    /// Steps waiting for a pool slot.
    public var schedulerBacklog: Int
    public init(replicaUtilisation: Double, streamingLag: Int?, pipelineFailuresLastHour: Int, schedulerBacklog: Int) {
        self.replicaUtilisation = replicaUtilisation
        self.streamingLag = streamingLag
        self.pipelineFailuresLastHour = pipelineFailuresLastHour
        self.schedulerBacklog = schedulerBacklog
    }
}
