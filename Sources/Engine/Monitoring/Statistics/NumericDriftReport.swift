/// All four numeric drift statistics of one feature, computed together on
/// the same two sorted samples (``DriftStatistics/numeric(_:_:)``).
public struct NumericDriftReport: Sendable, Hashable, Codable {
    public var ks: KSResult
    /// PSI on 10 reference-quantile bins.
    public var psi: BinnedDrift
    public var wasserstein: WassersteinResult
    /// Jensen-Shannon distance on 20 equal-width bins.
    public var jensenShannon: BinnedDrift

    public init(ks: KSResult, psi: BinnedDrift, wasserstein: WassersteinResult, jensenShannon: BinnedDrift) {
        self.ks = ks
        self.psi = psi
        self.wasserstein = wasserstein
        self.jensenShannon = jensenShannon
    }
}
