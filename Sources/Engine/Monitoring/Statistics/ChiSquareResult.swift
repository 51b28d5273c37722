/// A chi-square test of independence on a 2 x k table of category counts
/// (SciPy's `chi2_contingency(..., correction=False)`).
public struct ChiSquareResult: Sendable, Hashable, Codable {
    /// Pearson's statistic: the sum of (observed - expected)^2 / expected.
    public var statistic: Double
    /// The chi-square survival function at `statistic` (1 when there are
    /// fewer than two categories).
    public var pValue: Double
    /// Categories used minus one.
    public var degreesOfFreedom: Int

    public init(statistic: Double, pValue: Double, degreesOfFreedom: Int) {
        self.statistic = statistic
        self.pValue = pValue
        self.degreesOfFreedom = degreesOfFreedom
    }
}
