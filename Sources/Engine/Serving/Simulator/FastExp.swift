import SimKernel

/// `e^x` for the serving simulator's per-request draws (label Bernoulli,
/// lognormal latencies and features), several times faster than
/// ``PortableMath/exp(_:)`` and as portable: IEEE basic operations only.
///
/// Method: `x = (64k + j) · ln2/64 + r` with |r| <= ln2/128 (ln 2 in two
/// parts, fdlibm's), `e^x = 2^k · 2^(j/64) · p(r)` with `p` the Taylor
/// polynomial of degree 6 (truncation below 2^-60 relative) and the 64
/// values `2^(j/64)` computed once with ``PortableMath/exp(_:)``. Within a
/// few units in the last place. Outside |x| < 700 it defers to PortableMath.
struct FastExp: Sendable {
    static let shared = FastExp()
    static let scale = 64 / 0.6931471805599453
    static let ln2High64 = 6.93147180369123816490e-01 / 64
    static let ln2Low64 = 1.90821492927058770002e-10 / 64

    /// `2^(j/64)` for j = 0..<64.
    let table: [Double]

    private init() {
        table = (0..<64).map { PortableMath.exp(Double($0) * 0.6931471805599453 / 64) }
    }

    @inline(__always)
    func callAsFunction(_ x: Double) -> Double {
        guard abs(x) < 700 else { return PortableMath.exp(x) }
        // Round to nearest by adding and removing 1.5 * 2^52 (pure arithmetic).
        let n = (x * Self.scale + 0x1.8p52) - 0x1.8p52
        let r = (x - n * Self.ln2High64) - n * Self.ln2Low64
        let index = Int(n)
        let j = index & 63
        let k = index >> 6
        let p = 1 + r * (1 + r * (0.5 + r * (1.0 / 6 + r * (1.0 / 24 + r * (1.0 / 120 + r * (1.0 / 720))))))
        let power = Double(bitPattern: UInt64(k + 1023) << 52)
        return table.withUnsafeBufferPointer { $0[j] } * p * power
    }
}
