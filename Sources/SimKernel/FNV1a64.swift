/// The 64-bit FNV-1a hash: a stable, platform-independent hash of bytes,
/// used to turn a stream name into a fixed constant (`hashValue` is seeded
/// per process and must never reach a simulation).
///
/// Start from the offset basis `0xCBF29CE484222325`; for each byte,
/// `hash = (hash ^ byte) * 0x100000001B3` (wrapping).
public enum FNV1a64 {
    /// The FNV-1a 64 offset basis.
    public static let offsetBasis: UInt64 = 0xCBF2_9CE4_8422_2325
    /// The FNV 64-bit prime.
    public static let prime: UInt64 = 0x0000_0100_0000_01B3

    /// The hash of `bytes`.
    public static func hash(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var hash = offsetBasis
        for byte in bytes {
            hash = (hash ^ UInt64(byte)) &* prime
        }
        return hash
    }

    /// The hash of the UTF-8 encoding of `text`.
    public static func hash(_ text: String) -> UInt64 {
        hash(text.utf8)
    }
}
