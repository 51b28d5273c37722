/// One side of a drift comparison: the finite-or-infinite values of a
/// feature, NaN dropped, sorted ascending, with the mean and population
/// standard deviation. Every statistic of ``DriftStatistics`` works on two of
/// these, so a sample is sorted once however many statistics are computed.
///
/// Sorting is an LSD radix sort (six passes of 11-bit digits) on the
/// order-preserving unsigned transform of the IEEE-754 bits, which puts
/// `-inf < negatives < -0.0 < +0.0 < positives < +inf`; samples under 256
/// values use the standard library's sort.
public struct SortedSample: Sendable, Hashable {
    /// The values, NaN dropped, ascending.
    public let values: [Double]
    /// The arithmetic mean (NaN when empty, infinite or NaN when the values
    /// hold infinities).
    public let mean: Double
    /// NumPy's `std` with ddof 0: the square root of the mean squared
    /// deviation from the mean, computed in two passes with compensated sums
    /// (NaN when empty).
    public let populationStandardDeviation: Double

    /// Drops NaN and sorts `values` ascending.
    public init<C: Collection>(_ values: C) where C.Element == Double {
        let sorted = SortedSample.sortDroppingNaN(values)
        self.values = sorted
        (mean, populationStandardDeviation) = SortedSample.moments(sorted)
    }

    /// Wraps values that are already sorted ascending and free of NaN (not
    /// checked beyond a debug assertion).
    public init(presorted values: [Double]) {
        assert(zip(values, values.dropFirst()).allSatisfy { $0.0 <= $0.1 }, "SortedSample(presorted:) needs ascending values")
        self.values = values
        (mean, populationStandardDeviation) = SortedSample.moments(values)
    }

    /// Equal when the values are (the moments follow from them).
    public static func == (lhs: SortedSample, rhs: SortedSample) -> Bool { lhs.values == rhs.values }
    public func hash(into hasher: inout Hasher) { hasher.combine(values) }

    /// The number of values (NaN excluded).
    public var count: Int { values.count }
    public var isEmpty: Bool { values.isEmpty }

    /// The number of values strictly below `bound` (binary search).
    func countBelow(_ bound: Double) -> Int {
        var low = 0
        var high = values.count
        values.withUnsafeBufferPointer { buffer in
            while low < high {
                let middle = (low + high) >> 1
                if buffer[middle] < bound { low = middle + 1 } else { high = middle }
            }
        }
        return low
    }

    // MARK: - Moments

    private static func moments(_ values: [Double]) -> (mean: Double, sd: Double) {
        guard !values.isEmpty else { return (.nan, .nan) }
        let n = Double(values.count)
        let mean = values.withUnsafeBufferPointer { buffer in
            var sum = 0.0
            var compensation = 0.0
            for value in buffer {
                let total = sum + value
                if abs(sum) >= abs(value) { compensation += (sum - total) + value } else { compensation += (value - total) + sum }
                sum = total
            }
            return (sum + compensation) / n
        }
        guard mean.isFinite else { return (mean, .nan) }
        let variance = values.withUnsafeBufferPointer { buffer in
            var sum = 0.0
            var compensation = 0.0
            for value in buffer {
                let deviation = value - mean
                let square = deviation * deviation
                let total = sum + square
                if sum >= square { compensation += (sum - total) + square } else { compensation += (square - total) + sum }
                sum = total
            }
            return (sum + compensation) / n
        }
        return (mean, variance.squareRoot())
    }

    // MARK: - Sorting

    /// Below this many values the standard library's sort is faster than six
    /// radix passes.
    static let radixThreshold = 256

    /// The values without NaN, ascending. Contiguous collections (arrays,
    /// array slices) are read through their buffer, so the generic entry
    /// point costs nothing per value when called from another module.
    static func sortDroppingNaN<C: Collection>(_ values: C) -> [Double] where C.Element == Double {
        if let sorted = values.withContiguousStorageIfAvailable({ sortDroppingNaN(buffer: $0) }) { return sorted }
        return Array(values).withUnsafeBufferPointer { sortDroppingNaN(buffer: $0) }
    }

    static func sortDroppingNaN(buffer values: UnsafeBufferPointer<Double>) -> [Double] {
        let capacity = values.count
        if capacity < radixThreshold {
            var small = values.filter { !$0.isNaN }
            small.sort()
            return small
        }
        // Order-preserving keys: flip all bits of negatives, only the sign bit of positives.
        var keys = [UInt64](unsafeUninitializedCapacity: capacity) { buffer, initialized in
            var index = 0
            for value in values where !value.isNaN {
                buffer[index] = orderedKey(value)
                index += 1
            }
            initialized = index
        }
        radixSort(&keys)
        return [Double](unsafeUninitializedCapacity: keys.count) { buffer, initialized in
            keys.withUnsafeBufferPointer { source in
                for index in 0..<source.count { buffer[index] = value(ofKey: source[index]) }
            }
            initialized = keys.count
        }
    }

    @inline(__always)
    static func orderedKey(_ value: Double) -> UInt64 {
        let bits = value.bitPattern
        // Negative: all bits flipped; positive: sign bit set.
        let mask = UInt64(bitPattern: Int64(bitPattern: bits) >> 63) | 0x8000_0000_0000_0000
        return bits ^ mask
    }

    @inline(__always)
    static func value(ofKey key: UInt64) -> Double {
        let mask = (key >> 63) == 1 ? 0x8000_0000_0000_0000 : UInt64.max
        return Double(bitPattern: key ^ mask)
    }

    private static let digitBits = 11
    private static let passes = 6
    private static let buckets = 1 << digitBits

    /// LSD radix sort of `keys` ascending: one counting pass for all six
    /// digit histograms, then one scatter pass per digit whose values are not
    /// all equal, ping-ponging between `keys` and a scratch buffer.
    static func radixSort(_ keys: inout [UInt64]) {
        let count = keys.count
        guard count > 1 else { return }
        let mask = UInt64(buckets - 1)
        var histograms = [Int](repeating: 0, count: buckets * passes)
        keys.withUnsafeBufferPointer { source in
            histograms.withUnsafeMutableBufferPointer { counts in
                for key in source {
                    counts[Int(key & mask)] += 1
                    counts[buckets + Int((key >> 11) & mask)] += 1
                    counts[2 * buckets + Int((key >> 22) & mask)] += 1
                    counts[3 * buckets + Int((key >> 33) & mask)] += 1
                    counts[4 * buckets + Int((key >> 44) & mask)] += 1
                    counts[5 * buckets + Int(key >> 55)] += 1
                }
            }
        }
        var scratch = [UInt64](repeating: 0, count: count)
        var inKeys = true
        histograms.withUnsafeMutableBufferPointer { counts in
            for pass in 0..<passes {
                let base = pass * buckets
                let shift = UInt64(pass * digitBits)
                // A digit every key shares changes nothing: skip its pass.
                let firstDigit = Int((keys[0] >> shift) & mask)
                if counts[base + firstDigit] == count { continue }
                var offset = 0
                for bucket in 0..<buckets {
                    let size = counts[base + bucket]
                    counts[base + bucket] = offset
                    offset += size
                }
                if inKeys {
                    scatter(from: keys, into: &scratch, counts: counts, base: base, shift: shift, mask: mask)
                } else {
                    scatter(from: scratch, into: &keys, counts: counts, base: base, shift: shift, mask: mask)
                }
                inKeys.toggle()
            }
        }
        if !inKeys { keys = scratch }
    }

    @inline(__always)
    private static func scatter(from source: [UInt64], into destination: inout [UInt64], counts: UnsafeMutableBufferPointer<Int>,
                                base: Int, shift: UInt64, mask: UInt64) {
        source.withUnsafeBufferPointer { input in
            destination.withUnsafeMutableBufferPointer { output in
                for key in input {
                    let slot = base + Int((key >> shift) & mask)
                    let position = counts[slot]
                    output[position] = key
                    counts[slot] = position + 1
                }
            }
        }
    }
}
