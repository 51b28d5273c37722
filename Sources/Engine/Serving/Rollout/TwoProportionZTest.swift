import SimKernel

/// The two-sided two-proportion z-test of an A/B test (pooled variance),
/// with the p-value from the normal CDF through a portable `erfc`.
public struct TwoProportionZTest: Sendable, Hashable {
    public var z: Double
    public var pValue: Double

    /// Tests `successesA / samplesA` against `successesB / samplesB`; `z` is
    /// positive when B's share is higher. Identical shares of 0 or 1 (no
    /// variance) give z = 0 and p = 1.
    public init(successesA: Int, samplesA: Int, successesB: Int, samplesB: Int) {
        guard samplesA > 0, samplesB > 0 else {
            z = 0
            pValue = 1
            return
        }
        let shareA = Double(successesA) / Double(samplesA)
        let shareB = Double(successesB) / Double(samplesB)
        let pooled = Double(successesA + successesB) / Double(samplesA + samplesB)
        let variance = pooled * (1 - pooled) * (1 / Double(samplesA) + 1 / Double(samplesB))
        guard variance > 0 else {
            z = 0
            pValue = 1
            return
        }
        z = (shareB - shareA) / variance.squareRoot()
        pValue = min(1, Self.erfc(abs(z) / 2.0.squareRoot()))
    }

    /// The complementary error function (Chebyshev fit, relative error
    /// below 1.2e-7), built on ``PortableMath/exp(_:)`` so results are the
    /// same on every platform.
    public static func erfc(_ x: Double) -> Double {
        let z = abs(x)
        let t = 1 / (1 + 0.5 * z)
        var poly = 0.17087277
        for coefficient in [-0.82215223, 1.48851587, -1.13520398, 0.27886807, -0.18628806, 0.09678418, 0.37409196, 1.00002368, -1.26551223] {
            poly = coefficient + t * poly
        }
        let value = t * PortableMath.exp(-z * z + poly)
        return x >= 0 ? value : 2 - value
    }
}
