/// The sine of a number of full turns, `sin(2π · turns)`, written with
/// IEEE basic operations only so that seasonal drift gives the same values
/// on every platform (like SimKernel's `PortableMath`).
enum PortableSine {
    /// 1/(2k+1)! with alternating sign for k = 0...11: the Taylor
    /// coefficients of sin, enough for |x| <= π/2 to below 1e-19.
    private static let coefficients: [Double] = {
        var values: [Double] = []
        var factorial = 1.0
        for n in 1...23 {
            factorial *= Double(n)
            if n % 2 == 1 { values.append((n / 2 % 2 == 0 ? 1 : -1) / factorial) }
        }
        return values
    }()

    /// `sin(2π · turns)`: exact 0 at whole and half turns, ±1 at quarters.
    static func sin(turns: Double) -> Double {
        guard turns.isFinite else { return .nan }
        // Reduce to [0, 1) turns, then to the first quarter by symmetry.
        var u = turns - turns.rounded(.down)
        var sign = 1.0
        if u >= 0.5 {
            u -= 0.5
            sign = -1
        }
        if u > 0.25 { u = 0.5 - u }
        let x = 2 * Double.pi * u
        let x2 = x * x
        var sum = coefficients[coefficients.count - 1]
        for index in stride(from: coefficients.count - 2, through: 0, by: -1) {
            sum = sum * x2 + coefficients[index]
        }
        return sign * x * sum
    }
}
