import Foundation

/// The regularized upper incomplete gamma function Q(a, x) =
/// Γ(a, x) / Γ(a), which gives the chi-square survival function
/// `chi2.sf(x, k) = Q(k/2, x/2)`. Cephes' `igamc` algorithm (as in SciPy):
/// the power series of P for small x or x < a (Q = 1 - P), the continued
/// fraction for Q when x > 1.1 and x >= a, and the series for Q itself when
/// x <= 1.1. The prefactor x^a e^-x / Γ(a) is formed in log space, so tiny
/// probabilities (1e-18 and below) keep their relative accuracy.
/// (Cephes' uniform asymptotic expansion for large a near x = a is not
/// used; the series and the fraction converge there too, more slowly.)
enum IncompleteGamma {
    private static let machineEpsilon = 1.11022302462515654042e-16
    private static let big = 4.503599627370496e15
    private static let bigInverse = 2.22044604925031308085e-16
    private static let maximumIterations = 10_000

    /// Q(a, x) for a > 0, x >= 0 (NaN outside).
    static func upperRegularized(a: Double, x: Double) -> Double {
        guard a > 0, x >= 0, !a.isNaN, !x.isNaN else { return .nan }
        if x == 0 { return 1 }
        if x.isInfinite { return 0 }
        if x > 1.1 {
            return x < a ? 1 - lowerSeries(a: a, x: x) : upperContinuedFraction(a: a, x: x)
        }
        if x <= 0.5 {
            return -0.4 / log(x) < a ? 1 - lowerSeries(a: a, x: x) : upperSeries(a: a, x: x)
        }
        return x * 1.1 < a ? 1 - lowerSeries(a: a, x: x) : upperSeries(a: a, x: x)
    }

    /// x^a e^-x / Γ(a).
    private static func prefactor(a: Double, x: Double) -> Double {
        exp(a * log(x) - x - lgamma(a))
    }

    /// P(a, x) by its power series.
    private static func lowerSeries(a: Double, x: Double) -> Double {
        let factor = prefactor(a: a, x: x)
        if factor == 0 { return 0 }
        var r = a
        var c = 1.0
        var answer = 1.0
        for _ in 0..<maximumIterations {
            r += 1
            c *= x / r
            answer += c
            if c <= machineEpsilon * answer { break }
        }
        return answer * factor / a
    }

    /// Q(a, x) by its continued fraction (x > 1.1, x >= a).
    private static func upperContinuedFraction(a: Double, x: Double) -> Double {
        let factor = prefactor(a: a, x: x)
        if factor == 0 { return 0 }
        var y = 1 - a
        var z = x + y + 1
        var c = 0.0
        var pkm2 = 1.0
        var qkm2 = x
        var pkm1 = x + 1
        var qkm1 = z * x
        var answer = pkm1 / qkm1
        for _ in 0..<maximumIterations {
            c += 1
            y += 1
            z += 2
            let yc = y * c
            let pk = pkm1 * z - pkm2 * yc
            let qk = qkm1 * z - qkm2 * yc
            let change: Double
            if qk != 0 {
                let ratio = pk / qk
                change = abs((answer - ratio) / ratio)
                answer = ratio
            } else {
                change = 1
            }
            pkm2 = pkm1
            pkm1 = pk
            qkm2 = qkm1
            qkm1 = qk
            if abs(pk) > big {
                pkm2 *= bigInverse
                pkm1 *= bigInverse
                qkm2 *= bigInverse
                qkm1 *= bigInverse
            }
            if change <= machineEpsilon { break }
        }
        return answer * factor
    }

    /// Q(a, x) by the series for small x (x <= 1.1).
    private static func upperSeries(a: Double, x: Double) -> Double {
        var factor = 1.0
        var sum = 0.0
        for n in 1..<maximumIterations {
            factor *= -x / Double(n)
            let term = factor / (a + Double(n))
            sum += term
            if abs(term) <= machineEpsilon * abs(sum) { break }
        }
        let logX = log(x)
        let term = -expm1(a * logX - lgamma(1 + a))
        return term - exp(a * logX - lgamma(a)) * sum
    }
}
