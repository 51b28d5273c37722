import SimKernel

/// One entry of the project file's `monitors:` section: what is watched on
/// one deployment's traffic — input drift per feature, concept drift on
/// labelled traffic, and service-level objectives.
public struct MonitorSpec: Sendable, Hashable {
    /// The key under `monitors:`.
    public var id: String
    public var description: String?
    /// The deployment whose live requests are watched (a key of `deployments:`).
    public var deployment: String
    /// Input (data) drift; nil when not watched.
    public var drift: DriftMonitorSpec?
    /// Concept drift on the per-request error stream; nil when not watched.
    public var concept: ConceptMonitorSpec?
    /// Service-level objectives, in file order.
    public var slos: [SLOSpec]
    /// When an SLO's error budget is exhausted, the deployment's rollouts
    /// do not advance to more traffic (`freeze_promotions: true`).
    public var freezePromotionsWhenBudgetExhausted: Bool

    public init(id: String, description: String? = nil, deployment: String, drift: DriftMonitorSpec? = nil,
                concept: ConceptMonitorSpec? = nil, slos: [SLOSpec] = [], freezePromotionsWhenBudgetExhausted: Bool = false) {
        self.id = id
        self.description = description
        self.deployment = deployment
        self.drift = drift
        self.concept = concept
        self.slos = slos
        self.freezePromotionsWhenBudgetExhausted = freezePromotionsWhenBudgetExhausted
    }
}

/// What the current window is compared with.
public enum DriftReference: Sendable, Hashable, Codable {
    /// The training dataset of the version serving as stable (it changes
    /// when a new version is promoted).
    case training
    /// A fixed window of the deployment's own traffic, simulated time
    /// counted from the start of the run (`{window: {from: 0s, to: 30m}}`).
    case window(from: SimDuration, to: SimDuration)
}

/// The current window: sliding by simulated time or by request count.
public enum DriftWindow: Sendable, Hashable, Codable {
    /// The requests of the last `duration` (`window: 30m`).
    case time(SimDuration)
    /// The last `count` requests (`window: {requests: 5000}`).
    case count(Int)
}

/// A drift statistic. The YAML name is the raw value.
public enum DriftMethod: String, Sendable, Hashable, Codable, CaseIterable {
    /// Population stability index on 10 reference-quantile bins.
    case psi
    /// Two-sample Kolmogorov-Smirnov test: statistic and p-value.
    case ks
    /// First Wasserstein distance, divided by the reference's standard
    /// deviation (the normalised value is the one compared with thresholds).
    case wasserstein
    /// Jensen-Shannon distance (natural log) on histograms.
    case jensenShannon = "js"
    /// Chi-square test of independence on category counts (categorical only).
    case chiSquare = "chi_square"

    /// Whether the thresholds are p-values (drift when the value is *below*).
    public var isPValueTest: Bool { self == .ks || self == .chiSquare }
    /// Whether the method applies to numeric features (all but chi-square).
    public var appliesToNumeric: Bool { self != .chiSquare }
    /// Whether the method applies to categorical features (chi-square and JS).
    public var appliesToCategorical: Bool { self == .chiSquare || self == .jensenShannon }
}

/// A method's two levels. For distances and PSI the state is `warning`
/// at `value >= warn` and `drift` at `value >= alert`; for p-value tests it
/// is `warning` at `p < warn` and `drift` at `p < alert` (so warn > alert).
public struct DriftThresholds: Sendable, Hashable, Codable {
    public var warn: Double
    public var alert: Double

    public init(warn: Double, alert: Double) {
        self.warn = warn
        self.alert = alert
    }
}

/// A feature's own method and thresholds (`features: {amount: {method: psi, warn: 0.1, alert: 0.2}}`);
/// features not listed use the defaults for their kind and window size.
public struct FeatureDriftSpec: Sendable, Hashable {
    public var feature: String
    /// nil: the default method for the feature's kind and the window size.
    public var method: DriftMethod?
    /// nil: the method's default thresholds.
    public var thresholds: DriftThresholds?
    /// `ignore: true` leaves the feature out.
    public var ignored: Bool

    public init(feature: String, method: DriftMethod? = nil, thresholds: DriftThresholds? = nil, ignored: Bool = false) {
        self.feature = feature
        self.method = method
        self.thresholds = thresholds
        self.ignored = ignored
    }
}

/// `drift:` of a monitor.
public struct DriftMonitorSpec: Sendable, Hashable {
    public var reference: DriftReference
    public var window: DriftWindow
    /// How often the statistics are computed (simulated time, default 1m).
    public var every: SimDuration
    /// Per-feature overrides, in file order.
    public var features: [FeatureDriftSpec]
    /// Dataset drift when at least this share of the watched features is in
    /// `drift` (default 0.5).
    public var datasetShare: Double
    /// The most values kept per feature in the current window (a seeded
    /// reservoir beyond it; default 5000), which bounds memory and the cost
    /// of an evaluation.
    public var maxSample: Int

    public init(reference: DriftReference = .training, window: DriftWindow = .time(.minutes(30)), every: SimDuration = .minutes(1),
                features: [FeatureDriftSpec] = [], datasetShare: Double = 0.5, maxSample: Int = 5000) {
        self.reference = reference
        self.window = window
        self.every = every
        self.features = features
        self.datasetShare = datasetShare
        self.maxSample = maxSample
    }

    public func feature(_ name: String) -> FeatureDriftSpec? { features.first { $0.feature == name } }
}

/// A concept-drift detector on the stream of per-request errors (1 when a
/// labelled prediction was wrong, 0 when right). The YAML name is the raw value.
public enum ConceptDetectorKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// Drift Detection Method (Gama et al. 2004): warning at p+s >= pmin+2smin, drift at +3smin.
    case ddm
    /// Page-Hinkley test on the error mean.
    case pageHinkley = "page_hinkley"
    /// ADaptive WINdowing (Bifet and Gavaldà 2007).
    case adwin
}

/// `concept:` of a monitor.
public struct ConceptMonitorSpec: Sendable, Hashable {
    /// Detectors in file order (default: all three).
    public var detectors: [ConceptDetectorKind]
    /// Page-Hinkley: tolerated change `delta` (default 0.005) and alarm threshold `lambda` (default 50).
    public var pageHinkleyDelta: Double
    public var pageHinkleyLambda: Double
    /// ADWIN confidence `delta` (default 0.002).
    public var adwinDelta: Double
    /// DDM: outcomes seen before it may signal (default 300: with 30, its
    /// early minimum is so noisy that most stationary streams raise a false drift).
    public var ddmMinimumSamples: Int

    public init(detectors: [ConceptDetectorKind] = ConceptDetectorKind.allCases, pageHinkleyDelta: Double = 0.005,
                pageHinkleyLambda: Double = 50, adwinDelta: Double = 0.002, ddmMinimumSamples: Int = 300) {
        self.detectors = detectors
        self.pageHinkleyDelta = pageHinkleyDelta
        self.pageHinkleyLambda = pageHinkleyLambda
        self.adwinDelta = adwinDelta
        self.ddmMinimumSamples = ddmMinimumSamples
    }
}

/// A service-level objective on the deployment's live requests (all
/// versions together): the share of good requests over `period` must stay
/// at least `target`.
public struct SLOSpec: Sendable, Hashable {
    /// The key under `slos:`.
    public var id: String
    public var objective: SLOObjective
    /// The good share required, e.g. 0.999 (from `99.9%`).
    public var target: Double
    /// The compliance period the error budget covers (default 30d).
    public var period: SimDuration

    public init(id: String, objective: SLOObjective, target: Double, period: SimDuration = .days(30)) {
        self.id = id
        self.objective = objective
        self.target = target
        self.period = period
    }

    /// The share of requests that may be bad: `1 - target`.
    public var budget: Double { 1 - target }
}

/// What makes a request good.
public enum SLOObjective: Sendable, Hashable, Codable {
    /// Answered (not failed): `availability: 99.9%`.
    case availability
    /// Answered within `thresholdMs`: `latency: "p99 < 150ms"` means 99% of
    /// requests within 150 ms (the percentile gives the target).
    case latency(thresholdMs: Double)

    /// `availability`, `latency < 150 ms`.
    public var description: String {
        switch self {
        case .availability: "availability"
        case .latency(let ms): "latency < \(ms == ms.rounded() ? String(Int(ms)) : String(ms)) ms"
        }
    }
}
