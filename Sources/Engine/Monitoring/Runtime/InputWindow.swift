import SimKernel

/// A bounded sample of the request rows a deployment served, kept per
/// monitor for its drift statistics, in fixed memory and cheap per request.
///
/// Rows are stored whole (every numeric value and categorical code of the
/// row), so all features of a sample come from the same requests. Three
/// shapes:
/// - ``Kind/time``: the window is cut into slices of simulated time; each
///   slice keeps a uniform reservoir sample (Algorithm R, seeded) of at most
///   `capacity` rows of the requests that arrived in it. The current window
///   is the union of the slices that overlap it, so it is the configured
///   duration rounded out to whole slices (one slice at most more). Each
///   slice holds the same number of rows once full, so a quiet slice
///   weighs as much as a busy one — a small bias that a daily cycle makes
///   visible only at slice scale.
/// - ``Kind/count``: a ring of the last `count` rows exactly.
/// - ``Kind/fixed``: one reservoir of the rows served in `[from, to)` (a
///   fixed reference window); it stops taking rows at `to`.
struct InputWindow: Sendable {
    enum Kind: Sendable, Equatable {
        case time(window: Int64, slice: Int64)
        case count(Int)
        case fixed(from: Int64, to: Int64)
    }

    /// One reservoir (or the ring of a count window).
    struct Slice: Sendable {
        /// The slice's number (`time / slice length`), -1 when unused.
        var number: Int64 = -1
        /// Rows offered to the slice.
        var seen = 0
        /// Rows held (at most the capacity).
        var stored = 0
        /// Row-major numeric values, `capacity × numericCount`.
        var numeric: [Double]
        /// Row-major categorical codes, `capacity × categoricalCount`.
        var categorical: [Int32]

        init(capacity: Int, numericCount: Int, categoricalCount: Int) {
            numeric = [Double](repeating: .nan, count: capacity * numericCount)
            categorical = [Int32](repeating: -1, count: capacity * categoricalCount)
        }

        mutating func reset(to number: Int64) {
            self.number = number
            seen = 0
            stored = 0
        }
    }

    let kind: Kind
    let numericCount: Int
    let categoricalCount: Int
    /// Rows per slice (the ring size for a count window).
    let capacity: Int
    var slices: [Slice]
    /// The slice rows go to now (-1: none, e.g. outside a fixed window).
    var current = -1
    /// Count window: where the next row goes.
    var head = 0
    var random: Xoshiro256StarStar

    /// Slices a time window is cut into.
    static let slicesPerWindow = 12

    /// A window of `kind` for rows of `layout`, keeping about `maxSample`
    /// rows in all (a count window keeps exactly its count).
    init(kind: Kind, layout: RowLayout, maxSample: Int, random: Xoshiro256StarStar) {
        self.kind = kind
        numericCount = layout.numericCount
        categoricalCount = layout.categoricalCount
        self.random = random
        let sliceCount: Int
        switch kind {
        case .time:
            sliceCount = Self.slicesPerWindow + 1
            capacity = Swift.max(1, (maxSample + Self.slicesPerWindow - 1) / Self.slicesPerWindow)
        case .count(let count):
            sliceCount = 1
            capacity = Swift.max(1, count)
        case .fixed:
            sliceCount = 1
            capacity = Swift.max(1, maxSample)
        }
        let empty = Slice(capacity: capacity, numericCount: layout.numericCount, categoricalCount: layout.categoricalCount)
        slices = [Slice](repeating: empty, count: sliceCount)
        if case .count = kind {
            current = 0
            slices[0].number = 0
        }
    }

    /// The slice length of a time window of `window` milliseconds.
    static func sliceLength(window: Int64) -> Int64 {
        Swift.max(1000, (window + Int64(slicesPerWindow) - 1) / Int64(slicesPerWindow))
    }

    /// Points the window at the slice of `time` (once per batch of requests
    /// served at the same time).
    @inline(__always)
    mutating func begin(at time: SimTime) {
        switch kind {
        case .count:
            return
        case .fixed(let from, let to):
            current = time.milliseconds >= from && time.milliseconds < to ? 0 : -1
            if current == 0 && slices[0].number != 0 { slices[0].reset(to: 0) }
        case .time(_, let slice):
            let number = VersionMetrics.floorDiv(time.milliseconds, slice)
            let index = Int(((number % Int64(slices.count)) + Int64(slices.count)) % Int64(slices.count))
            if slices[index].number != number { slices[index].reset(to: number) }
            current = index
        }
    }

    /// Offers one row (after ``begin(at:)``).
    @inline(__always)
    mutating func record(numeric: UnsafeBufferPointer<Double>, categorical: UnsafeBufferPointer<Int32>) {
        guard current >= 0 else { return }
        let row: Int
        if case .count = kind {
            row = head
            head = head + 1 == capacity ? 0 : head + 1
            slices[0].seen += 1
            if slices[0].stored < capacity { slices[0].stored += 1 }
        } else {
            slices[current].seen += 1
            let seen = slices[current].seen
            if slices[current].stored < capacity {
                row = slices[current].stored
                slices[current].stored += 1
            } else {
                // Algorithm R: keep the row with probability capacity / seen.
                let pick = Int(random.next().multipliedFullWidth(by: UInt64(seen)).high)
                guard pick < capacity else { return }
                row = pick
            }
        }
        let slice = current
        if numericCount > 0 {
            slices[slice].numeric.withUnsafeMutableBufferPointer { values in
                let base = row * numericCount
                for k in 0..<numericCount { values[base + k] = numeric[k] }
            }
        }
        if categoricalCount > 0 {
            slices[slice].categorical.withUnsafeMutableBufferPointer { codes in
                let base = row * categoricalCount
                for k in 0..<categoricalCount { codes[base + k] = categorical[k] }
            }
        }
    }

    /// Whether a fixed window has ended by `time` (its sample is final).
    func isClosed(at time: SimTime) -> Bool {
        if case .fixed(_, let to) = kind { return time.milliseconds >= to }
        return false
    }

    /// The slices inside the window ending at `time`.
    private func liveSlices(at time: SimTime) -> [Int] {
        switch kind {
        case .count, .fixed:
            return slices[0].number >= 0 ? [0] : []
        case .time(let window, let slice):
            let oldest = VersionMetrics.floorDiv(time.milliseconds - window, slice)
            let newest = VersionMetrics.floorDiv(time.milliseconds, slice)
            return slices.indices.filter { slices[$0].number >= oldest && slices[$0].number <= newest && slices[$0].stored > 0 }
                .sorted { slices[$0].number < slices[$1].number }
        }
    }

    /// Rows offered to the slices inside the window (not only those kept).
    func requests(at time: SimTime) -> Int {
        liveSlices(at: time).reduce(0) { $0 + slices[$1].seen }
    }

    /// The kept values of numeric column `k` (NaN where missing), oldest slice first.
    func numericValues(_ k: Int, at time: SimTime) -> [Double] {
        var values: [Double] = []
        for index in liveSlices(at: time) {
            let slice = slices[index]
            values.reserveCapacity(values.count + slice.stored)
            for row in 0..<slice.stored { values.append(slice.numeric[row * numericCount + k]) }
        }
        return values
    }

    /// Per category of categorical column `k` (codes 0..<categories), how
    /// many kept rows have it; missing codes are not counted.
    func categoryCounts(_ k: Int, categories: Int, at time: SimTime) -> [Int] {
        var counts = [Int](repeating: 0, count: categories)
        for index in liveSlices(at: time) {
            let slice = slices[index]
            for row in 0..<slice.stored {
                let code = Int(slice.categorical[row * categoricalCount + k])
                if code >= 0 && code < categories { counts[code] += 1 }
            }
        }
        return counts
    }
}
