/// A histogram with fixed upper bounds, as Prometheus exposes one: counts
/// per bucket, the number of observations and their sum.
///
/// `counts[i]` holds the observations in `(upperBounds[i-1], upperBounds[i]]`
/// (not cumulative); the last entry, `counts[upperBounds.count]`, holds the
/// ones above the highest bound (the `+Inf` bucket's own share).
public struct MetricHistogram: Sendable, Hashable, Codable {
    /// Ascending upper bounds of the finite buckets.
    public var upperBounds: [Double]
    /// Observations per bucket (`upperBounds.count + 1` entries).
    public var counts: [Int]
    /// The sum of all observations.
    public var sum: Double

    /// An empty histogram over `upperBounds` (ascending).
    public init(upperBounds: [Double]) {
        self.upperBounds = upperBounds
        counts = [Int](repeating: 0, count: upperBounds.count + 1)
        sum = 0
    }

    /// A histogram with the given parts (`counts.count` must be `upperBounds.count + 1`).
    public init(upperBounds: [Double], counts: [Int], sum: Double) {
        precondition(counts.count == upperBounds.count + 1, "a histogram needs one count per bound plus +Inf")
        self.upperBounds = upperBounds
        self.counts = counts
        self.sum = sum
    }

    /// How many observations there are.
    public var count: Int { counts.reduce(0, +) }

    /// Counts of observations at or below each bound, then the total (`+Inf`).
    public var cumulativeCounts: [Int] {
        var running = 0
        return counts.map { running += $0; return running }
    }

    /// Adds one observation.
    public mutating func observe(_ value: Double) {
        var index = 0
        while index < upperBounds.count && value > upperBounds[index] { index += 1 }
        counts[index] += 1
        sum += value
    }

    /// Adds another histogram's observations (same bounds).
    public mutating func add(_ other: MetricHistogram) {
        precondition(other.upperBounds == upperBounds, "histograms with different bounds")
        for index in counts.indices { counts[index] += other.counts[index] }
        sum += other.sum
    }

    /// Request latency buckets in seconds (Prometheus' default buckets
    /// plus 30 s and 60 s; the serving simulator records at most 60 s).
    public static let latencyBoundsSeconds: [Double] = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60]
    /// Pipeline run duration buckets in simulated seconds (1 s to 1 day).
    public static let runDurationBoundsSeconds: [Double] = [1, 10, 30, 60, 300, 600, 1800, 3600, 7200, 21_600, 86_400]
}
