extension Sampling {
    /// A lognormal variate `exp(mu + sigma · Z)` with `Z` standard normal:
    /// `mu` and `sigma` are the mean and standard deviation of its logarithm.
    /// Median `e^mu`, mean `e^(mu + sigma²/2)`.
    public static func lognormal(mu: Double, sigma: Double, using generator: inout some RandomNumberGenerator) -> Double {
        PortableMath.exp(normal(mean: mu, standardDeviation: sigma, using: &generator))
    }

    /// A lognormal variate given by its median, the form project files use:
    /// `lognormal(30s, 0.5)` is median 30 s, sigma 0.5, i.e.
    /// `median · exp(sigma · Z)` (equivalent to `mu = ln median`).
    public static func lognormal(median: Double, sigma: Double, using generator: inout some RandomNumberGenerator) -> Double {
        precondition(median >= 0 && median.isFinite, "lognormal needs a finite median >= 0")
        return median * PortableMath.exp(normal(mean: 0, standardDeviation: sigma, using: &generator))
    }
}
