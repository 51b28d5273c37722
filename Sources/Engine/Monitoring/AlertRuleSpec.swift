import SimKernel

/// One entry of the project file's `alerts:` section: a rule on one
/// monitor's signal with warning and critical levels, hysteresis and a
/// minimum duration. Its key is the name `triggers: [{on_alert: NAME}]` uses.
public struct AlertRuleSpec: Sendable, Hashable {
    /// The key under `alerts:`.
    public var id: String
    public var description: String?
    /// The monitor whose signal is watched (a key of `monitors:`).
    public var monitor: String
    public var metric: AlertMetric
    /// The levels; at least one is set. nil for a drift metric means the
    /// monitor's thresholds for that feature (warn, alert).
    public var warning: Double?
    public var critical: Double?
    /// Whether the alert is raised above (`above`) or below the levels.
    /// For `drift.FEATURE` the loader takes it from the feature's method on
    /// the monitor (below for p-values); when the monitor leaves the method
    /// to the window size, levels cannot be given and the alert follows the
    /// feature's drift state under whichever method is evaluated.
    public var direction: AlertDirection
    /// The condition must hold this long before the alert fires (`for: 2m`).
    public var minimumDuration: SimDuration
    /// A firing alert resolves only once the value is past the level by
    /// this much the other way (`clear: 0.02` → a PSI alert at 0.2 resolves
    /// below 0.18). Default 0.
    public var hysteresis: Double

    public init(id: String, description: String? = nil, monitor: String, metric: AlertMetric, warning: Double? = nil,
                critical: Double? = nil, direction: AlertDirection = .above, minimumDuration: SimDuration = .zero,
                hysteresis: Double = 0) {
        self.id = id
        self.description = description
        self.monitor = monitor
        self.metric = metric
        self.warning = warning
        self.critical = critical
        self.direction = direction
        self.minimumDuration = minimumDuration
        self.hysteresis = hysteresis
    }
}

/// Which way a value crosses an alert level.
public enum AlertDirection: String, Sendable, Hashable, Codable {
    case above, below
}

/// The signal an alert rule watches, by its YAML name.
public enum AlertMetric: Sendable, Hashable, Codable, CustomStringConvertible {
    /// `drift.FEATURE`: the feature's drift value (in its method's unit;
    /// below for p-value tests).
    case featureDrift(String)
    /// `dataset_drift`: the share of watched features in drift (0-1).
    case datasetDrift
    /// `concept_drift`: the detectors' worst level: 0 none, 1 warning, 2 drift.
    case conceptDrift
    /// `slo.NAME`: the SLO's burn-rate alert: 0 none, 1 slow burn (6x over
    /// 6h and 30m), 2 fast burn (14.4x over 1h and 5m).
    case sloBurn(String)
    /// `slo.NAME.budget`: the share of the SLO's error budget left (below).
    case sloBudget(String)
    /// `error_rate`: failed share of the last 5 minutes (0-1).
    case errorRate
    /// `p50_latency_ms`, `p95_latency_ms`, `p99_latency_ms`: over the last 5 minutes.
    case latency(percentile: Int)
    /// `accuracy`: of labelled requests over the last 15 minutes (below).
    case accuracy
    /// `utilisation`: load over capacity of the stable version's replicas (0-1+).
    case utilisation
    /// `streaming_lag`: events waiting in a streaming deployment's queue.
    case streamingLag
    /// `pipeline_failures`: failed pipeline runs in the last hour.
    case pipelineFailures
    /// `scheduler_backlog`: steps queued and waiting for a slot.
    case schedulerBacklog

    /// The YAML name, e.g. `drift.amount`, `slo.latency.budget`.
    public var description: String {
        switch self {
        case .featureDrift(let feature): "drift.\(feature)"
        case .datasetDrift: "dataset_drift"
        case .conceptDrift: "concept_drift"
        case .sloBurn(let slo): "slo.\(slo)"
        case .sloBudget(let slo): "slo.\(slo).budget"
        case .errorRate: "error_rate"
        case .latency(let p): "p\(p)_latency_ms"
        case .accuracy: "accuracy"
        case .utilisation: "utilisation"
        case .streamingLag: "streaming_lag"
        case .pipelineFailures: "pipeline_failures"
        case .schedulerBacklog: "scheduler_backlog"
        }
    }

    /// The natural direction: below for budget and accuracy, above otherwise
    /// (a drift metric's direction comes from its method).
    public var defaultDirection: AlertDirection {
        switch self {
        case .sloBudget, .accuracy: .below
        default: .above
        }
    }
}
