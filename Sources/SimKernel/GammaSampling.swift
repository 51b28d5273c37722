extension Sampling {
    /// A gamma variate with the given shape k and scale θ (mean kθ,
    /// variance kθ²), by Marsaglia and Tsang's method (2000): with
    /// `d = k - 1/3`, `c = 1/sqrt(9d)`, draw normal `x` and uniform `u` until
    /// `v = (1 + c x)³ > 0` is accepted by the squeeze `u < 1 - 0.0331 x⁴` or
    /// by `ln u < x²/2 + d (1 - v + ln v)`; return `d v θ`.
    /// For shape < 1 it samples shape + 1 and multiplies by `u^(1/shape)`.
    public static func gamma(shape: Double, scale: Double = 1, using generator: inout some RandomNumberGenerator) -> Double {
        precondition(shape > 0 && shape.isFinite, "gamma needs a finite shape > 0")
        precondition(scale > 0 && scale.isFinite, "gamma needs a finite scale > 0")
        if shape < 1 {
            let boosted = gamma(shape: shape + 1, scale: scale, using: &generator)
            let u = openUnitInterval(using: &generator)
            return boosted * PortableMath.exp(PortableMath.log(u) / shape)
        }
        let d = shape - 1.0 / 3.0
        let c = 1 / (9 * d).squareRoot()
        while true {
            var x: Double
            var v: Double
            repeat {
                x = normal(using: &generator)
                v = 1 + c * x
            } while v <= 0
            v = v * v * v
            let u = openUnitInterval(using: &generator)
            let x2 = x * x
            if u < 1 - 0.0331 * x2 * x2 { return d * v * scale }
            if PortableMath.log(u) < 0.5 * x2 + d * (1 - v + PortableMath.log(v)) { return d * v * scale }
        }
    }
}
