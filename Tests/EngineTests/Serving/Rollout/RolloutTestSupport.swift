import Engine

/// How a fake version answers: true error rate and accuracy (each request
/// a Bernoulli draw), fixed latency percentiles, and agreement with the
/// live answer when mirrored.
struct FakeVersion {
    var version: Int
    var errorRate = 0.001
    var accuracy = 0.9
    var p50 = 20.0
    var p95 = 60.0
    var p99 = 100.0
    var agreement = 0.97
}

/// A seeded stand-in for the serving simulator: `ratePerSecond` requests
/// each second, routed by the rollout's table, counted per second.
final class FakeServing: ServingMetricsReading {
    struct Second {
        var time: Int64
        var requests = 0, errors = 0, mirrored = 0, mirroredErrors = 0, labelled = 0, correct = 0, compared = 0, agreed = 0
    }

    var versions: [FakeVersion]
    var ratePerSecond: Int
    var labelDelaySeconds: Int64 = 0
    private(set) var now: SimTime
    private var seconds: [[Second]]
    private var generator: Xoshiro256StarStar

    init(_ versions: [FakeVersion], ratePerSecond: Int, seed: UInt64 = 7, start: SimTime = .zero) {
        self.versions = versions
        self.ratePerSecond = ratePerSecond
        self.now = start
        self.seconds = versions.map { _ in [] }
        self.generator = Xoshiro256StarStar(seed: seed)
    }

    /// An independent copy with the same history and random state.
    func copy() -> FakeServing {
        let twin = FakeServing(versions, ratePerSecond: ratePerSecond)
        twin.labelDelaySeconds = labelDelaySeconds
        twin.now = now
        twin.seconds = seconds
        twin.generator = generator
        return twin
    }

    private func index(of version: Int) -> Int? { versions.firstIndex { $0.version == version } }

    private func bernoulli(_ p: Double) -> Bool { Sampling.unitInterval(using: &generator) < p }

    /// Serves every whole second up to `time` with `routing`.
    func advance(to time: SimTime, routing: RoutingTable) {
        while now.milliseconds + 1000 <= time.milliseconds {
            now = now + .seconds(1)
            let second = now.milliseconds / 1000
            var rows = versions.map { _ in Second(time: second) }
            for _ in 0..<ratePerSecond {
                let draw = Sampling.unitInterval(using: &generator) * 100
                var cumulative = 0.0
                var chosen = routing.live.last?.version
                for weight in routing.live {
                    cumulative += weight.percent
                    if draw < cumulative { chosen = weight.version; break }
                }
                guard let live = chosen, let liveIndex = index(of: live) else { continue }
                rows[liveIndex].requests += 1
                if routing.down || bernoulli(versions[liveIndex].errorRate) { rows[liveIndex].errors += 1 }
                rows[liveIndex].labelled += 1
                if bernoulli(versions[liveIndex].accuracy) { rows[liveIndex].correct += 1 }
                if let mirror = routing.mirror, let mirrorIndex = index(of: mirror.version),
                   Sampling.unitInterval(using: &generator) * 100 < mirror.percent {
                    rows[mirrorIndex].mirrored += 1
                    if bernoulli(versions[mirrorIndex].errorRate) { rows[mirrorIndex].mirroredErrors += 1 }
                    rows[mirrorIndex].labelled += 1
                    if bernoulli(versions[mirrorIndex].accuracy) { rows[mirrorIndex].correct += 1 }
                    rows[mirrorIndex].compared += 1
                    if bernoulli(versions[mirrorIndex].agreement) { rows[mirrorIndex].agreed += 1 }
                }
            }
            for index in versions.indices { seconds[index].append(rows[index]) }
        }
    }

    func windowMetrics(version: Int, window: SimDuration) -> VersionWindowMetrics {
        var metrics = VersionWindowMetrics(version: version, window: window, end: now)
        guard let index = index(of: version) else { return metrics }
        let end = now.milliseconds / 1000
        let start = end - window.milliseconds / 1000
        for row in seconds[index].reversed() {
            if row.time <= start { break }
            metrics.requests += row.requests
            metrics.errors += row.errors
            metrics.mirrored += row.mirrored
            metrics.mirroredErrors += row.mirroredErrors
            if row.time + labelDelaySeconds <= end {
                metrics.labelled += row.labelled
                metrics.correct += row.correct
            }
            metrics.compared += row.compared
            metrics.agreed += row.agreed
        }
        if metrics.requests + metrics.mirrored > 0 {
            metrics.p50LatencyMs = versions[index].p50
            metrics.p95LatencyMs = versions[index].p95
            metrics.p99LatencyMs = versions[index].p99
            metrics.maxLatencyMs = versions[index].p99 * 1.5
        }
        return metrics
    }

    func totals(version: Int) -> VersionTotals {
        var totals = VersionTotals(version: version)
        guard let index = index(of: version) else { return totals }
        let end = now.milliseconds / 1000
        for row in seconds[index] {
            totals.requests += row.requests
            totals.errors += row.errors
            totals.mirrored += row.mirrored
            if row.time + labelDelaySeconds <= end {
                totals.labelled += row.labelled
                totals.correct += row.correct
            }
            totals.compared += row.compared
            totals.agreed += row.agreed
        }
        return totals
    }
}

/// Fixed figures per version, for exact analysis checks.
struct FixedMetrics: ServingMetricsReading {
    var windows: [VersionWindowMetrics]
    var totalsByVersion: [VersionTotals] = []

    func windowMetrics(version: Int, window: SimDuration) -> VersionWindowMetrics {
        windows.first { $0.version == version } ?? VersionWindowMetrics(version: version, window: window, end: .zero)
    }

    func totals(version: Int) -> VersionTotals {
        totalsByVersion.first { $0.version == version } ?? VersionTotals(version: version)
    }
}

/// One effect with the simulated time it was returned at.
struct TimedEffect: Equatable {
    var time: SimTime
    var effect: RolloutEffect
}

enum RolloutFixtures {
    static let errorRate = AnalysisCondition(metric: .errorRate, comparison: .less, threshold: .value(0.01), text: "error_rate < 1%")
    static let p99 = AnalysisCondition(metric: .p99LatencyMs, comparison: .less, threshold: .value(150), text: "p99_latency_ms < 150")
    static let accuracy = AnalysisCondition(metric: .accuracy, comparison: .greaterOrEqual, threshold: .stablePlus(-0.02),
                                            text: "accuracy >= stable - 0.02")
    static let agreement = AnalysisCondition(metric: .agreement, comparison: .greaterOrEqual, threshold: .value(0.9), text: "agreement >= 90%")

    static func analysis(_ conditions: [AnalysisCondition] = [errorRate, p99, accuracy], count: Int = 2,
                         interval: SimDuration = .minutes(5), minRequests: Int = 200) -> AnalysisSpec {
        AnalysisSpec(conditions: conditions, window: interval, interval: interval, count: count, minRequests: minRequests)
    }

    static func deployment(_ strategy: StrategySpec, replicas: Int = 4) -> DeploymentSpec {
        DeploymentSpec(id: "fraud-api", model: "fraud", mode: .realTime(RealTimeTraffic(ratePerSecond: 20)),
                       replicas: ReplicaSpec(count: replicas), strategy: strategy)
    }

    static func rollout(_ strategy: StrategySpec, replicas: Int = 4) -> Rollout {
        Rollout(deployment: deployment(strategy, replicas: replicas), stable: 2, candidate: 3, replicas: replicas, at: .zero)
    }

    /// A good stable v2 and a candidate v3 shaped by `candidate`.
    static func serving(rate: Int = 20, seed: UInt64 = 7, candidate: (inout FakeVersion) -> Void = { _ in }) -> FakeServing {
        var three = FakeVersion(version: 3)
        candidate(&three)
        return FakeServing([FakeVersion(version: 2), three], ratePerSecond: rate, seed: seed)
    }
}

/// Drives `rollout` against `serving` from wake time to wake time until it
/// ends, waits without a wake time (an approval gate), or reaches `end`.
@discardableResult
func drive(_ rollout: inout Rollout, _ serving: FakeServing, until end: SimTime, approved: Bool = false,
           generator: inout Xoshiro256StarStar) -> [TimedEffect] {
    var effects: [TimedEffect] = []
    var now = serving.now
    for _ in 0..<100_000 {
        guard let wake = rollout.nextWakeTime, wake <= end else { break }
        let time = max(wake, now)
        serving.advance(to: time, routing: rollout.routing)
        now = time
        for effect in rollout.evaluate(at: now, metrics: serving, candidateApproved: approved, using: &generator) {
            effects.append(TimedEffect(time: now, effect: effect))
        }
        if let next = rollout.nextWakeTime, next <= now { break }
    }
    return effects
}

extension Array where Element == TimedEffect {
    /// The `why` of every routing change, in order.
    var routeReasons: [String] {
        compactMap { if case .route(_, let why) = $0.effect { return why } else { return nil } }
    }

    var routes: [(time: SimTime, table: RoutingTable)] {
        compactMap { if case .route(let table, _) = $0.effect { return ($0.time, table) } else { return nil } }
    }

    func contains(_ effect: RolloutEffect) -> Bool { contains { $0.effect == effect } }
}
