/// The drift policy shared by the monitors and `flightdeck drift compare`:
/// which method a feature gets, its thresholds, the verdict, and the
/// dataset verdict.
///
/// Defaults ("p-value tests for small windows, distance-based thresholds
/// for large ones"):
/// - numeric: KS p-value (warn below 0.05, drift below 0.01) while either
///   side has fewer than ``largeWindow`` (1,000) values, PSI (warn 0.1,
///   drift 0.2) when both have at least that many;
/// - categorical: chi-square p-value (0.05 / 0.01) below 1,000 values,
///   Jensen-Shannon distance (0.1 / 0.2) at or above;
/// - normalised Wasserstein, when asked for: 0.1 / 0.2.
///
/// A ``FeatureDriftSpec`` overrides the method and/or the thresholds; a
/// method that does not apply to the feature's kind is a
/// ``FeatureDriftError``. With fewer than ``minimumCount`` (30) values on
/// either side the state is `insufficient`. The caller leaves out features
/// whose spec says `ignored` and excludes missing values.
public struct FeatureDriftEvaluator: Sendable {
    /// The fewest values on each side for a verdict.
    public var minimumCount: Int
    /// From this many values on both sides the defaults are distances.
    public var largeWindow: Int
    /// A p-value test that calls drift on an effect below this (KS D,
    /// Jensen-Shannon distance of the categories) adds a
    /// `significant but tiny` note.
    public var tinyEffect: Double

    public init(minimumCount: Int = 30, largeWindow: Int = 1000, tinyEffect: Double = 0.05) {
        self.minimumCount = minimumCount
        self.largeWindow = largeWindow
        self.tinyEffect = tinyEffect
    }

    // MARK: - Policy

    /// The default method for a feature of this kind and these sample sizes.
    public func defaultMethod(isCategorical: Bool, referenceCount: Int, currentCount: Int) -> DriftMethod {
        let large = referenceCount >= largeWindow && currentCount >= largeWindow
        if isCategorical { return large ? .jensenShannon : .chiSquare }
        return large ? .psi : .ks
    }

    /// A method's default thresholds.
    public static func defaultThresholds(for method: DriftMethod) -> DriftThresholds {
        switch method {
        case .psi, .wasserstein, .jensenShannon: DriftThresholds(warn: 0.1, alert: 0.2)
        case .ks, .chiSquare: DriftThresholds(warn: 0.05, alert: 0.01)
        }
    }

    /// The verdict of `value` under `thresholds` for `method`: p-values drift
    /// when below, distances when at or above.
    public static func state(of value: Double, method: DriftMethod, thresholds: DriftThresholds) -> DriftState {
        if method.isPValueTest {
            if value < thresholds.alert { return .drift }
            if value < thresholds.warn { return .warning }
            return .ok
        }
        if value >= thresholds.alert { return .drift }
        if value >= thresholds.warn { return .warning }
        return .ok
    }

    /// The method and thresholds a feature gets: the spec's where given,
    /// else the defaults; throws when the spec's method does not apply.
    public func resolve(feature: String, isCategorical: Bool, referenceCount: Int, currentCount: Int,
                        spec: FeatureDriftSpec?) throws(FeatureDriftError) -> (method: DriftMethod, thresholds: DriftThresholds) {
        let method = spec?.method ?? defaultMethod(isCategorical: isCategorical, referenceCount: referenceCount, currentCount: currentCount)
        if isCategorical ? !method.appliesToCategorical : !method.appliesToNumeric {
            throw .methodNotApplicable(feature: feature, method: method, isCategorical: isCategorical)
        }
        return (method, spec?.thresholds ?? Self.defaultThresholds(for: method))
    }

    // MARK: - Numeric

    /// A numeric feature's drift between two samples. The bins and shares
    /// are the PSI bins (reference deciles, labelled like `<12.3`,
    /// `12.3-25.0`, `>=80.1`) whatever the method; `statistic` is the KS D
    /// for KS, `rawDistance` the Wasserstein distance in the feature's unit
    /// for Wasserstein. History is empty (the runtime keeps it).
    public func evaluate(feature: String, reference: SortedSample, current: SortedSample,
                         spec: FeatureDriftSpec?) throws(FeatureDriftError) -> FeatureDriftSummary {
        let (method, thresholds) = try resolve(feature: feature, isCategorical: false, referenceCount: reference.count,
                                               currentCount: current.count, spec: spec)
        var summary = FeatureDriftSummary(feature: feature, isCategorical: false, method: method, value: nil, statistic: nil,
                                          rawDistance: nil, thresholds: thresholds, referenceCount: reference.count,
                                          currentCount: current.count, state: .insufficient, note: nil, history: [],
                                          binLabels: [], referenceShares: [], currentShares: [])
        if let note = insufficiencyNote(reference.count, current.count) {
            summary.note = note
            return summary
        }
        let bins = DriftStatistics.psi(reference, current)
        summary.binLabels = Self.binLabels(innerEdges: bins.edges)
        summary.referenceShares = Self.shares(bins.referenceCounts)
        summary.currentShares = Self.shares(bins.currentCounts)
        let value: Double
        switch method {
        case .psi:
            value = bins.value
        case .ks:
            let ks = DriftStatistics.ks(reference, current)
            value = ks.pValue
            summary.statistic = ks.statistic
            if value < thresholds.alert && ks.statistic < tinyEffect {
                summary.note = tinyNote("D", ks.statistic, reference.count, current.count)
            }
        case .wasserstein:
            let wasserstein = DriftStatistics.wasserstein(reference, current)
            value = wasserstein.normalised
            summary.rawDistance = wasserstein.distance
        case .jensenShannon:
            value = DriftStatistics.jensenShannon(reference, current).value
        case .chiSquare:
            throw .methodNotApplicable(feature: feature, method: method, isCategorical: false)
        }
        summary.value = value
        summary.state = Self.state(of: value, method: method, thresholds: thresholds)
        return summary
    }

    // MARK: - Categorical

    /// A categorical feature's drift from its counts per category (the
    /// categories in display order, e.g. sorted by name; missing values
    /// excluded by the caller). The bins are the categories.
    public func evaluate(feature: String, categories: [String], referenceCounts: [Int], currentCounts: [Int],
                         spec: FeatureDriftSpec?) throws(FeatureDriftError) -> FeatureDriftSummary {
        guard categories.count == referenceCounts.count, categories.count == currentCounts.count else {
            throw .mismatchedCounts(feature: feature, categories: categories.count, reference: referenceCounts.count,
                                    current: currentCounts.count)
        }
        let referenceTotal = referenceCounts.reduce(0, +)
        let currentTotal = currentCounts.reduce(0, +)
        let (method, thresholds) = try resolve(feature: feature, isCategorical: true, referenceCount: referenceTotal,
                                               currentCount: currentTotal, spec: spec)
        var summary = FeatureDriftSummary(feature: feature, isCategorical: true, method: method, value: nil, statistic: nil,
                                          rawDistance: nil, thresholds: thresholds, referenceCount: referenceTotal,
                                          currentCount: currentTotal, state: .insufficient, note: nil, history: [],
                                          binLabels: categories, referenceShares: Self.shares(referenceCounts),
                                          currentShares: Self.shares(currentCounts))
        if let note = insufficiencyNote(referenceTotal, currentTotal) {
            summary.note = note
            return summary
        }
        let distance = DriftStatistics.jensenShannon(referenceCounts: referenceCounts, currentCounts: currentCounts)
        let value: Double
        switch method {
        case .chiSquare:
            let test = DriftStatistics.chiSquare(referenceCounts: referenceCounts, currentCounts: currentCounts)
            value = test.pValue
            summary.statistic = test.statistic
            if value < thresholds.alert && distance < tinyEffect {
                summary.note = tinyNote("JS", distance, referenceTotal, currentTotal)
            }
        case .jensenShannon:
            value = distance
        case .psi, .ks, .wasserstein:
            throw .methodNotApplicable(feature: feature, method: method, isCategorical: true)
        }
        summary.value = value
        summary.state = Self.state(of: value, method: method, thresholds: thresholds)
        return summary
    }

    // MARK: - Dataset

    /// Dataset drift: at least `share` of the watched features (all but the
    /// insufficient ones) in `drift`; never with no watched feature.
    public func datasetDrift(_ features: [FeatureDriftSummary], share: Double) -> DatasetDriftSummary {
        let watched = features.filter { $0.state != .insufficient }
        let drifting = watched.filter { $0.state == .drift }.count
        let isDrifting = !watched.isEmpty && Double(drifting) / Double(watched.count) >= share
        return DatasetDriftSummary(drifting: drifting, watched: watched.count, threshold: share, isDrifting: isDrifting)
    }

    // MARK: - Text

    private func insufficiencyNote(_ referenceCount: Int, _ currentCount: Int) -> String? {
        let fewest = min(referenceCount, currentCount)
        guard fewest < minimumCount else { return nil }
        return "insufficient: \(groupedInteger(fewest)) < \(groupedInteger(minimumCount)) values"
    }

    private func tinyNote(_ name: String, _ effect: Double, _ referenceCount: Int, _ currentCount: Int) -> String {
        "significant but tiny: \(name) \(NumberText.format(effect, decimals: 3)) on \(groupedInteger(referenceCount)) vs \(groupedInteger(currentCount))"
    }

    private static func shares(_ counts: [Int]) -> [Double] {
        let total = Double(counts.reduce(0, +))
        return counts.map { total > 0 ? Double($0) / total : 0 }
    }

    /// `<a`, `a-b`, ..., `>=z` for the inner edges, with at least one
    /// decimal and enough to tell neighbouring edges apart (at most 6;
    /// trailing zeros dropped).
    static func binLabels(innerEdges edges: [Double]) -> [String] {
        guard !edges.isEmpty else { return ["all"] }
        var gap = Double.infinity
        for (low, high) in zip(edges, edges.dropFirst()) where high - low > 0 { gap = min(gap, high - low) }
        if gap == .infinity { gap = max(abs(edges[0]), 1) }
        let decimals = min(max(1, Int(-(gap.log10Floor)) + 1), 6)
        let text = edges.map { NumberText.format($0, decimals: decimals) }
        var labels = ["<" + text[0]]
        for index in 1..<text.count { labels.append(text[index - 1] + "-" + text[index]) }
        labels.append(">=" + text[text.count - 1])
        return labels
    }
}

private extension Double {
    /// floor(log10(self)) for a positive finite value.
    var log10Floor: Double {
        var exponent = 0.0
        var value = self
        while value >= 10 {
            value /= 10
            exponent += 1
        }
        while value < 1 {
            value *= 10
            exponent -= 1
        }
        return exponent
    }
}

/// Why a feature's drift could not be evaluated as asked.
public enum FeatureDriftError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The spec asks for a method that does not apply to the feature's kind
    /// (chi-square on a numeric feature; PSI, KS or Wasserstein on a
    /// categorical one).
    case methodNotApplicable(feature: String, method: DriftMethod, isCategorical: Bool)
    /// Categories and counts of different lengths.
    case mismatchedCounts(feature: String, categories: Int, reference: Int, current: Int)

    public var description: String {
        switch self {
        case .methodNotApplicable(let feature, let method, let isCategorical):
            let kind = isCategorical ? "categorical" : "numeric"
            let usable = DriftMethod.allCases.filter { isCategorical ? $0.appliesToCategorical : $0.appliesToNumeric }
            return "feature '\(feature)': method \(method.rawValue) does not apply to a \(kind) feature (use \(usable.map(\.rawValue).joined(separator: ", ")))"
        case .mismatchedCounts(let feature, let categories, let reference, let current):
            return "feature '\(feature)': \(categories) categories but \(reference) reference and \(current) current counts"
        }
    }
}
