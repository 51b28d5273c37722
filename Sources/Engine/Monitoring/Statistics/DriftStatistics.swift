import Foundation

/// The drift statistics of the monitors and `flightdeck drift compare`,
/// defined as in /shared/reference/drift/README.md and agreeing with NumPy
/// 2.4 / SciPy 1.17.1 (the tests hold statistics to 1e-9 relative, bin
/// edges and counts exactly, p-values to 1e-6 relative on the reference
/// sets and 1e-8 on the distribution functions).
///
/// Every numeric statistic takes two ``SortedSample``s, so sorting happens
/// once; ``numeric(_:_:)`` computes all four with one merge walk for KS and
/// Wasserstein and binary searches for the histogram counts.
///
/// Preconditions: both samples non-empty (the evaluator never calls with
/// fewer than its minimum).
public enum DriftStatistics {
    // MARK: - Kolmogorov-Smirnov

    /// SciPy's `ks_2samp(reference, current)`, two-sided, `method='auto'`:
    /// exact when both samples have at most 10,000 values (with SciPy's
    /// rounding of D to a multiple of 1/lcm(n, m) and its fallback to the
    /// asymptotic p-value when the exact one fails), else
    /// `kstwo.sf(D, round(n*m/(n+m)))`.
    public static func ks(_ reference: SortedSample, _ current: SortedSample) -> KSResult {
        precondition(!reference.isEmpty && !current.isEmpty, "ks needs two non-empty samples")
        let walk = MergeWalk(reference.values, current.values, measureArea: false)
        return ksResult(walk, reference.count, current.count)
    }

    /// Samples above this size get the asymptotic p-value (SciPy's `MAX_AUTO_N`).
    static let maximumExactSize = 10_000

    private static func ksResult(_ walk: MergeWalk, _ n1: Int, _ n2: Int) -> KSResult {
        let dn1 = Double(n1), dn2 = Double(n2)
        let maxS = Double(walk.maxI) / dn1 - Double(walk.maxJ) / dn2
        let minS = min(max(-(Double(walk.minI) / dn1 - Double(walk.minJ) / dn2), 0), 1)
        var d = minS > maxS ? minS : maxS
        if max(n1, n2) <= maximumExactSize {
            let g = gcd(n1, n2)
            let lcm = (n1 / g) * n2
            let h = Int((d * Double(lcm)).rounded(.toNearestOrEven))
            d = Double(h) * 1.0 / Double(lcm)
            if h == 0 { return KSResult(statistic: d, pValue: 1.0, isExact: true) }
            let probability = n1 == n2
                ? KolmogorovSmirnovDistribution.probabilityOutsideSquare(n: n1, h: h)
                : KolmogorovSmirnovDistribution.outerProbabilityInside(m: n1, n: n2, g: g, h: h)
            if probability.isFinite && probability >= 0 && probability <= 1 {
                return KSResult(statistic: d, pValue: probability, isExact: true)
            }
        }
        let (m, n) = dn1 >= dn2 ? (dn1, dn2) : (dn2, dn1)
        let effective = (m * n / (m + n)).rounded(.toNearestOrEven)
        let probability = KolmogorovSmirnovDistribution.kolmogorov(n: Int(effective), x: d, cdf: false)
        return KSResult(statistic: d, pValue: min(max(probability, 0), 1), isExact: false)
    }

    private static func gcd(_ a: Int, _ b: Int) -> Int {
        var (x, y) = (a, b)
        while y != 0 { (x, y) = (y, x % y) }
        return x
    }

    // MARK: - PSI

    /// Population stability index on `bins` bins whose inner edges are the
    /// reference's quantiles at 1/bins ... (bins-1)/bins (NumPy's default
    /// linear interpolation, the probabilities as `linspace(0, 1, bins+1)`
    /// makes them). The outer bins are open; a value equal to an edge belongs
    /// to the upper bin. Shares are floored at `floor`;
    /// PSI = sum((p_cur - p_ref) * ln(p_cur / p_ref)).
    public static func psi(_ reference: SortedSample, _ current: SortedSample, bins: Int = 10, floor: Double = 1e-4) -> BinnedDrift {
        precondition(!reference.isEmpty && !current.isEmpty, "psi needs two non-empty samples")
        precondition(bins >= 1, "psi needs at least one bin")
        let step = 1.0 / Double(bins)
        let edges = (1..<bins).map { quantile(reference.values, Double($0) * step) }
        let referenceCounts = counts(reference, lowerEdges: edges)
        let currentCounts = counts(current, lowerEdges: edges)
        let nr = Double(reference.count), nc = Double(current.count)
        var value = 0.0
        for index in 0..<bins {
            let pr = max(Double(referenceCounts[index]) / nr, floor)
            let pc = max(Double(currentCounts[index]) / nc, floor)
            value += (pc - pr) * log(pc / pr)
        }
        return BinnedDrift(value: value, edges: edges, referenceCounts: referenceCounts, currentCounts: currentCounts)
    }

    /// NumPy's `quantile(values, q)`, method 'linear', on sorted values.
    static func quantile(_ sorted: [Double], _ q: Double) -> Double {
        let virtualIndex = Double(sorted.count - 1) * q
        let previous = virtualIndex.rounded(.down)
        let gamma = virtualIndex - previous
        let lowIndex = min(max(Int(previous), 0), sorted.count - 1)
        let highIndex = min(lowIndex + 1, sorted.count - 1)
        let a = sorted[lowIndex], b = sorted[highIndex]
        let difference = b - a
        return gamma >= 0.5 ? b - difference * (1 - gamma) : a + difference * gamma
    }

    /// Counts per bin when `edges` separate the bins and a value equal to an
    /// edge belongs to the bin above it.
    private static func counts(_ sample: SortedSample, lowerEdges edges: [Double]) -> [Int] {
        var result: [Int] = []
        result.reserveCapacity(edges.count + 1)
        var previous = 0
        for edge in edges {
            let below = max(sample.countBelow(edge), previous)
            result.append(below - previous)
            previous = below
        }
        result.append(sample.count - previous)
        return result
    }

    // MARK: - Wasserstein

    /// SciPy's `wasserstein_distance(reference, current)`: the integral of
    /// the absolute difference of the two empirical CDFs, from one merge
    /// walk; normalised by the reference's population standard deviation
    /// (see ``WassersteinResult/normalised`` for constant samples).
    public static func wasserstein(_ reference: SortedSample, _ current: SortedSample) -> WassersteinResult {
        precondition(!reference.isEmpty && !current.isEmpty, "wasserstein needs two non-empty samples")
        let walk = MergeWalk(reference.values, current.values, measureArea: true)
        return wassersteinResult(walk, reference, current)
    }

    private static func wassersteinResult(_ walk: MergeWalk, _ reference: SortedSample, _ current: SortedSample) -> WassersteinResult {
        let distance = walk.area / (Double(reference.count) * Double(current.count))
        let scale: Double
        if reference.populationStandardDeviation > 0 {
            scale = reference.populationStandardDeviation
        } else if current.populationStandardDeviation > 0 {
            scale = current.populationStandardDeviation
        } else {
            scale = 1
        }
        return WassersteinResult(distance: distance, normalised: distance / scale)
    }

    // MARK: - Jensen-Shannon

    /// The Jensen-Shannon distance (natural log; the square root of the
    /// divergence, `scipy.spatial.distance.jensenshannon`) between the
    /// histograms of both samples on `bins` equal-width bins over
    /// [min, max] of both together (NumPy's `histogram`: edges from
    /// `linspace`, the last bin closed; a single value v spans [v-0.5, v+0.5]).
    public static func jensenShannon(_ reference: SortedSample, _ current: SortedSample, bins: Int = 20) -> BinnedDrift {
        precondition(!reference.isEmpty && !current.isEmpty, "jensenShannon needs two non-empty samples")
        precondition(bins >= 1, "jensenShannon needs at least one bin")
        var low = min(reference.values[0], current.values[0])
        var high = max(reference.values[reference.count - 1], current.values[current.count - 1])
        if low == high {
            low -= 0.5
            high += 0.5
        }
        let step = (high - low) / Double(bins)
        var edges = (0...bins).map { Double($0) * step + low }
        edges[bins] = high
        let inner = Array(edges[1..<bins])
        let referenceCounts = counts(reference, lowerEdges: inner)
        let currentCounts = counts(current, lowerEdges: inner)
        let value = jensenShannon(referenceCounts: referenceCounts, currentCounts: currentCounts)
        return BinnedDrift(value: value, edges: edges, referenceCounts: referenceCounts, currentCounts: currentCounts)
    }

    /// The Jensen-Shannon distance (natural log) between two histograms
    /// given as counts per bin or category (same length): each normalised to
    /// frequencies, then `scipy.spatial.distance.jensenshannon`. 0 for two
    /// empty histograms; a bin absent on one side contributes no term for it.
    public static func jensenShannon(referenceCounts: [Int], currentCounts: [Int]) -> Double {
        precondition(referenceCounts.count == currentCounts.count, "jensenShannon needs counts of the same length")
        let totalP = Double(referenceCounts.reduce(0, +))
        let totalQ = Double(currentCounts.reduce(0, +))
        guard totalP > 0, totalQ > 0 else { return 0 }
        var left = 0.0
        var right = 0.0
        for index in referenceCounts.indices {
            let p = Double(referenceCounts[index]) / totalP
            let q = Double(currentCounts[index]) / totalQ
            let m = (p + q) / 2.0
            if p > 0 { left += p * log(p / m) }
            if q > 0 { right += q * log(q / m) }
        }
        return (max(left + right, 0) / 2.0).squareRoot()
    }

    // MARK: - Chi-square

    /// SciPy's `chi2_contingency([referenceCounts, currentCounts],
    /// correction=False)`: Pearson's statistic on the 2 x k table, k - 1
    /// degrees of freedom, p-value = Q((k-1)/2, statistic/2).
    ///
    /// Categories with no value on either side are dropped first (SciPy
    /// refuses a table with a zero expected frequency). With fewer than two
    /// categories left, or when one side has no values at all, there is
    /// nothing to test: statistic 0, p-value 1, 0 degrees of freedom.
    public static func chiSquare(referenceCounts: [Int], currentCounts: [Int]) -> ChiSquareResult {
        precondition(referenceCounts.count == currentCounts.count, "chiSquare needs counts of the same length")
        var kept: [(Double, Double)] = []
        for index in referenceCounts.indices where referenceCounts[index] != 0 || currentCounts[index] != 0 {
            kept.append((Double(referenceCounts[index]), Double(currentCounts[index])))
        }
        let rowReference = kept.reduce(0.0) { $0 + $1.0 }
        let rowCurrent = kept.reduce(0.0) { $0 + $1.1 }
        guard kept.count >= 2, rowReference > 0, rowCurrent > 0 else {
            return ChiSquareResult(statistic: 0, pValue: 1, degreesOfFreedom: 0)
        }
        let total = rowReference + rowCurrent
        var statistic = 0.0
        for (reference, current) in kept {
            let column = reference + current
            let expectedReference = rowReference * column / total
            let expectedCurrent = rowCurrent * column / total
            statistic += (reference - expectedReference) * (reference - expectedReference) / expectedReference
            statistic += (current - expectedCurrent) * (current - expectedCurrent) / expectedCurrent
        }
        let dof = kept.count - 1
        let p = IncompleteGamma.upperRegularized(a: Double(dof) / 2, x: statistic / 2)
        return ChiSquareResult(statistic: statistic, pValue: p, degreesOfFreedom: dof)
    }

    // MARK: - All four

    /// KS, PSI (10 bins), Wasserstein and Jensen-Shannon (20 bins) on the
    /// same two samples: one merge walk gives KS and Wasserstein, binary
    /// searches give both histograms.
    public static func numeric(_ reference: SortedSample, _ current: SortedSample) -> NumericDriftReport {
        precondition(!reference.isEmpty && !current.isEmpty, "numeric drift needs two non-empty samples")
        let walk = MergeWalk(reference.values, current.values, measureArea: true)
        return NumericDriftReport(ks: ksResult(walk, reference.count, current.count),
                                  psi: psi(reference, current),
                                  wasserstein: wassersteinResult(walk, reference, current),
                                  jensenShannon: jensenShannon(reference, current))
    }
}

/// One walk over the distinct values of two sorted samples in order: at
/// each value v, i values of the first and j of the second are <= v
/// (`searchsorted(side='right')`). It keeps the extremes of
/// i*n2 - j*n1 (the CDF difference times n1*n2, exact in integers) for KS
/// and the integral of its absolute value for Wasserstein.
struct MergeWalk {
    var maxI = 0, maxJ = 0, minI = 0, minJ = 0
    /// The integral of |i*n2 - j*n1| over the values.
    var area = 0.0

    init(_ first: [Double], _ second: [Double], measureArea: Bool) {
        let n1 = first.count, n2 = second.count
        var maxK = 0, minK = 0
        var maxI = 0, maxJ = 0, minI = 0, minJ = 0
        var area = 0.0
        first.withUnsafeBufferPointer { x in
            second.withUnsafeBufferPointer { y in
                var i = 0, j = 0
                var k = 0
                var value = min(x[0], y[0])
                while true {
                    while i < n1 && x[i] == value {
                        i += 1
                        k += n2
                    }
                    while j < n2 && y[j] == value {
                        j += 1
                        k -= n1
                    }
                    if k > maxK {
                        maxK = k
                        maxI = i
                        maxJ = j
                    } else if k < minK {
                        minK = k
                        minI = i
                        minJ = j
                    }
                    let next: Double
                    if i < n1 {
                        next = j < n2 ? min(x[i], y[j]) : x[i]
                    } else if j < n2 {
                        next = y[j]
                    } else {
                        break
                    }
                    if measureArea { area += (next - value) * Double(k.magnitude) }
                    value = next
                }
            }
        }
        self.maxI = maxI
        self.maxJ = maxJ
        self.minI = minI
        self.minJ = minJ
        self.area = area
    }
}
