import Foundation

/// ADWIN2 (ADaptive WINdowing, Bifet and Gavaldà 2007) on the stream of
/// per-request errors, following River's `ADWIN` (`river/drift/adwin_c.pyx`).
///
/// The window is kept as an exponential histogram: row `r` holds buckets of
/// `2^r` outcomes (their error count and variance), newest rows first; when
/// a row gets `M + 1` buckets (`M = 5`, River's `max_buckets`) its two oldest
/// merge into one bucket of the next row. Memory is fixed: 40 rows of 6
/// buckets (5·2^40 outcomes before the last row could overflow; if it ever
/// did, the oldest bucket is dropped).
///
/// Every `clock` additions (32, River's default) and once the window holds
/// more than `gracePeriod` (10) outcomes, every boundary between buckets
/// splits the window into an older part `W0` (`n0` outcomes, mean `µ0`) and
/// a newer part `W1` (`n1`, `µ1`); both must hold at least
/// `minimumWindowLength` (5). The cut holds when `|µ0 - µ1| > ε_cut` with
///
///     δ' = ln(2 ln(n) / δ)                        (n = window length)
///     1/m = 1/(n0 - 5 + 1) + 1/(n1 - 5 + 1)
///     ε_cut = sqrt(2 (1/m) σ²_W δ') + (2/3) (1/m) δ'
///
/// where `σ²_W` is the variance of the whole window: the Bernstein-style
/// bound of the paper's section 3 with `δ/ln(n)` for the union over the
/// cuts checked, and River's correction of `m` for the minimum part length.
/// On a cut the oldest bucket is dropped and the check runs again until no
/// cut holds, so the window shrinks to the part that looks stationary.
///
/// For our purposes only a rise of the error rate is a drift: the level is
/// `drift` when a check drops old data and at the first cut the newer part's
/// error mean was higher than the older one's. A cut on a *falling* error
/// rate still shrinks the window (the model got better, the old errors are
/// no longer representative) but raises nothing. ADWIN has no warning level.
///
/// Cost per outcome: amortised O(1) inserts and merges; the check every
/// 32 outcomes walks about 5·log2(n/5) buckets, with the cut test
/// rearranged to need no division or square root (see `findCut`).
public struct ADWINDetector: Sendable, Hashable {
    /// Buckets per row before the two oldest merge (River's `max_buckets`).
    public static let bucketsPerRow = 5
    /// How often (in additions) the cuts are checked (River's `clock`).
    public static let clock = 32
    /// Outcomes the window must hold before cuts are checked (River's `grace_period`).
    public static let gracePeriod = 10
    /// The least length of either part of a cut (River's `min_window_length`).
    public static let minimumWindowLength = 5
    static let rows = 40
    static let slots = bucketsPerRow + 1

    /// The confidence parameter δ (default 0.002).
    public let delta: Double
    /// Outcomes added in all.
    public private(set) var samples = 0
    /// Outcomes in the window, and their error count and variance sum.
    public private(set) var width = 0
    public private(set) var total = 0.0
    private var variance = 0.0
    /// The level the latest outcome gave.
    public private(set) var level = DetectorLevel.none
    /// The error mean of the part dropped at the latest shrink, and whether
    /// that shrink was a drift (a rise).
    public private(set) var droppedMean: Double?
    public private(set) var drifts = 0

    /// Row `r`, slot `k` (oldest first): the error count at
    /// `2 (r · slots + k)`, the variance sum just after it.
    private var buckets: ContiguousArray<Double>
    private var rowCounts: ContiguousArray<Int>
    /// Rows in use.
    private var usedRows = 1

    public init(delta: Double = 0.002) {
        self.delta = delta
        buckets = ContiguousArray(repeating: 0, count: Self.rows * Self.slots * 2)
        rowCounts = ContiguousArray(repeating: 0, count: Self.rows)
    }

    /// The error mean of the window (0 when empty).
    public var mean: Double { width == 0 ? 0 : total / Double(width) }

    /// Buckets in the window.
    var bucketCount: Int { rowCounts.reduce(0, +) }

    /// Adds one labelled outcome (`true`: the prediction was wrong) and
    /// returns the level it gives.
    @discardableResult
    public mutating func add(_ error: Bool) -> DetectorLevel {
        samples &+= 1
        insert(error ? 1 : 0)
        level = .none
        if samples % Self.clock == 0 && width > Self.gracePeriod {
            level = checkCuts()
        }
        return level
    }

    private mutating func insert(_ value: Double) {
        width += 1
        if width > 1 {
            let previous = Double(width - 1)
            let difference = value - total / previous
            variance += previous * difference * difference / Double(width)
        }
        total += value
        var rowsInUse = usedRows
        let overflow = buckets.withUnsafeMutableBufferPointer { buckets in
            rowCounts.withUnsafeMutableBufferPointer { counts in
                Self.append(value, buckets: buckets.baseAddress!, counts: counts.baseAddress!, usedRows: &rowsInUse)
            }
        }
        usedRows = rowsInUse
        if overflow.size > 0 {
            // Beyond 5·2^40 outcomes: the merged bucket leaves the window.
            width -= overflow.size
            total -= overflow.errors
        }
    }

    /// Appends a bucket of one outcome to row 0 and merges the two oldest
    /// buckets of every full row into the next row. Returns what left the
    /// last row, if anything did.
    private static func append(_ value: Double, buckets: UnsafeMutablePointer<Double>, counts: UnsafeMutablePointer<Int>,
                               usedRows: inout Int) -> (size: Int, errors: Double) {
        let count = counts[0]
        buckets[2 * count] = value
        buckets[2 * count + 1] = 0
        counts[0] = count + 1
        var row = 0
        while row < rows && counts[row] == slots {
            let base = 2 * row * slots
            let size = Double(1 << row)
            let t0 = buckets[base], t1 = buckets[base + 2]
            let difference = t0 / size - t1 / size
            let mergedVariance = buckets[base + 1] + buckets[base + 3] + size * difference * difference / 2
            for index in 0..<(2 * (slots - 2)) { buckets[base + index] = buckets[base + index + 4] }
            counts[row] = slots - 2
            let next = row + 1
            if next == rows { return (2 << row, t0 + t1) }
            let slot = counts[next]
            buckets[2 * (next * slots + slot)] = t0 + t1
            buckets[2 * (next * slots + slot) + 1] = mergedVariance
            counts[next] = slot + 1
            if next >= usedRows { usedRows = next + 1 }
            row = next
        }
        return (0, 0)
    }

    /// Drops the oldest bucket; returns its size and error count.
    private mutating func dropOldest() -> (size: Int, errors: Double) {
        let row = usedRows - 1
        let base = 2 * row * Self.slots
        let size = 1 << row
        let bucketTotal = buckets[base]
        let bucketVariance = buckets[base + 1]
        let count = rowCounts[row]
        for index in 0..<(2 * (count - 1)) { buckets[base + index] = buckets[base + index + 2] }
        rowCounts[row] = count - 1
        if count == 1 && usedRows > 1 { usedRows -= 1 }
        width -= size
        total -= bucketTotal
        if width > 0 {
            let n = Double(size), w = Double(width)
            let difference = bucketTotal / n - total / w
            variance -= bucketVariance + n * w * difference * difference / (n + w)
            if variance < 0 { variance = 0 }
        } else {
            variance = 0
        }
        return (size, bucketTotal)
    }

    /// Checks every cut, oldest first; on a cut drops the oldest bucket and
    /// checks again. Returns `drift` when the first cut found had a higher
    /// error mean in the newer part.
    private mutating func checkCuts() -> DetectorLevel {
        var firstCutRises: Bool?
        var droppedWidth = 0
        var droppedErrors = 0.0
        while width > Self.gracePeriod {
            let n = Double(width)
            let deltaPrime = Foundation.log(2 * Foundation.log(n) / delta)
            let windowVariance = variance / n
            let rowsInUse = usedRows
            let (width, total) = (self.width, self.total)
            let cut = buckets.withUnsafeBufferPointer { buckets in
                rowCounts.withUnsafeBufferPointer { counts in
                    Self.findCut(buckets: buckets.baseAddress!, counts: counts.baseAddress!, usedRows: rowsInUse, width: Double(width),
                                 total: total, windowVariance: windowVariance, deltaPrime: deltaPrime)
                }
            }
            guard let rises = cut else { break }
            if firstCutRises == nil { firstCutRises = rises }
            let dropped = dropOldest()
            droppedWidth += dropped.size
            droppedErrors += dropped.errors
        }
        guard let rises = firstCutRises else { return .none }
        droppedMean = droppedErrors / Double(droppedWidth)
        guard rises else { return .none }
        drifts += 1
        return .drift
    }

    /// The first cut, oldest first, where `|µ0 - µ1| > ε_cut`; returns
    /// whether the newer part's mean is the higher one, nil without a cut.
    ///
    /// Free of divisions and square roots: with `P = n0 n1`,
    /// `D = |u0 n1 - u1 n0|` (so `|µ0 - µ1| = D / P`), `a = n0 - 4`,
    /// `b = n1 - 4` (so `1/m = (a + b) / (a b)`), multiplying the test by
    /// `P a b > 0` gives `L = D a b - (2/3) δ' (a + b) P > P sqrt(2 (a + b) a b σ² δ')`,
    /// which holds exactly when `L > 0` and `L² > 2 P² (a + b) a b σ² δ'`.
    private static func findCut(buckets: UnsafePointer<Double>, counts: UnsafePointer<Int>, usedRows: Int, width: Double,
                                total: Double, windowVariance: Double, deltaPrime: Double) -> Bool? {
        let minimum = Double(minimumWindowLength)
        let twoThirdsDeltaPrime = 2.0 / 3.0 * deltaPrime
        let twoVarianceDeltaPrime = 2 * windowVariance * deltaPrime
        var n0 = 0.0, n1 = width, u0 = 0.0, u1 = total
        var row = usedRows - 1
        while row >= 0 {
            let size = Double(1 << row)
            let base = 2 * row * slots
            let count = counts[row]
            for k in 0..<count {
                if row == 0 && k == count - 1 { return nil }
                let bucketTotal = buckets[base + 2 * k]
                n0 += size
                n1 -= size
                u0 += bucketTotal
                u1 -= bucketTotal
                guard n0 >= minimum && n1 >= minimum else { continue }
                let a = n0 - minimum + 1, b = n1 - minimum + 1
                let product = n0 * n1
                let signed = u0 * n1 - u1 * n0
                let ab = a * b
                let left = abs(signed) * ab - twoThirdsDeltaPrime * (a + b) * product
                if left > 0 && left * left > product * product * (a + b) * ab * twoVarianceDeltaPrime {
                    return signed < 0
                }
            }
            row -= 1
        }
        return nil
    }

    /// `window 3,912, mean 0.18 (was 0.12)`; "was" is the error mean of the
    /// part dropped at the latest shrink.
    public var detail: String {
        var text = "window \(groupedInteger(width)), mean \(NumberText.format(mean, decimals: 3))"
        if let droppedMean { text += " (was \(NumberText.format(droppedMean, decimals: 3)))" }
        return text
    }
}
