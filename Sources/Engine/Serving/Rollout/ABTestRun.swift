import SimKernel

/// A running A/B test: users split by a hash of their id; the KPI counted
/// from each arm's totals since the test started.
///
/// To keep the false-positive rate at `alpha` although the test is looked
/// at repeatedly, it looks when both arms reach `minSamples`, then 2x, 4x,
/// ... that many, and look k (from 0) is significant below alpha / 2^(k+1)
/// (the looks' levels sum to at most alpha).
public struct ABTestRun: Sendable, Hashable, Codable {
    /// How the test ended, if it has.
    public enum Result: String, Sendable, Hashable, Codable {
        case running, candidateWins, stableWins, inconclusive
    }

    /// How often the counts are read.
    public static let checkEvery = SimDuration.minutes(1)

    public let spec: ABTestStrategy
    public let stable: Int
    public let candidate: Int
    public private(set) var startedAt: SimTime
    public private(set) var nextCheckAt: SimTime
    var stableBaseline: VersionTotals?
    var candidateBaseline: VersionTotals?
    public private(set) var look = 0
    public private(set) var stableSamples = 0
    public private(set) var stableSuccesses = 0
    public private(set) var candidateSamples = 0
    public private(set) var candidateSuccesses = 0
    public private(set) var pValue: Double?
    public private(set) var result = Result.running

    public init(spec: ABTestStrategy, stable: Int, candidate: Int, at time: SimTime) {
        self.spec = spec
        self.stable = stable
        self.candidate = candidate
        self.startedAt = time
        self.nextCheckAt = time
    }

    /// The samples each arm needs for the next look.
    public var samplesForNextLook: Int { spec.minSamples << min(look, 30) }

    /// The significance level of the next look.
    public var alphaOfNextLook: Double { spec.alpha / Double(2 << min(look, 30)) }

    /// KPI value of an arm (nil without samples).
    public var stableValue: Double? { stableSamples > 0 ? Double(stableSuccesses) / Double(stableSamples) : nil }
    public var candidateValue: Double? { candidateSamples > 0 ? Double(candidateSuccesses) / Double(candidateSamples) : nil }

    /// `running: 812/2000 samples`, `winner: v3 (p = 0.003)`, `inconclusive after 12h (p = 0.41)`.
    public var verdict: String {
        switch result {
        case .running: return "running: \(min(stableSamples, candidateSamples))/\(samplesForNextLook) samples per arm"
        case .candidateWins: return "winner: v\(candidate) (\(pText))"
        case .stableWins: return "winner: v\(stable) (\(pText))"
        case .inconclusive: return "inconclusive after \(spec.maxDuration) (\(pText))"
        }
    }

    private var pText: String {
        guard let pValue else { return "p n/a" }
        return pValue < 0.0001 ? "p < 0.0001" : "p = \(NumberText.format(pValue, decimals: 4))"
    }

    /// Why the test ended, for a rollback or promotion reason:
    /// `A/B test: v2 wins on accuracy (0.91 vs 0.87, p < 0.0001)`.
    public var outcomeText: String {
        let values = "\(valueText(candidateValue)) vs \(valueText(stableValue))"
        switch result {
        case .running: return "A/B test running"
        case .candidateWins: return "A/B test: v\(candidate) wins on \(spec.kpi.rawValue) (\(values), \(pText))"
        case .stableWins: return "A/B test: v\(stable) wins on \(spec.kpi.rawValue) (v\(candidate) \(values), \(pText))"
        case .inconclusive:
            return "A/B test inconclusive after \(spec.maxDuration): \(spec.kpi.rawValue) v\(candidate) \(values), \(pText)"
        }
    }

    private func valueText(_ value: Double?) -> String {
        value.map { NumberText.format($0, decimals: 4) } ?? "n/a"
    }

    /// Reads the counts when a check is due; returns whether it did.
    @discardableResult
    public mutating func update(at now: SimTime, metrics: some ServingMetricsReading) -> Bool {
        guard result == .running, now >= nextCheckAt else { return false }
        let stableTotals = metrics.totals(version: stable)
        let candidateTotals = metrics.totals(version: candidate)
        guard let stableBaseline, let candidateBaseline else {
            self.stableBaseline = stableTotals
            self.candidateBaseline = candidateTotals
            nextCheckAt = now + Self.checkEvery
            return true
        }
        (stableSamples, stableSuccesses) = counts(stableTotals, since: stableBaseline)
        (candidateSamples, candidateSuccesses) = counts(candidateTotals, since: candidateBaseline)
        if min(stableSamples, candidateSamples) >= samplesForNextLook {
            let test = TwoProportionZTest(successesA: stableSuccesses, samplesA: stableSamples,
                                          successesB: candidateSuccesses, samplesB: candidateSamples)
            pValue = test.pValue
            if test.pValue < alphaOfNextLook {
                let candidateHigher = test.z > 0
                let higherIsBetter = spec.kpi == .accuracy
                result = candidateHigher == higherIsBetter ? .candidateWins : .stableWins
            } else {
                look += 1
            }
        }
        if result == .running, now >= startedAt + spec.maxDuration {
            if pValue == nil {
                pValue = TwoProportionZTest(successesA: stableSuccesses, samplesA: stableSamples,
                                            successesB: candidateSuccesses, samplesB: candidateSamples).pValue
            }
            result = .inconclusive
        }
        nextCheckAt = min(now + Self.checkEvery, max(startedAt + spec.maxDuration, now + .seconds(1)))
        return true
    }

    /// When the test must be looked at next (a check, or the end).
    var nextWakeTime: SimTime? {
        result == .running ? nextCheckAt : nil
    }

    private func counts(_ totals: VersionTotals, since baseline: VersionTotals) -> (samples: Int, successes: Int) {
        switch spec.kpi {
        case .accuracy: return (totals.labelled - baseline.labelled, totals.correct - baseline.correct)
        case .errorRate: return (totals.requests - baseline.requests, totals.errors - baseline.errors)
        }
    }

    mutating func shift(by duration: SimDuration) {
        startedAt += duration
        nextCheckAt += duration
    }
}
