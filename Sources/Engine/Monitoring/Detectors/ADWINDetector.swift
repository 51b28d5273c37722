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
/// 32 outcomes walks about 5·log2(n/5) buckets with one square root each.
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

    /// Row `r`, slot `k` (oldest first) is at `r * slots + k`.
    private var totals: ContiguousArray<Double>
    private var variances: ContiguousArray<Double>
    private var rowCounts: ContiguousArray<Int>
    /// Rows in use.
    private var usedRows = 1

    public init(delta: Double = 0.002) {
        self.delta = delta
        totals = ContiguousArray(repeating: 0, count: Self.rows * Self.slots)
        variances = ContiguousArray(repeating: 0, count: Self.rows * Self.slots)
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
        let count = rowCounts[0]
        totals[count] = value
        variances[count] = 0
        rowCounts[0] = count + 1
        if count + 1 == Self.slots { compress() }
    }

    /// Merges the two oldest buckets of every full row into the next row.
    private mutating func compress() {
        var row = 0
        while row < Self.rows && rowCounts[row] == Self.slots {
            let base = row * Self.slots
            let size = Double(1 << row)
            let t0 = totals[base], t1 = totals[base + 1]
            let difference = t0 / size - t1 / size
            let mergedVariance = variances[base] + variances[base + 1] + size * size * difference * difference / (2 * size)
            for k in 0..<(Self.slots - 2) {
                totals[base + k] = totals[base + k + 2]
                variances[base + k] = variances[base + k + 2]
            }
            rowCounts[row] = Self.slots - 2
            let next = row + 1
            if next == Self.rows {
                // Beyond 5·2^40 outcomes: the merged bucket leaves the window.
                width -= 2 << row
                total -= t0 + t1
                break
            }
            let slot = rowCounts[next]
            totals[next * Self.slots + slot] = t0 + t1
            variances[next * Self.slots + slot] = mergedVariance
            rowCounts[next] = slot + 1
            if next >= usedRows { usedRows = next + 1 }
            row = next
        }
    }

    /// Drops the oldest bucket; returns its size and error count.
    private mutating func dropOldest() -> (size: Int, errors: Double) {
        let row = usedRows - 1
        let base = row * Self.slots
        let size = 1 << row
        let bucketTotal = totals[base]
        let bucketVariance = variances[base]
        let count = rowCounts[row]
        for k in 0..<(count - 1) {
            totals[base + k] = totals[base + k + 1]
            variances[base + k] = variances[base + k + 1]
        }
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
        var shrinking = true
        while shrinking {
            shrinking = false
            guard width > Self.gracePeriod else { break }
            let n = Double(width)
            let deltaPrime = Foundation.log(2 * Foundation.log(n) / delta)
            let windowVariance = variance / n
            let minimum = Double(Self.minimumWindowLength)
            var n0 = 0.0, n1 = n, u0 = 0.0, u1 = total
            var row = usedRows - 1
            scan: while row >= 0 {
                let size = Double(1 << row)
                let base = row * Self.slots
                let count = rowCounts[row]
                for k in 0..<count {
                    if row == 0 && k == count - 1 { break scan }
                    let bucketTotal = totals[base + k]
                    n0 += size
                    n1 -= size
                    u0 += bucketTotal
                    u1 -= bucketTotal
                    guard n0 >= minimum && n1 >= minimum else { continue }
                    let inverseM = 1 / (n0 - minimum + 1) + 1 / (n1 - minimum + 1)
                    let epsilon = (2 * inverseM * windowVariance * deltaPrime).squareRoot() + 2.0 / 3.0 * inverseM * deltaPrime
                    let difference = u0 / n0 - u1 / n1
                    if abs(difference) > epsilon {
                        if firstCutRises == nil { firstCutRises = difference < 0 }
                        let dropped = dropOldest()
                        droppedWidth += dropped.size
                        droppedErrors += dropped.errors
                        shrinking = true
                        break scan
                    }
                }
                row -= 1
            }
        }
        guard let rises = firstCutRises else { return .none }
        droppedMean = droppedErrors / Double(droppedWidth)
        guard rises else { return .none }
        drifts += 1
        return .drift
    }

    /// `window 3,912, mean 0.18 (was 0.12)`; "was" is the error mean of the
    /// part dropped at the latest shrink.
    public var detail: String {
        var text = "window \(groupedInteger(width)), mean \(NumberText.format(mean, decimals: 3))"
        if let droppedMean { text += " (was \(NumberText.format(droppedMean, decimals: 3)))" }
        return text
    }
}
