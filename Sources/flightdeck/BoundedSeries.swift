/// A time series in fixed memory: at most ``capacity`` buckets of equal
/// width, each with the mean, maximum and count of the values in it. When a
/// new bucket would exceed the capacity, the width doubles and neighbouring
/// buckets merge, so a month of per-minute values keeps the same few
/// hundred numbers as an hour of them. Times must not go backwards.
struct BoundedSeries: Sendable, Hashable, Codable {
    /// One bucket: values at times in `[start, start + width)`.
    struct Bucket: Sendable, Hashable, Codable {
        /// The bucket's first millisecond of simulated time.
        var start: Int64
        var sum: Double
        var max: Double
        var count: Int

        var mean: Double { count == 0 ? 0 : sum / Double(count) }
    }

    /// The most buckets kept (at least 2).
    let capacity: Int
    /// Milliseconds per bucket; doubles whenever the buckets would overflow.
    private(set) var width: Int64
    /// The buckets, oldest first.
    private(set) var buckets: [Bucket] = []

    /// An empty series of at most `capacity` buckets starting at `width` ms.
    init(capacity: Int, width: Int64) {
        self.capacity = Swift.max(2, capacity)
        self.width = Swift.max(1, width)
    }

    /// Adds a value at `time` (milliseconds); non-finite values are ignored.
    mutating func add(time: Int64, value: Double) {
        guard value.isFinite else { return }
        let start = Self.floor(time, width)
        if let last = buckets.indices.last, buckets[last].start == start {
            buckets[last].sum += value
            buckets[last].max = Swift.max(buckets[last].max, value)
            buckets[last].count += 1
            return
        }
        buckets.append(Bucket(start: start, sum: value, max: value, count: 1))
        while buckets.count > capacity { coarsen() }
    }

    /// Doubles the width and merges the buckets that now share one.
    private mutating func coarsen() {
        width *= 2
        var merged: [Bucket] = []
        merged.reserveCapacity(capacity)
        for bucket in buckets {
            let start = Self.floor(bucket.start, width)
            if let last = merged.indices.last, merged[last].start == start {
                merged[last].sum += bucket.sum
                merged[last].max = Swift.max(merged[last].max, bucket.max)
                merged[last].count += bucket.count
            } else {
                merged.append(Bucket(start: start, sum: bucket.sum, max: bucket.max, count: bucket.count))
            }
        }
        buckets = merged
    }

    private static func floor(_ time: Int64, _ width: Int64) -> Int64 {
        time >= 0 ? time / width * width : (time - width + 1) / width * width
    }
}
