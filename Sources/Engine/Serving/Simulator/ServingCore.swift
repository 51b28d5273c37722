import SimKernel

/// One deployed version inside the simulator.
struct VersionSlot: Sendable {
    let version: Int
    var scorer: CompiledScorer
    var latency: LatencyModel
    /// False once retired: no new traffic may be routed to it (edge
    /// devices that still run it keep scoring with it).
    var routable: Bool
    var metrics: VersionMetrics
    /// What load does to it in the current slice.
    var load = ReplicaLoad.idle
}

/// A version's per-request constants for one `serve` call (plain values).
struct ServeParameters {
    var latency: LatencyModel
    var waitMs: Double
    var errorRate: Double
}

/// What happened to one request (kept only while tracing, for tests).
struct ServedRequest: Sendable, Equatable {
    var time: SimTime
    var userID: Int
    var version: Int
    var failed: Bool
    var decision: Bool
    var label: UInt8
    var latencyUnits: UInt64
}

/// The per-request work of a serving simulator: draw, route, score, fail or
/// answer with a latency, record; and the mirror copy.
///
/// Random streams: `live` draws everything that reaches users (the row,
/// the route, the error and the latency, in that order); `mirror` draws
/// whether a request is copied and the copy's error and latency. The
/// mirror never touches `live`, so live answers and their random sequence
/// are the same with and without a mirror.
struct ServingCore: Sendable {
    var sampler: RequestSampler
    var row: RequestRow
    var live: Xoshiro256StarStar
    var mirror: Xoshiro256StarStar
    var versions: [VersionSlot] = []
    var routing = CompiledRouting()
    /// The deployment's salt for user buckets.
    let salt: UInt64
    let normal = ZigguratNormal.shared
    /// Requests that reached no version (nothing routable).
    var unserved = 0
    /// Per-request outcomes of live requests while non-nil (tests).
    var trace: [ServedRequest]?
    /// What the monitors take from live requests (inactive when none watch).
    var watcher = RequestWatcher()

    init(sampler: RequestSampler, live: Xoshiro256StarStar, mirror: Xoshiro256StarStar, salt: UInt64) {
        self.sampler = sampler
        row = RequestRow(layout: sampler.layout)
        self.live = live
        self.mirror = mirror
        self.salt = salt
    }

    func slot(of version: Int) -> Int? {
        versions.firstIndex { $0.version == version }
    }

    /// Serves `count` requests at `time`: routed by the routing table, or
    /// all to slot `pinned` (an edge device's version). `extraWaitMs` is
    /// added to every latency (a streaming queue's wait).
    mutating func serve(_ count: Int, at time: SimTime, extraWaitMs: Double = 0, pinned: Int? = nil) {
        guard count > 0 else { return }
        if pinned == nil && routing.isEmpty {
            unserved += count
            return
        }
        sampler.prepare(at: time)
        let bin = VersionMetrics.bin(of: time)
        // The versions' open bins, moved out for the loop and back after it.
        var tallies: [MetricsBin] = []
        var binSlots: [Int] = []
        tallies.reserveCapacity(versions.count)
        for index in versions.indices {
            let slot = versions[index].metrics.slot(for: bin)
            binSlots.append(slot)
            tallies.append(versions[index].metrics.bins[slot])
            versions[index].metrics.bins[slot] = MetricsBin()
        }
        let before = tallies.map { [$0.requests, $0.errors, $0.mirrored, $0.compared, $0.agreed] }
        var row = RequestRow(layout: RowLayout(schema: DatasetSchema(features: [])))
        swap(&row, &self.row)
        var live = self.live
        var mirrorRandom = self.mirror
        let sampler = self.sampler
        let routing = self.routing
        let normal = self.normal
        let exp = FastExp.shared
        let salt = self.salt
        let scorers = versions.map(\.scorer)
        let versionNumbers = versions.map(\.version)
        let down = routing.down
        // A request fails with the profile's error rate or when shed.
        let parameters = versions.map { slot in
            ServeParameters(latency: slot.latency, waitMs: slot.load.waitMs + extraWaitMs,
                            errorRate: 1 - (1 - min(1, max(0, slot.latency.profile.errorRate))) * (1 - slot.load.shedShare))
        }
        let mirrorSlot = pinned == nil ? routing.mirrorSlot : nil
        let mirrorShare = routing.mirrorShare
        var trace = self.trace
        self.trace = nil
        let tracing = trace != nil
        var watcher = RequestWatcher()
        swap(&watcher, &self.watcher)
        let watching = watcher.isActive
        if watching {
            let watchedSlot = watcher.watchedVersion.flatMap { version in versions.firstIndex { $0.version == version } } ?? -1
            watcher.begin(at: time, watchedSlot: watchedSlot)
        }

        scorers.withUnsafeBufferPointer { scorers in
            parameters.withUnsafeBufferPointer { parameters in
                tallies.withUnsafeMutableBufferPointer { tallies in
                    for _ in 0..<count {
                        sampler.draw(into: &row, using: &live)
                        let target: Int
                        if let pinned {
                            target = pinned
                        } else if routing.split == .request {
                            target = routing.pick(Sampling.unitInterval(using: &live) * 100)
                        } else {
                            target = routing.pick(CompiledRouting.userBucket(row.userID, salt: salt))
                        }
                        let failed = Sampling.unitInterval(using: &live) < parameters[target].errorRate || down
                        let latencyMs = parameters[target].latency.draw(normal: normal, exp: exp, using: &live) + parameters[target].waitMs
                        let logit = row.numeric.withUnsafeBufferPointer { numeric in
                            row.categorical.withUnsafeBufferPointer { scorers[target].logit(numeric: numeric, categorical: $0) }
                        }
                        let decision = CompiledScorer.decision(logit: logit)
                        let truth = row.label == 1
                        let units = VersionMetrics.units(milliseconds: latencyMs)
                        tallies[target].requests += 1
                        if failed {
                            tallies[target].errors += 1
                        } else {
                            tallies[target].answered += 1
                            if decision == truth { tallies[target].correct += 1 }
                            tallies[target].latency.record(units)
                        }
                        if watching {
                            row.numeric.withUnsafeBufferPointer { numeric in
                                row.categorical.withUnsafeBufferPointer { categorical in
                                    watcher.observe(numeric: numeric, categorical: categorical, time: time, slot: target, failed: failed,
                                                    latencyMs: latencyMs, wrong: decision != truth)
                                }
                            }
                        }
                        if tracing {
                            trace?.append(ServedRequest(time: time, userID: row.userID, version: versionNumbers[target], failed: failed,
                                                        decision: decision, label: row.label, latencyUnits: units))
                        }
                        guard let mirrorSlot, Sampling.unitInterval(using: &mirrorRandom) < mirrorShare else { continue }
                        let mirrorFailed = Sampling.unitInterval(using: &mirrorRandom) < parameters[mirrorSlot].errorRate || down
                        let mirrorLatency = parameters[mirrorSlot].latency.draw(normal: normal, exp: exp, using: &mirrorRandom)
                            + parameters[mirrorSlot].waitMs
                        tallies[mirrorSlot].mirrored += 1
                        if mirrorFailed {
                            tallies[mirrorSlot].errors += 1
                            continue
                        }
                        let mirrorDecision = CompiledScorer.decision(logit: row.numeric.withUnsafeBufferPointer { numeric in
                            row.categorical.withUnsafeBufferPointer { scorers[mirrorSlot].logit(numeric: numeric, categorical: $0) }
                        })
                        tallies[mirrorSlot].answered += 1
                        if mirrorDecision == truth { tallies[mirrorSlot].correct += 1 }
                        tallies[mirrorSlot].latency.record(VersionMetrics.units(milliseconds: mirrorLatency))
                        if !failed {
                            tallies[mirrorSlot].compared += 1
                            if mirrorDecision == decision { tallies[mirrorSlot].agreed += 1 }
                        }
                    }
                }
            }
        }

        self.live = live
        self.mirror = mirrorRandom
        self.trace = trace
        swap(&watcher, &self.watcher)
        swap(&row, &self.row)
        for index in versions.indices {
            let tally = tallies[index]
            let previous = before[index]
            versions[index].metrics.totals.requests += tally.requests - previous[0]
            versions[index].metrics.totals.errors += tally.errors - previous[1]
            versions[index].metrics.totals.mirrored += tally.mirrored - previous[2]
            versions[index].metrics.totals.compared += tally.compared - previous[3]
            versions[index].metrics.totals.agreed += tally.agreed - previous[4]
            versions[index].metrics.bins[binSlots[index]] = tally
            if tally.requests != previous[0] || tally.mirrored != previous[2] { versions[index].metrics.lastActiveBin = bin }
        }
    }
}
