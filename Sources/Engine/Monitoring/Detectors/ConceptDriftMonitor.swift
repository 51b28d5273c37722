import SimKernel

/// The concept-drift detectors of one monitor on its deployment's labelled
/// traffic: each labelled request's outcome (wrong or right) goes to every
/// detector the spec chose.
///
/// The detectors are concrete stored properties (nil when not chosen), so an
/// outcome costs three direct calls and no allocation.
///
/// A detector signals `drift` on the one outcome where it detects the change
/// (and then adapts: DDM and Page-Hinkley start over, ADWIN drops the old
/// part of its window). So that the screens and the `concept_drift` alert
/// metric can see it, a detector's reported level stays `drift` for
/// `driftHold` after its latest detection (default 15 minutes of simulated
/// time), measured against the `now` given to ``summaries(now:)`` and
/// ``level(now:)`` — or, without one, the time of the latest outcome.
public struct ConceptDriftMonitor: Sendable, Hashable {
    public let spec: ConceptMonitorSpec
    public let driftHold: SimDuration
    public private(set) var ddm: DDMDetector?
    public private(set) var pageHinkley: PageHinkleyDetector?
    public private(set) var adwin: ADWINDetector?
    /// When each detector last signalled drift.
    public private(set) var ddmDetectedAt: SimTime?
    public private(set) var pageHinkleyDetectedAt: SimTime?
    public private(set) var adwinDetectedAt: SimTime?
    /// The time of the latest outcome.
    public private(set) var latestTime: SimTime?

    public init(spec: ConceptMonitorSpec, driftHold: SimDuration = .minutes(15)) {
        self.spec = spec
        self.driftHold = driftHold
        if spec.detectors.contains(.ddm) { ddm = DDMDetector(minimumSamples: spec.ddmMinimumSamples) }
        if spec.detectors.contains(.pageHinkley) {
            pageHinkley = PageHinkleyDetector(delta: spec.pageHinkleyDelta, lambda: spec.pageHinkleyLambda)
        }
        if spec.detectors.contains(.adwin) { adwin = ADWINDetector(delta: spec.adwinDelta) }
    }

    /// Adds one labelled outcome (`error`: the prediction was wrong) seen at
    /// `time`; records the time of any drift it signals.
    public mutating func add(error: Bool, at time: SimTime) {
        latestTime = time
        if ddm?.add(error) == .drift { ddmDetectedAt = time }
        if pageHinkley?.add(error) == .drift { pageHinkleyDetectedAt = time }
        if adwin?.add(error) == .drift { adwinDetectedAt = time }
    }

    /// One per chosen detector, in the spec's order.
    public func summaries(now: SimTime? = nil) -> [DetectorSummary] {
        let now = now ?? latestTime
        var result: [DetectorSummary] = []
        var seen: [ConceptDetectorKind] = []
        for kind in spec.detectors where !seen.contains(kind) {
            seen.append(kind)
            switch kind {
            case .ddm:
                if let ddm {
                    result.append(DetectorSummary(kind: kind, level: held(ddm.level, ddmDetectedAt, now), detectedAt: ddmDetectedAt,
                                                  detail: ddm.detail, samples: ddm.samples))
                }
            case .pageHinkley:
                if let pageHinkley {
                    result.append(DetectorSummary(kind: kind, level: held(pageHinkley.level, pageHinkleyDetectedAt, now),
                                                  detectedAt: pageHinkleyDetectedAt, detail: pageHinkley.detail,
                                                  samples: pageHinkley.samples))
                }
            case .adwin:
                if let adwin {
                    result.append(DetectorSummary(kind: kind, level: held(adwin.level, adwinDetectedAt, now), detectedAt: adwinDetectedAt,
                                                  detail: adwin.detail, samples: adwin.samples))
                }
            }
        }
        return result
    }

    /// The worst reported level of the detectors at `now` (default: the
    /// latest outcome's time).
    public func level(now: SimTime? = nil) -> DetectorLevel {
        let now = now ?? latestTime
        var worst = DetectorLevel.none
        if let ddm { worst = max(worst, held(ddm.level, ddmDetectedAt, now)) }
        if let pageHinkley { worst = max(worst, held(pageHinkley.level, pageHinkleyDetectedAt, now)) }
        if let adwin { worst = max(worst, held(adwin.level, adwinDetectedAt, now)) }
        return worst
    }

    /// The worst level as of the latest outcome.
    public var level: DetectorLevel { level(now: nil) }

    private func held(_ level: DetectorLevel, _ detectedAt: SimTime?, _ now: SimTime?) -> DetectorLevel {
        guard let detectedAt, let now, now >= detectedAt, now - detectedAt < driftHold else { return level }
        return .drift
    }
}
