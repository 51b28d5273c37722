/// The xoshiro256** generator of Blackman and Vigna: 256 bits of state,
/// period 2^256 − 1, fast and statistically strong; the random source of
/// every simulation stream.
///
/// Seeding: the four state words are the first four outputs of
/// ``SplitMix64`` started from the 64-bit seed (the seeding the authors
/// recommend), so a seed never yields the forbidden all-zero state.
/// Output: `rotl(s1 * 5, 7) * 9`, then the state update of the reference C
/// code (`t = s1 << 17; s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= t; s3 = rotl(s3, 45)`).
public struct Xoshiro256StarStar: RandomNumberGenerator, Sendable, Hashable {
    /// The four state words, in the order of the reference code (s[0]...s[3]).
    public private(set) var state: (UInt64, UInt64, UInt64, UInt64)

    /// A generator seeded from `seed` through SplitMix64.
    public init(seed: UInt64) {
        var mixer = SplitMix64(seed: seed)
        state = (mixer.next(), mixer.next(), mixer.next(), mixer.next())
    }

    /// A generator with an explicit state; the state must not be all zeros.
    public init(state: (UInt64, UInt64, UInt64, UInt64)) {
        precondition(state != (0, 0, 0, 0), "xoshiro256** state must not be all zeros")
        self.state = state
    }

    /// Returns the next 64 random bits.
    public mutating func next() -> UInt64 {
        let result = rotateLeft(state.1 &* 5, by: 7) &* 9
        let t = state.1 << 17
        state.2 ^= state.0
        state.3 ^= state.1
        state.1 ^= state.2
        state.0 ^= state.3
        state.2 ^= t
        state.3 = rotateLeft(state.3, by: 45)
        return result
    }

    private func rotateLeft(_ value: UInt64, by count: UInt64) -> UInt64 {
        (value << count) | (value >> (64 - count))
    }

    public static func == (lhs: Xoshiro256StarStar, rhs: Xoshiro256StarStar) -> Bool {
        lhs.state == rhs.state
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(state.0)
        hasher.combine(state.1)
        hasher.combine(state.2)
        hasher.combine(state.3)
    }
}
