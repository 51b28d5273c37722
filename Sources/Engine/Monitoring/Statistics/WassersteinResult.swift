/// The first Wasserstein (earth mover's) distance between two empirical
/// distributions, SciPy's `wasserstein_distance`.
public struct WassersteinResult: Sendable, Hashable, Codable {
    /// In the feature's own unit.
    public var distance: Double
    /// `distance` divided by the reference's population standard deviation,
    /// the value thresholds apply to. Always finite for finite inputs: when
    /// the reference is constant (sd 0) it is divided by the current
    /// sample's population standard deviation instead, and when both are
    /// constant it is the raw distance (0 for equal constants).
    public var normalised: Double

    public init(distance: Double, normalised: Double) {
        self.distance = distance
        self.normalised = normalised
    }
}
