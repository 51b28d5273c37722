/// The Page-Hinkley test for an upward shift of the mean of the error
/// indicator (1 wrong, 0 right).
///
/// With `x̄_T` the running mean of the first `T` outcomes (the current one
/// included), the test accumulates `m_T = Σ (x_t - x̄_t - δ)` and its
/// minimum `M_T = min m_t`; the statistic is `PH_T = m_T - M_T`. `δ` is the
/// change tolerated (default 0.005) and `λ` the alarm threshold (default 50):
/// - `drift` when `PH_T > λ`,
/// - `warning` when `PH_T > λ / 2` (our own rule: half way to the alarm).
///
/// Only increases are detected (a falling error rate makes `m_T` fall, which
/// lowers the minimum, never raises the statistic). Like River's
/// `PageHinkley`, nothing is signalled before `minimumSamples` (30) outcomes,
/// while the running mean is still rough; there is no forgetting factor.
/// After a drift it starts over with the next outcome, so the new error rate
/// becomes the mean to compare with.
///
/// Rough figures for the defaults on a Bernoulli error stream (see the
/// tests): a shift from 0.1 to 0.4 adds about 0.29 per outcome, so the alarm
/// comes some 170-200 outcomes after the change; a stationary stream drifts
/// down by δ per outcome with variance p(1-p), which puts the mean time to a
/// false alarm at 0.1 in the hundreds of thousands of outcomes (Siegmund's
/// approximation gives about 450,000) — raise `λ` for longer quiet streams.
///
/// Fixed memory, no allocation, a handful of arithmetic operations per outcome.
public struct PageHinkleyDetector: Sendable, Hashable {
    /// Outcomes seen before a level is signalled (River's default).
    public static let minimumSamples = 30

    public let delta: Double
    public let lambda: Double
    /// Outcomes since the last reset.
    public private(set) var samples = 0
    /// The running mean of the outcomes since the last reset.
    public private(set) var mean = 0.0
    /// `m_T` and `M_T`.
    public private(set) var cumulative = 0.0
    public private(set) var minimum = 0.0
    /// The level the latest outcome gave.
    public private(set) var level = DetectorLevel.none

    public init(delta: Double = 0.005, lambda: Double = 50) {
        self.delta = delta
        self.lambda = lambda
    }

    /// `PH_T = m_T - M_T`.
    public var statistic: Double { cumulative - minimum }

    /// Adds one labelled outcome (`true`: the prediction was wrong) and
    /// returns the level it gives.
    @discardableResult
    public mutating func add(_ error: Bool) -> DetectorLevel {
        if level == .drift { reset() }
        samples &+= 1
        let x: Double = error ? 1 : 0
        mean += (x - mean) / Double(samples)
        cumulative += x - mean - delta
        if cumulative < minimum { minimum = cumulative }
        guard samples >= Self.minimumSamples else { return .none }
        let ph = cumulative - minimum
        level = ph > lambda ? .drift : (ph > lambda / 2 ? .warning : .none)
        return level
    }

    /// Forgets everything (what happens on its own after a drift).
    public mutating func reset() {
        self = PageHinkleyDetector(delta: delta, lambda: lambda)
    }

    /// `PH 12.4 / 50`.
    public var detail: String {
        "PH \(NumberText.format(statistic, decimals: 1)) / \(NumberText.format(lambda, decimals: 3))"
    }
}
