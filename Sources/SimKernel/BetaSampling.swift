extension Sampling {
    /// A beta variate in [0, 1] with shapes `a` and `b` (mean a/(a+b),
    /// variance ab/((a+b)²(a+b+1))), as `X / (X + Y)` with
    /// `X ~ Gamma(a, 1)` drawn before `Y ~ Gamma(b, 1)`.
    public static func beta(_ a: Double, _ b: Double, using generator: inout some RandomNumberGenerator) -> Double {
        let x = gamma(shape: a, using: &generator)
        let y = gamma(shape: b, using: &generator)
        let sum = x + y
        return sum > 0 ? x / sum : 0.5
    }
}
