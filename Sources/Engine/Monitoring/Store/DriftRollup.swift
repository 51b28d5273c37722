import SimKernel

/// One feature's drift result at one evaluation, kept so that drift over
/// time survives restarts (and reports can read it).
public struct DriftRollup: Sendable, Hashable, Codable {
    public var monitor: String
    public var feature: String
    public var time: SimTime
    public var method: DriftMethod
    /// The value compared with the thresholds (nil while insufficient).
    public var value: Double?
    public var state: DriftState
    /// The sample sizes behind the value.
    public var referenceCount: Int
    public var currentCount: Int

    public init(monitor: String, feature: String, time: SimTime, method: DriftMethod, value: Double?, state: DriftState,
                referenceCount: Int, currentCount: Int) {
        self.monitor = monitor
        self.feature = feature
        self.time = time
        self.method = method
        self.value = value
        self.state = state
        self.referenceCount = referenceCount
        self.currentCount = currentCount
    }

    /// The rollup of a feature's latest result (nil before its first evaluation).
    public init?(monitor: String, summary: FeatureDriftSummary, evaluatedAt time: SimTime?) {
        guard let time else { return nil }
        self.init(monitor: monitor, feature: summary.feature, time: time, method: summary.method, value: summary.value,
                  state: summary.state, referenceCount: summary.referenceCount, currentCount: summary.currentCount)
    }
}
