extension Sampling {
    /// A normal (Gaussian) variate by Marsaglia's polar method: draw `u`, `v`
    /// uniform in (-1, 1) until `0 < s = u² + v² < 1`, return
    /// `mean + sd · u · sqrt(-2 ln s / s)`. The second variate of the pair
    /// (`v · ...`) is discarded so no state is carried between calls.
    public static func normal(mean: Double = 0, standardDeviation: Double = 1, using generator: inout some RandomNumberGenerator) -> Double {
        precondition(standardDeviation >= 0 && standardDeviation.isFinite, "normal needs a finite standard deviation >= 0")
        while true {
            let u = 2 * unitInterval(using: &generator) - 1
            let v = 2 * unitInterval(using: &generator) - 1
            let s = u * u + v * v
            if s > 0 && s < 1 {
                let factor = (-2 * PortableMath.log(s) / s).squareRoot()
                return mean + standardDeviation * u * factor
            }
        }
    }
}
