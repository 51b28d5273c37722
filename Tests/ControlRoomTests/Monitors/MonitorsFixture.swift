import Engine
import SimKernel

/// Monitor summaries as the engine fills them, for the Monitors screen's
/// tests: `fraud-drift` on the fraud canary with four features in
/// different states (PSI drift, KS warning with a significant-but-tiny
/// note, Wasserstein ok, chi-square insufficient), concept detectors,
/// two versions' performance and two SLOs (one fast-burning and
/// overspent, freezing promotions); `ranker-drift`, not evaluated yet.
enum MonitorsFixture {
    static let now = SimTime(sinceEpoch: .minutes(42))

    static func at(_ minutes: Int64) -> SimTime { SimTime(sinceEpoch: .minutes(minutes)) }

    /// One value a minute from minute 30 to 41.
    static func history(_ values: [Double]) -> [TimedValue] {
        values.enumerated().map { (pair: (offset: Int, element: Double)) -> TimedValue in TimedValue(time: at(30 + Int64(pair.offset)), value: pair.element) }
    }

    static let bins = ["<12", "12-25", "25-40", "40-61", "61-90", "90-140", "140-230", ">230"]

    static func features() -> [FeatureDriftSummary] {
        [
            FeatureDriftSummary(feature: "amount", isCategorical: false, method: .psi, value: 0.274, statistic: nil, rawDistance: nil,
                                thresholds: DriftThresholds(warn: 0.1, alert: 0.2), referenceCount: 20_000, currentCount: 4_210, state: .drift,
                                note: nil, history: history([0.02, 0.03, 0.03, 0.05, 0.08, 0.11, 0.14, 0.17, 0.2, 0.23, 0.25, 0.274]),
                                binLabels: bins, referenceShares: [0.125, 0.125, 0.125, 0.125, 0.125, 0.125, 0.125, 0.125],
                                currentShares: [0.05, 0.06, 0.08, 0.1, 0.13, 0.16, 0.19, 0.23]),
            FeatureDriftSummary(feature: "merchant_risk", isCategorical: false, method: .ks, value: 0.0031, statistic: 0.012, rawDistance: nil,
                                thresholds: DriftThresholds(warn: 0.05, alert: 0.001), referenceCount: 20_000, currentCount: 4_210, state: .warning,
                                note: "significant but tiny: D 0.012 on 20,000 vs 4,210",
                                history: history([0.6, 0.5, 0.41, 0.3, 0.2, 0.12, 0.08, 0.05, 0.02, 0.01, 0.006, 0.0031]),
                                binLabels: ["0.0", "0.1", "0.2", "0.3"], referenceShares: [0.3, 0.3, 0.2, 0.2], currentShares: [0.28, 0.31, 0.21, 0.2]),
            FeatureDriftSummary(feature: "hour", isCategorical: false, method: .wasserstein, value: 0.031, statistic: nil, rawDistance: 0.21,
                                thresholds: DriftThresholds(warn: 0.1, alert: 0.2), referenceCount: 20_000, currentCount: 4_210, state: .ok,
                                note: nil, history: history([0.03, 0.028, 0.031, 0.03, 0.029, 0.031, 0.032, 0.03, 0.031, 0.03, 0.029, 0.031]),
                                binLabels: ["0h", "6h", "12h", "18h"], referenceShares: [0.1, 0.3, 0.4, 0.2], currentShares: [0.11, 0.29, 0.4, 0.2]),
            FeatureDriftSummary(feature: "country", isCategorical: true, method: .chiSquare, value: nil, statistic: nil, rawDistance: nil,
                                thresholds: DriftThresholds(warn: 0.05, alert: 0.01), referenceCount: 20_000, currentCount: 12, state: .insufficient,
                                note: "insufficient: 12 < 100 values", history: [],
                                binLabels: ["DE", "FR", "US"], referenceShares: [0.5, 0.3, 0.2], currentShares: [0.5, 0.25, 0.25]),
        ]
    }

    static func performance(_ version: Int, base: Double, errorRate: Double, throughput: Double) -> VersionPerformanceSummary {
        var points: [PerformancePoint] = []
        for minute in 0..<12 {
            let m = Double(minute)
            let p50: Double = base + Double(minute % 3)
            let p95: Double = base * 2 + Double(minute % 4)
            let p99: Double = base * 3 + m
            points.append(PerformancePoint(time: at(30 + Int64(minute)), p50: p50, p95: p95, p99: p99,
                                           errorRate: errorRate, requests: Int(throughput * 60)))
        }
        let p50: Double = base + 1, p95: Double = base * 2 + 2, p99: Double = base * 3 + 11, maximum: Double = base * 5
        return VersionPerformanceSummary(version: version, p50: p50, p95: p95, p99: p99, max: maximum,
                                         errorRate: errorRate, throughput: throughput, accuracy: version == 3 ? 0.912 : nil, history: points)
    }

    static func fraud() -> MonitorSummary {
        let concept = ConceptDriftSummary(
            detectors: [
                DetectorSummary(kind: .ddm, level: .warning, detectedAt: nil, detail: "p+s 0.214 (min 0.151+3*0.011)", samples: 3_912),
                DetectorSummary(kind: .pageHinkley, level: .none, detectedAt: nil, detail: "PH 12.4 / 50", samples: 3_912),
                DetectorSummary(kind: .adwin, level: .drift, detectedAt: at(39), detail: "window 3,912, mean 0.18", samples: 3_912),
            ],
            accuracy: (0..<10).map { (minute: Int) -> TimedValue in TimedValue(time: at(30 + Int64(minute)), value: 0.93 - 0.004 * Double(minute)) },
            labelDelay: .minutes(2))
        let fast = [BurnRate(window: .minutes(5), rate: 22), BurnRate(window: .minutes(30), rate: 8.2),
                    BurnRate(window: .hours(1), rate: 15.1), BurnRate(window: .hours(6), rate: 3.4)]
        let calm = [BurnRate(window: .minutes(5), rate: 0.4), BurnRate(window: .minutes(30), rate: 0.8),
                    BurnRate(window: .hours(1), rate: 1.2), BurnRate(window: .hours(6), rate: 0.9)]
        return MonitorSummary(
            id: "fraud-drift", deployment: "fraud-canary", servingVersion: 3,
            reference: "training data of fraud v3 (20,000 rows)", window: "last 30m", evaluatedAt: at(41),
            features: features(), datasetDrift: DatasetDriftSummary(drifting: 2, watched: 4, threshold: 0.5, isDrifting: true),
            concept: concept,
            performance: [performance(3, base: 19, errorRate: 0.001, throughput: 31.5), performance(4, base: 24, errorRate: 0.0042, throughput: 10.5)],
            slos: [
                SLOSummary(id: "availability", objective: .availability, target: 0.999, period: .days(30), good: 99_000, total: 100_000,
                           budgetRemaining: -0.35, burnRates: fast, alert: .fast, freezesPromotions: true),
                SLOSummary(id: "p99-latency", objective: .latency(thresholdMs: 150), target: 0.99, period: .days(30), good: 99_500, total: 100_000,
                           budgetRemaining: 0.62, burnRates: calm, alert: .none, freezesPromotions: false),
            ],
            health: SystemHealthSummary(replicaUtilisation: 0.72, streamingLag: nil, pipelineFailuresLastHour: 1, schedulerBacklog: 3),
            minimumSamples: 100)
    }

    /// Declared, never evaluated: 12 of the 30 values its features need.
    static func ranker() -> MonitorSummary {
        let feature = FeatureDriftSummary(feature: "clicks", isCategorical: false, method: .psi, value: nil, statistic: nil, rawDistance: nil,
                                          thresholds: DriftThresholds(warn: 0.1, alert: 0.2), referenceCount: 0, currentCount: 12,
                                          state: .insufficient, note: "insufficient: 12 < 30 values", history: [],
                                          binLabels: [], referenceShares: [], currentShares: [])
        return MonitorSummary(id: "ranker-drift", deployment: "ranker-bandit", servingVersion: nil,
                              reference: "waiting for the serving version's training data", window: "last 5,000 requests", evaluatedAt: nil,
                              features: [feature], datasetDrift: nil, concept: nil, performance: [], slos: [],
                              health: SystemHealthSummary(replicaUtilisation: 0.1, streamingLag: 120, pipelineFailuresLastHour: 0, schedulerBacklog: 0),
                              minimumSamples: 30)
    }

    static func snapshot(_ monitors: [MonitorSummary] = [fraud(), ranker()]) -> EngineSnapshot {
        EngineSnapshot(projectName: "monitoring-demo", seed: 7, now: now, isPaused: false, speed: .multiplier(60),
                       pendingEventCount: 0, nextEventTime: nil, recentEvents: [], totalEventCount: 0,
                       deployments: DeploymentsFixture.all(), monitors: monitors)
    }
}
