/// Derives independent, reproducible random streams for each subsystem from
/// one root seed, so adding draws in one subsystem never shifts another's.
///
/// Algorithm (stable across runs, processes and platforms):
/// 1. `nameConstant = FNV-1a-64(UTF-8 bytes of the stream name)`;
/// 2. `streamSeed = first output of SplitMix64(seed: rootSeed ^ nameConstant)`;
/// 3. the stream is `Xoshiro256StarStar(seed: streamSeed)` (which itself
///    expands the seed through SplitMix64).
/// The same root seed and name always give the same stream; different names
/// give unrelated streams.
public struct RandomStreams: Sendable, Hashable {
    /// The run's root seed.
    public var rootSeed: UInt64

    /// Streams derived from `rootSeed`.
    public init(rootSeed: UInt64) {
        self.rootSeed = rootSeed
    }

    /// The fixed constant of a stream name (FNV-1a 64 of its UTF-8 bytes).
    public static func nameConstant(_ name: String) -> UInt64 {
        FNV1a64.hash(name)
    }

    /// The seed of the stream called `name` (step 2 of the algorithm).
    public func seed(forStream name: String) -> UInt64 {
        var mixer = SplitMix64(seed: rootSeed ^ Self.nameConstant(name))
        return mixer.next()
    }

    /// A fresh generator for the stream called `name`, at its start.
    public func stream(named name: String) -> Xoshiro256StarStar {
        Xoshiro256StarStar(seed: seed(forStream: name))
    }
}
