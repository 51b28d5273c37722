import SimKernel

/// A ``RoutingTable`` turned into what the per-request loop needs: the
/// live versions as slots of the simulator with cumulative percentages.
///
/// A request with a request split picks the first live version whose
/// cumulative percentage exceeds a uniform draw in [0, 100); with a user
/// split the draw is replaced by the user's bucket, a fixed hash of the
/// user id and the deployment (``userBucket(_:salt:)``), so a user keeps
/// their version while the weights stay, and keeps it when the version's
/// share grows (live versions are ordered by version number, so a newer
/// version's range [100 − share, 100) only widens as its share grows).
struct CompiledRouting: Sendable {
    /// Simulator slot per live entry.
    var slots: [Int] = []
    /// Cumulative percentages per live entry (the last is 100).
    var thresholds: [Double] = []
    var split: SplitKey = .request
    var mirrorSlot: Int?
    /// The mirrored share as a fraction, 0...1.
    var mirrorShare = 0.0
    var down = false

    var isEmpty: Bool { slots.isEmpty }

    /// The slot for a point in [0, 100).
    @inline(__always)
    func pick(_ point: Double) -> Int {
        thresholds.withUnsafeBufferPointer { thresholds in
            var index = 0
            let last = thresholds.count - 1
            while index < last && point >= thresholds[index] { index += 1 }
            return slots[index]
        }
    }

    /// The user's point in [0, 100): a SplitMix64 finaliser of the id mixed
    /// with the deployment's salt, scaled.
    @inline(__always)
    static func userBucket(_ id: Int, salt: UInt64) -> Double {
        var z = UInt64(truncatingIfNeeded: id) &+ salt &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        return Double(z >> 11) * 0x1p-53 * 100
    }
}
