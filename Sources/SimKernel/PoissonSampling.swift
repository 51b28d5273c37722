extension Sampling {
    /// A Poisson variate with mean and variance `lambda`.
    ///
    /// For `lambda < 10`, Knuth's multiplication method (multiply uniforms
    /// until the product drops to `e^-lambda`; `lambda + 1` draws on average).
    /// For `lambda >= 10`, Hörmann's transformed rejection with squeeze
    /// (PTRS, 1993), exact and with a bounded number of draws.
    public static func poisson(lambda: Double, using generator: inout some RandomNumberGenerator) -> Int {
        precondition(lambda >= 0 && lambda.isFinite, "poisson needs a finite lambda >= 0")
        if lambda == 0 { return 0 }
        if lambda < 10 { return poissonByMultiplication(lambda: lambda, using: &generator) }
        return poissonByTransformedRejection(lambda: lambda, using: &generator)
    }

    private static func poissonByMultiplication(lambda: Double, using generator: inout some RandomNumberGenerator) -> Int {
        let limit = PortableMath.exp(-lambda)
        var product = openUnitInterval(using: &generator)
        var count = 0
        while product > limit {
            count += 1
            product *= openUnitInterval(using: &generator)
        }
        return count
    }

    private static func poissonByTransformedRejection(lambda: Double, using generator: inout some RandomNumberGenerator) -> Int {
        let squareRootLambda = lambda.squareRoot()
        let logLambda = PortableMath.log(lambda)
        let b = 0.931 + 2.53 * squareRootLambda
        let a = -0.059 + 0.02483 * b
        let inverseAlpha = 1.1239 + 1.1328 / (b - 3.4)
        let vr = 0.9277 - 3.6224 / (b - 2)
        while true {
            let u = unitInterval(using: &generator) - 0.5
            let v = unitInterval(using: &generator)
            let us = 0.5 - abs(u)
            let k = ((2 * a / us + b) * u + lambda + 0.43).rounded(.down)
            if us >= 0.07 && v <= vr { return Int(k) }
            if k < 0 || (us < 0.013 && v > us) { continue }
            let left = PortableMath.log(v) + PortableMath.log(inverseAlpha) - PortableMath.log(a / (us * us) + b)
            let right = -lambda + k * logLambda - PortableMath.logGamma(k + 1)
            if left <= right { return Int(k) }
        }
    }
}
