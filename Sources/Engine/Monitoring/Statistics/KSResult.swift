/// A two-sample, two-sided Kolmogorov-Smirnov test (SciPy's `ks_2samp`,
/// `method='auto'`).
public struct KSResult: Sendable, Hashable, Codable {
    /// D: the largest absolute difference between the two empirical CDFs
    /// (on the exact path rounded to a multiple of 1/lcm(n, m), as SciPy does).
    public var statistic: Double
    /// The probability of a D at least this large when both samples come
    /// from the same distribution.
    public var pValue: Double
    /// Whether the p-value is the exact one (both samples at most 10,000
    /// values and the exact computation succeeded) or the asymptotic one.
    public var isExact: Bool

    public init(statistic: Double, pValue: Double, isExact: Bool) {
        self.statistic = statistic
        self.pValue = pValue
        self.isExact = isExact
    }
}
