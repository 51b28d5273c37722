extension Sampling {
    /// A uniform double in [a, b) (exactly `a` when `a == b`): `a + (b - a) u`
    /// with `u` from ``unitInterval(using:)``. Mean (a+b)/2, variance (b-a)²/12.
    public static func uniform(_ a: Double, _ b: Double, using generator: inout some RandomNumberGenerator) -> Double {
        precondition(a.isFinite && b.isFinite && a <= b, "uniform needs finite a <= b")
        return a + (b - a) * unitInterval(using: &generator)
    }
}
