/// Elementary functions written with IEEE basic operations only (`+ - * /`
/// and `squareRoot()`, which are correctly rounded on every platform), so a
/// seeded simulation gives the same numbers byte for byte on Linux and macOS.
/// The platform `libm` is free to differ in the last bit between systems.
///
/// Accuracy is within a few units in the last place, checked against libm
/// in the tests; speed is secondary.
public enum PortableMath {
    /// ln 2 split in two: `ln2High` has trailing zero bits so `k * ln2High`
    /// is exact for |k| < 2^20 (fdlibm's constants).
    static let ln2High = 6.93147180369123816490e-01
    static let ln2Low = 1.90821492927058770002e-10
    static let ln2 = 0.6931471805599453
    static let sqrtHalf = 0.7071067811865476
    /// 0.5 * ln(2 pi).
    static let halfLogTwoPi = 0.9189385332046728

    /// 1/n! for n = 0...17, the Taylor coefficients of exp on the reduced range.
    private static let inverseFactorials: [Double] = {
        var values: [Double] = [1]
        for n in 1...17 { values.append(values[n - 1] / Double(n)) }
        return values
    }()

    /// The natural logarithm: `-infinity` at 0, NaN below 0 or for NaN.
    ///
    /// Method: `x = m * 2^e` with `m` in [sqrt(1/2), sqrt(2)); with
    /// `s = (m - 1) / (m + 1)`, `ln m = 2 (s + s^3/3 + s^5/5 + ...)`
    /// (|s| < 0.172, 13 terms); then add `e * ln 2` in two parts.
    public static func log(_ x: Double) -> Double {
        if x.isNaN || x < 0 { return .nan }
        if x == 0 { return -.infinity }
        if x == .infinity { return .infinity }
        var value = x
        var exponentAdjust = 0
        if value.isSubnormal {
            value *= 0x1p54
            exponentAdjust = -54
        }
        var exponent = Int(value.exponent) + exponentAdjust
        var mantissa = value.significand
        if mantissa > 2 * sqrtHalf {
            mantissa /= 2
            exponent += 1
        }
        let f = mantissa - 1
        let s = f / (2 + f)
        let s2 = s * s
        var series = 1.0 / 25.0
        var k = 23.0
        while k >= 1 {
            series = 1 / k + s2 * series
            k -= 2
        }
        let logMantissa = 2 * s * series
        let e = Double(exponent)
        return e * ln2High + (logMantissa + e * ln2Low)
    }

    /// e raised to `x`: 0 for very negative `x`, `+infinity` above ~709.78.
    ///
    /// Method: `x = k ln 2 + r` with integer `k` and |r| <= ln 2 / 2
    /// (ln 2 in two parts), `e^r` by its Taylor series to degree 17 in
    /// Horner form, then scaled by `2^k` in one rounding.
    public static func exp(_ x: Double) -> Double {
        if x.isNaN { return .nan }
        if x > 709.782712893384 { return .infinity }
        if x < -745.1332191019412 { return 0 }
        let k = (x / ln2).rounded()
        let r = (x - k * ln2High) - k * ln2Low
        var sum = inverseFactorials[17]
        for n in stride(from: 16, through: 0, by: -1) {
            sum = sum * r + inverseFactorials[n]
        }
        return Double(sign: .plus, exponent: Int(k), significand: sum)
    }

    /// `base` raised to `exponent` for `base > 0` (as `exp(exponent * log(base))`);
    /// 0 for `base == 0` and a positive exponent.
    public static func pow(_ base: Double, _ exponent: Double) -> Double {
        if base == 0 { return exponent > 0 ? 0 : (exponent == 0 ? 1 : .infinity) }
        return exp(exponent * log(base))
    }

    /// ln Γ(x) for x > 0 by Stirling's series (after shifting x up to at
    /// least 7 with the recurrence), as in NumPy's `random_loggam`; exact 0
    /// at 1 and 2. Used for ln k! = logGamma(k + 1).
    public static func logGamma(_ x: Double) -> Double {
        precondition(x > 0, "logGamma needs x > 0")
        if x == 1 || x == 2 { return 0 }
        let coefficients: [Double] = [
            8.333333333333333e-02, -2.777777777777778e-03, 7.936507936507937e-04,
            -5.952380952380952e-04, 8.417508417508418e-04, -1.917526917526918e-03,
            6.410256410256410e-03, -2.955065359477124e-02, 1.796443723688307e-01,
            -1.39243221690590e+00,
        ]
        var shifted = x
        var shifts = 0
        if x <= 7 {
            shifts = Int(7 - x)
            shifted = x + Double(shifts)
        }
        let inverseSquare = 1 / (shifted * shifted)
        var series = coefficients[9]
        for index in stride(from: 8, through: 0, by: -1) {
            series = series * inverseSquare + coefficients[index]
        }
        var result = series / shifted + halfLogTwoPi + (shifted - 0.5) * log(shifted) - shifted
        for _ in 0..<shifts {
            shifted -= 1
            result -= log(shifted)
        }
        return result
    }
}
