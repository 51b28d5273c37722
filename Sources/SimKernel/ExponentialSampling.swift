extension Sampling {
    /// An exponential variate with the given **mean** (the form project files
    /// use: `exponential(2m)` means a mean of two minutes), by inversion:
    /// `-mean · ln(u)` with `u` in (0, 1]. Variance `mean²`.
    public static func exponential(mean: Double, using generator: inout some RandomNumberGenerator) -> Double {
        precondition(mean >= 0 && mean.isFinite, "exponential needs a finite mean >= 0")
        return -mean * PortableMath.log(openUnitInterval(using: &generator))
    }

    /// An exponential variate with the given **rate** (events per unit of
    /// time), i.e. mean `1 / rate`.
    public static func exponential(rate: Double, using generator: inout some RandomNumberGenerator) -> Double {
        precondition(rate > 0 && rate.isFinite, "exponential needs a finite rate > 0")
        return exponential(mean: 1 / rate, using: &generator)
    }
}
