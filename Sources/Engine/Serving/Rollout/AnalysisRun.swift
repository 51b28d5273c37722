import SimKernel

/// One analysis in progress: a measurement every `interval` over the
/// trailing `window` (clipped to the time since the analysis started), each condition checked on the candidate (thresholds
/// relative to the stable version resolved against the stable version's
/// figures).
///
/// Too little traffic for a condition makes the measurement inconclusive,
/// never a pass. A measurement fails when any condition fails, is
/// inconclusive when none fails and any is inconclusive, and passes
/// otherwise. Inconclusive measurements do not count towards `count`: the
/// analysis passes after `count` conclusive measurements with at most
/// `failureLimit` failures; it fails at the failure beyond `failureLimit`
/// and is inconclusive at the inconclusive measurement beyond
/// `inconclusiveLimit`. A background analysis (a canary's) measures until it
/// is stopped and never passes by itself.
public struct AnalysisRun: Sendable, Hashable, Codable {
    /// Where the analysis stands.
    public enum Outcome: String, Sendable, Hashable, Codable {
        case running, passed, failed, inconclusive
    }

    public let spec: AnalysisSpec
    public let background: Bool
    public private(set) var startedAt: SimTime
    /// When the next measurement is due (meaningless once finished).
    public private(set) var nextMeasurementAt: SimTime
    public private(set) var passed = 0
    public private(set) var failed = 0
    public private(set) var inconclusive = 0
    /// The latest measurement's checks, in condition order.
    public private(set) var checks: [AnalysisCheck] = []
    public private(set) var outcome: Outcome = .running
    /// Why it failed or is inconclusive, e.g.
    /// `p99_latency_ms 182 >= 150 (threshold 150)`, `only 120 requests (< 200)`.
    public private(set) var reason: String?

    public init(spec: AnalysisSpec, at time: SimTime, background: Bool = false) {
        self.spec = spec
        self.background = background
        self.startedAt = time
        self.nextMeasurementAt = time + Self.interval(of: spec)
    }

    /// The spec's interval, at least one second.
    static func interval(of spec: AnalysisSpec) -> SimDuration {
        max(spec.interval, .seconds(1))
    }

    /// Measurements taken so far.
    public var measurements: Int { passed + failed + inconclusive }

    public var isFinished: Bool { outcome != .running }

    /// `passed 2/3 measurements`, `failed: error_rate 0.031 >= 0.01 (threshold 0.01)`,
    /// `inconclusive: only 120 requests (< 200)`, `measuring: 1/3 passed`.
    public var verdict: String {
        switch outcome {
        case .passed: return "passed \(passed)/\(passed + failed) measurements"
        case .failed: return "failed: " + (reason ?? "")
        case .inconclusive: return "inconclusive: " + (reason ?? "")
        case .running:
            var text = background ? "measuring: \(passed) passed, \(failed) failed" : "measuring: \(passed + failed)/\(spec.count) conclusive"
            if inconclusive > 0 { text += ", \(inconclusive) inconclusive" }
            if let last = lastInconclusiveDetail { text += " (last: \(last))" }
            return text
        }
    }

    private var lastInconclusiveDetail: String? {
        guard !checks.isEmpty, !checks.contains(where: { $0.outcome == .fail }) else { return nil }
        return checks.first { $0.outcome == .inconclusive }?.detail
    }

    /// Takes one measurement when it is due at `now`; returns whether it did.
    @discardableResult
    public mutating func measureIfDue(at now: SimTime, candidate: Int, stable: Int, metrics: some ServingMetricsReading) -> Bool {
        guard outcome == .running, now >= nextMeasurementAt else { return false }
        // Only traffic since the analysis started counts (not the previous step's weight, a downtime or the preview).
        let window = max(.seconds(1), min(spec.window, now - startedAt))
        let candidateWindow = metrics.windowMetrics(version: candidate, window: window)
        let stableWindow = metrics.windowMetrics(version: stable, window: window)
        let stableTotals = metrics.totals(version: stable)
        record(spec.conditions.map {
            Self.check($0, candidate: candidateWindow, stable: stableWindow, stableTotals: stableTotals, minRequests: spec.minRequests)
        })
        nextMeasurementAt = nextMeasurementAt + Self.interval(of: spec)
        if nextMeasurementAt <= now { nextMeasurementAt = now + Self.interval(of: spec) }
        return true
    }

    /// Counts one measurement made of `checks`.
    mutating func record(_ checks: [AnalysisCheck]) {
        self.checks = checks
        if let failing = checks.first(where: { $0.outcome == .fail }) {
            failed += 1
            if failed > spec.failureLimit {
                outcome = .failed
                reason = failing.detail
            }
        } else if let open = checks.first(where: { $0.outcome == .inconclusive }) {
            inconclusive += 1
            if inconclusive > spec.inconclusiveLimit {
                outcome = .inconclusive
                reason = open.detail
            }
        } else {
            passed += 1
        }
        if outcome == .running, !background, passed + failed >= max(1, spec.count) {
            outcome = .passed
        }
    }

    /// Moves every pending time `duration` later (after an operator's hold).
    mutating func shift(by duration: SimDuration) {
        startedAt += duration
        nextMeasurementAt += duration
    }

    /// An operator resumed after an inconclusive result: measure again
    /// with a fresh inconclusive count.
    mutating func resumeAfterInconclusive(at now: SimTime) {
        guard outcome == .inconclusive else { return }
        outcome = .running
        inconclusive = 0
        reason = nil
        nextMeasurementAt = now + Self.interval(of: spec)
    }

    /// One condition on the candidate's window figures. Samples are the
    /// live and mirrored requests (error rate, latencies), the labelled
    /// requests (accuracy) or the compared requests (agreement). A
    /// stable-relative threshold uses the stable version's window, or its
    /// totals for error rate and accuracy when the window holds too few
    /// (after a switch the old version serves nothing).
    public static func check(_ condition: AnalysisCondition, candidate: VersionWindowMetrics, stable: VersionWindowMetrics,
                             stableTotals: VersionTotals, minRequests: Int) -> AnalysisCheck {
        let metric = condition.metric
        let sample = Sample(metric: metric, window: candidate)
        guard sample.count >= minRequests, let value = sample.value else {
            return AnalysisCheck(condition: condition.text, value: sample.value, threshold: nil, outcome: .inconclusive,
                                 detail: "only \(sample.count) \(sample.unit) (< \(minRequests))")
        }
        let threshold: Double
        let thresholdText: String
        switch condition.threshold {
        case .value(let number):
            threshold = number
            thresholdText = "threshold \(MetricText.value(number, of: metric))"
        case .stablePlus, .stableTimes:
            var reference = Sample(metric: metric, window: stable)
            if reference.count < minRequests, let totals = Sample(metric: metric, totals: stableTotals), totals.count >= minRequests {
                reference = totals
            }
            guard reference.count >= minRequests, let stableValue = reference.value else {
                return AnalysisCheck(condition: condition.text, value: value, threshold: nil, outcome: .inconclusive,
                                     detail: "stable v\(stable.version): only \(reference.count) \(reference.unit) (< \(minRequests))")
            }
            let stableText = MetricText.value(stableValue, of: metric)
            if case .stablePlus(let offset) = condition.threshold {
                threshold = stableValue + offset
                let sign = offset < 0 ? "-" : "+"
                thresholdText = "threshold stable \(stableText) \(sign) \(MetricText.value(abs(offset), of: metric)) = \(MetricText.value(threshold, of: metric))"
            } else if case .stableTimes(let factor) = condition.threshold {
                threshold = stableValue * factor
                thresholdText = "threshold stable \(stableText) * \(NumberText.format(factor)) = \(MetricText.value(threshold, of: metric))"
            } else {
                return AnalysisCheck(condition: condition.text, value: value, threshold: nil, outcome: .inconclusive, detail: "no threshold")
            }
        }
        let valueText = MetricText.value(value, of: metric)
        let limitText = MetricText.value(threshold, of: metric)
        if condition.comparison.holds(value, threshold) {
            return AnalysisCheck(condition: condition.text, value: value, threshold: threshold, outcome: .pass,
                                 detail: "\(metric.rawValue) \(valueText) \(condition.comparison.rawValue) \(limitText)")
        }
        return AnalysisCheck(condition: condition.text, value: value, threshold: threshold, outcome: .fail,
                             detail: "\(metric.rawValue) \(valueText) \(MetricText.negation(of: condition.comparison)) \(limitText) (\(thresholdText))")
    }
}

/// A metric's value and the sample it rests on.
private struct Sample {
    var value: Double?
    var count: Int
    var unit: String

    init(metric: AnalysisMetric, window: VersionWindowMetrics) {
        let served = window.requests + window.mirrored
        switch metric {
        case .errorRate:
            self.init(value: served > 0 ? Double(window.errors + window.mirroredErrors) / Double(served) : nil, count: served, unit: "requests")
        case .p50LatencyMs: self.init(value: window.p50LatencyMs, count: served, unit: "requests")
        case .p95LatencyMs: self.init(value: window.p95LatencyMs, count: served, unit: "requests")
        case .p99LatencyMs: self.init(value: window.p99LatencyMs, count: served, unit: "requests")
        case .accuracy: self.init(value: window.accuracy, count: window.labelled, unit: "labelled requests")
        case .agreement: self.init(value: window.agreement, count: window.compared, unit: "compared requests")
        }
    }

    /// From lifetime counters: error rate and accuracy only.
    init?(metric: AnalysisMetric, totals: VersionTotals) {
        switch metric {
        case .errorRate:
            self.init(value: totals.requests > 0 ? Double(totals.errors) / Double(totals.requests) : nil, count: totals.requests, unit: "requests")
        case .accuracy:
            self.init(value: totals.labelled > 0 ? Double(totals.correct) / Double(totals.labelled) : nil, count: totals.labelled, unit: "labelled requests")
        case .p50LatencyMs, .p95LatencyMs, .p99LatencyMs, .agreement:
            return nil
        }
    }

    init(value: Double?, count: Int, unit: String) {
        self.value = value
        self.count = count
        self.unit = unit
    }
}
