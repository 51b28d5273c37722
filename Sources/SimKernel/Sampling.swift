/// Random variates drawn from any `RandomNumberGenerator` (in the simulation,
/// a ``Xoshiro256StarStar`` stream). Every sampler consumes a deterministic
/// number of generator outputs for a given sequence of outcomes, keeps no
/// hidden state between calls (a normal sampler that makes two values per
/// round throws the second away) and uses ``PortableMath`` rather than the
/// platform libm, so the same stream gives the same values everywhere.
///
/// Parameter mistakes (a negative standard deviation, `a > b`, ...) are
/// programmer errors and stop the program; user input is validated where it
/// is parsed (see ``DurationDistribution``).
public enum Sampling {
    /// A uniform double in [0, 1) made from the top 53 bits of one output:
    /// `Double(next() >> 11) * 2^-53`, so every value is a multiple of 2^-53.
    public static func unitInterval(using generator: inout some RandomNumberGenerator) -> Double {
        Double(generator.next() >> 11) * 0x1p-53
    }

    /// A uniform double in (0, 1] (`1 -` ``unitInterval(using:)``), safe to
    /// take the logarithm of.
    public static func openUnitInterval(using generator: inout some RandomNumberGenerator) -> Double {
        1 - unitInterval(using: &generator)
    }
}
