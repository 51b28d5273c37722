/// Sebastiano Vigna's SplitMix64 generator, used here to turn one 64-bit seed
/// into well-mixed seed material (for ``Xoshiro256StarStar`` and for
/// ``RandomStreams``).
///
/// Each step adds the golden-ratio increment `0x9E3779B97F4A7C15` to the state
/// and returns the state passed through the finaliser
/// `z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9; z = (z ^ (z >> 27)) * 0x94D049BB133111EB; z ^ (z >> 31)`
/// (all arithmetic wrapping modulo 2^64), exactly as in the reference C code.
public struct SplitMix64: RandomNumberGenerator, Sendable, Hashable {
    /// The current state (the seed before the first step).
    public var state: UInt64

    /// A generator whose first output is the finaliser applied to `seed + 0x9E3779B97F4A7C15`.
    public init(seed: UInt64) {
        state = seed
    }

    /// Advances the state and returns the next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return Self.finalize(state)
    }

    /// The SplitMix64 output function (a bijective 64-bit mixer).
    public static func finalize(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
