import SimKernel

/// An analysis: conditions on the candidate's metrics measured `count`
/// times, every `interval`, each over the trailing `window`.
///
/// A measurement with fewer than `minRequests` requests (or labelled
/// requests, for accuracy) for a condition is inconclusive for it, never a
/// pass. More than `failureLimit` failed measurements fail the analysis
/// (rollback); more than `inconclusiveLimit` inconclusive ones make it
/// inconclusive (the rollout pauses for an operator).
public struct AnalysisSpec: Sendable, Hashable, Codable {
    public var conditions: [AnalysisCondition]
    public var window: SimDuration
    public var interval: SimDuration
    public var count: Int
    public var minRequests: Int
    public var failureLimit: Int
    public var inconclusiveLimit: Int
    public init(conditions: [AnalysisCondition], window: SimDuration = .minutes(5), interval: SimDuration = .minutes(5),
                count: Int = 1, minRequests: Int = 200, failureLimit: Int = 0, inconclusiveLimit: Int = 1) {
        self.conditions = conditions
        self.window = window
        self.interval = interval
        self.count = count
        self.minRequests = minRequests
        self.failureLimit = failureLimit
        self.inconclusiveLimit = inconclusiveLimit
    }

    /// How long the analysis takes when every measurement is conclusive.
    public var duration: SimDuration { interval * Int64(max(1, count)) }
}

/// A metric of one version over an analysis window.
public enum AnalysisMetric: String, Sendable, Hashable, Codable, CaseIterable {
    /// Failed requests / requests, as a fraction (a `1%` threshold is 0.01).
    case errorRate = "error_rate"
    case p50LatencyMs = "p50_latency_ms"
    case p95LatencyMs = "p95_latency_ms"
    case p99LatencyMs = "p99_latency_ms"
    /// Correct predictions / labelled requests (labels arrive after the delay).
    case accuracy
    /// Share of compared requests on which the candidate's decision equals
    /// the stable version's (mirrored or shadow traffic).
    case agreement
}

/// A comparison operator of a condition.
public enum ComparisonOperator: String, Sendable, Hashable, Codable, CaseIterable {
    case less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="

    public func holds(_ value: Double, _ threshold: Double) -> Bool {
        switch self {
        case .less: return value < threshold
        case .lessOrEqual: return value <= threshold
        case .greater: return value > threshold
        case .greaterOrEqual: return value >= threshold
        }
    }
}

/// The right-hand side of a condition: a number, or the stable version's
/// value of the same metric plus an offset (`stable - 0.02`, `stable * 1.2`).
public enum AnalysisThreshold: Sendable, Hashable, Codable {
    case value(Double)
    case stablePlus(Double)
    case stableTimes(Double)
}

/// `error_rate < 1%`, `p99_latency_ms < 150`, `accuracy >= stable - 0.02`.
public struct AnalysisCondition: Sendable, Hashable, Codable, CustomStringConvertible {
    public var metric: AnalysisMetric
    public var comparison: ComparisonOperator
    public var threshold: AnalysisThreshold
    /// The condition as written in the project file.
    public var text: String
    public init(metric: AnalysisMetric, comparison: ComparisonOperator, threshold: AnalysisThreshold, text: String) {
        self.metric = metric
        self.comparison = comparison
        self.threshold = threshold
        self.text = text
    }

    public var description: String { text }
}
