import SimKernel

/// Standard normal variates by the ziggurat method of Marsaglia and Tsang
/// in Doornik's corrected form (ZIGNOR, 2005): 128 blocks, right tail
/// from R = 3.442619855899.
///
/// The serving simulator draws a dozen normals per request; the polar
/// method of ``Sampling/normal(mean:standardDeviation:using:)`` needs a
/// logarithm and a square root per value, the ziggurat returns ~98.8% of
/// values from one generator output, a table lookup and a multiplication.
/// The tables are built once with ``PortableMath`` and the slow paths use
/// it and ``FastExp``, so the same stream gives the same values on every
/// platform.
///
/// One generator output gives both the block index (its low 7 bits) and
/// the uniform in (-1, 1) (its top 53 bits), which do not overlap.
struct ZigguratNormal: Sendable {
    static let blocks = 128
    static let tailStart = 3.442619855899
    /// The area of each block: `R φ(R) + P(X > R)`, times sqrt(2π).
    static let blockArea = 9.91256303526217e-3

    /// The tables, built once per process.
    static let shared = ZigguratNormal()

    /// `x[0] = V / f(R)` (the bottom block's virtual width), `x[1] = R`, ..., `x[128] = 0`.
    let x: [Double]
    /// `x[i]` at even and `x[i + 1] / x[i]` at odd positions (below the
    /// ratio a point of block `i` is inside the curve), so the fast path
    /// reads one place.
    let table: [Double]

    private init() {
        let blocks = Self.blocks
        var x = [Double](repeating: 0, count: blocks + 1)
        var f = PortableMath.exp(-0.5 * Self.tailStart * Self.tailStart)
        x[0] = Self.blockArea / f
        x[1] = Self.tailStart
        for i in 2..<blocks {
            x[i] = (-2 * PortableMath.log(Self.blockArea / x[i - 1] + f)).squareRoot()
            f = PortableMath.exp(-0.5 * x[i] * x[i])
        }
        x[blocks] = 0
        self.x = x
        table = (0..<blocks).flatMap { [x[$0], x[$0 + 1] / x[$0]] }
    }

    /// A standard normal variate.
    @inline(__always)
    func next(using generator: inout some RandomNumberGenerator) -> Double {
        while true {
            let bits = generator.next()
            let u = 2 * (Double(bits >> 11) * 0x1p-53) - 1
            let i = Int(truncatingIfNeeded: bits & 0x7F)
            let (width, inner) = table.withUnsafeBufferPointer { ($0[2 * i], $0[2 * i + 1]) }
            if abs(u) < inner { return u * width }
            if let value = slowPath(u: u, block: i, using: &generator) { return value }
        }
    }

    /// The tail (block 0) or a wedge: a value, or nil to start over.
    @inline(never)
    func slowPath(u: Double, block i: Int, using generator: inout some RandomNumberGenerator) -> Double? {
        if i == 0 {
            // Marsaglia's tail method beyond R.
            let r = Self.tailStart
            while true {
                let a = PortableMath.log(Sampling.openUnitInterval(using: &generator)) / r
                let b = PortableMath.log(Sampling.openUnitInterval(using: &generator))
                if -2 * b >= a * a { return u < 0 ? a - r : r - a }
            }
        }
        let value = u * x[i]
        let exp = FastExp.shared
        let f0 = exp(-0.5 * (x[i] * x[i] - value * value))
        let f1 = exp(-0.5 * (x[i + 1] * x[i + 1] - value * value))
        if f1 + Sampling.unitInterval(using: &generator) * (f0 - f1) < 1 { return value }
        return nil
    }
}
