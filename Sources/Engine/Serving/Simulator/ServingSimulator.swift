import SimKernel

/// The traffic of one deployment: requests drawn from the data generator,
/// routed by the rollout's ``RoutingTable``, scored by the real model
/// versions, answered (or failed) with a latency, and measured. One per
/// deployment; not thread-safe.
///
/// ``advance(to:)`` simulates all traffic up to a time in slices of one
/// simulated second (a slice never crosses a whole second), with no engine
/// events per request. Per slice and serving mode:
///
/// - real-time: a Poisson number of requests with mean
///   `rate · (1 + amplitude · cos(2π (time of day − peak) / 24 h)) · slice`;
///   latency inflated by load (``ReplicaLoad``).
/// - batch: a job starts on the first slice at or after it is due (the
///   first at the start, the next `every` after a job's start; a due job
///   waits for the running one); it scores `rowsPerSecond` times the live
///   replicas (counted at its start) rows per second until its `rows` are
///   done. No queueing inflation: the job paces itself.
/// - streaming: a Poisson number of events joins a FIFO queue; the live
///   replicas consume `consumerPerSecond` each per second (fractions carry
///   over while there is a backlog); a consumed event is a request whose
///   latency adds its wait in the queue (between the middles of its arrival
///   and its consumption slices).
/// - edge: each device syncs every `syncEvery` at its own fixed offset (a
///   hash of its id); at a sync it is online with `onlineShare` and then
///   pulls the version the routing assigns its id (as a user split does);
///   offline it keeps what it runs. Devices never provisioned take their
///   assignment as soon as there is a routing. Each device sends a Poisson
///   number of requests (`requestsPerSecond`), scored by its version.
///
/// Per request see ``ServingCore``: it fails with the version's error rate
/// (and its shed share over capacity, and always while `routing.down`);
/// an answered request is scored, its decision is `probability >= 0.5`,
/// its latency is recorded; a failed one is neither scored nor timed.
///
/// Random streams (from ``RandomStreams`` by name, so deployments do not
/// shift each other): `serving/<id>/live` (rows, routes, errors and
/// latencies of live requests), `serving/<id>/mirror` (mirror copies),
/// `serving/<id>/arrivals` (request counts, device syncs).
public final class ServingSimulator: ServingMetricsReading {
    /// The initial metrics horizon: windows up to it are answered in full
    /// from the first query on; longer ones grow the ring (up to 6 h).
    public static let defaultHorizon = SimDuration.minutes(10)

    public let spec: DeploymentSpec
    public let data: DataGenerator
    /// The simulated time traffic has been simulated up to.
    public private(set) var now: SimTime
    var core: ServingCore
    var arrivals: Xoshiro256StarStar
    var table: RoutingTable
    var horizon: SimDuration
    // Mode state.
    var batch: BatchState?
    var stream: StreamQueue?
    var fleet: EdgeFleetState?
    /// Every version deployed, in the order first deployed (slots released
    /// or not).
    var deployOrder: [Int] = []
    /// What is left of the versions whose slots were released (see
    /// ``releaseSpentSlots()``), by version.
    var released: [Int: ReleasedVersion] = [:]
    /// Keeps every slot (tests compare results with and without releasing).
    var keepsSpentSlots = false
    /// Live load over the capacity of all replicas in the latest real-time
    /// slice (0 in other modes, whose jobs and consumers pace themselves).
    public private(set) var utilisation = 0.0

    /// A simulator for `spec` drawing from `data`, starting at `start`.
    public init(spec: DeploymentSpec, data: DataGenerator, randomStreams: RandomStreams, start: SimTime,
                userPopulation: Int = 100_000, horizon: SimDuration = ServingSimulator.defaultHorizon) {
        self.spec = spec
        self.data = data
        now = start
        self.horizon = horizon
        let prefix = "serving/\(spec.id)/"
        core = ServingCore(sampler: RequestSampler(data: data, userPopulation: userPopulation),
                           live: randomStreams.stream(named: prefix + "live"),
                           mirror: randomStreams.stream(named: prefix + "mirror"),
                           salt: FNV1a64.hash(spec.id))
        arrivals = randomStreams.stream(named: prefix + "arrivals")
        table = RoutingTable(live: [])
        switch spec.mode {
        case .realTime: break
        case .batch: batch = BatchState(nextJobAt: start)
        case .streaming: stream = StreamQueue()
        case .edge(let edge): fleet = EdgeFleetState(devices: edge.devices, syncEvery: edge.syncEvery, salt: core.salt)
        }
    }

    /// A simulator whose streams derive from `seed`.
    public convenience init(spec: DeploymentSpec, data: DataGenerator, seed: UInt64, start: SimTime) {
        self.init(spec: spec, data: data, randomStreams: RandomStreams(rootSeed: seed), start: start)
    }

    // MARK: Versions

    /// The versions deployed (in the order they were first deployed),
    /// retired ones included.
    public var versions: [Int] { deployOrder }

    /// Makes `version` available for routing with its scorer and profile
    /// (again, if it was retired: its totals continue).
    public func deploy(version: Int, scorer: CompiledScorer, profile: ServingProfile) {
        precondition(scorer.layout.schema == data.schema, "the scorer was compiled for another schema")
        if let slot = core.slot(of: version) {
            core.versions[slot].scorer = scorer
            core.versions[slot].latency = LatencyModel(profile: profile)
            core.versions[slot].routable = true
        } else {
            var metrics = VersionMetrics(version: version, horizon: horizon, labelDelay: spec.labelDelay, start: now)
            if let previous = released.removeValue(forKey: version) {
                metrics.totals = previous.totals
                metrics.closedLatency = previous.latency
            } else {
                deployOrder.append(version)
            }
            insertSlot(VersionSlot(version: version, scorer: scorer, latency: LatencyModel(profile: profile), routable: true, metrics: metrics))
        }
        compileRouting()
    }

    /// Takes `version` out of routing: its live share is dropped (the
    /// others renormalised) and a mirror to it removed. Its figures stay
    /// readable; edge devices that still run it keep it until they sync.
    public func retire(version: Int) {
        guard let slot = core.slot(of: version) else { return }
        core.versions[slot].routable = false
        var next = table
        next.live.removeAll { $0.version == version }
        if next.mirror?.version == version { next.mirror = nil }
        routing = next
    }

    /// The profile `version` serves with (nil if never deployed).
    public func profile(of version: Int) -> ServingProfile? {
        core.slot(of: version).map { core.versions[$0].latency.profile }
    }

    // MARK: Routing

    /// How requests are routed from now on. Setting it normalises: live
    /// entries with a share <= 0 are dropped, shares are clamped to 100 and
    /// scaled to sum to 100, entries and replicas ordered by version
    /// (negative replica counts become 0), a mirror share is clamped to
    /// 0-100 and a mirror of 0 removed. Every version named must be
    /// deployed and not retired (a programmer error otherwise).
    public var routing: RoutingTable {
        get { table }
        set {
            table = Self.normalized(newValue)
            for entry in table.live { precondition(isRoutable(entry.version), "v\(entry.version) is not deployed") }
            if let mirror = table.mirror { precondition(isRoutable(mirror.version), "mirror v\(mirror.version) is not deployed") }
            compileRouting()
        }
    }

    /// `routing` normalised as the setter does.
    public static func normalized(_ routing: RoutingTable) -> RoutingTable {
        var result = routing
        var live: [VersionWeight] = []
        for entry in routing.live.sorted(by: { $0.version < $1.version }) where entry.percent > 0 {
            if let last = live.last, last.version == entry.version {
                live[live.count - 1].percent = min(100, last.percent + entry.percent)
            } else {
                live.append(VersionWeight(version: entry.version, percent: min(100, entry.percent)))
            }
        }
        let total = live.reduce(0) { $0 + $1.percent }
        if total > 0 && total != 100 {
            live = live.map { VersionWeight(version: $0.version, percent: $0.percent * 100 / total) }
        }
        result.live = live
        if let mirror = routing.mirror {
            result.mirror = mirror.percent > 0 ? MirrorRoute(version: mirror.version, percent: min(100, mirror.percent)) : nil
        }
        result.replicas = routing.replicas.sorted { $0.version < $1.version }.map { VersionReplicas(version: $0.version, count: max(0, $0.count)) }
        return result
    }

    func isRoutable(_ version: Int) -> Bool {
        core.slot(of: version).map { core.versions[$0].routable } ?? false
    }

    func compileRouting() {
        var compiled = CompiledRouting()
        var cumulative = 0.0
        for entry in table.live {
            guard let slot = core.slot(of: entry.version), core.versions[slot].routable else { continue }
            cumulative += entry.percent
            compiled.slots.append(slot)
            compiled.thresholds.append(cumulative)
        }
        if !compiled.thresholds.isEmpty { compiled.thresholds[compiled.thresholds.count - 1] = 100 }
        compiled.split = table.split
        if let mirror = table.mirror, let slot = core.slot(of: mirror.version), core.versions[slot].routable {
            compiled.mirrorSlot = slot
            compiled.mirrorShare = mirror.percent / 100
        }
        compiled.down = table.down
        core.routing = compiled
        fleet?.provision(routing: compiled)
    }

    /// Replicas `slot` runs: its `routing.replicas` entry, else the spec's
    /// count while it is live or mirrored, else none.
    func replicas(ofSlot slot: Int) -> Int {
        let version = core.versions[slot].version
        if let entry = table.replicas.first(where: { $0.version == version }) { return entry.count }
        if table.live.contains(where: { $0.version == version }) || table.mirror?.version == version { return spec.replicas.count }
        return 0
    }

    /// Replicas of the live versions together.
    var liveReplicas: Int {
        core.routing.slots.reduce(0) { $0 + replicas(ofSlot: $1) }
    }

    /// Each version's share of live traffic now: the routing's, or for an
    /// edge fleet the share of devices running it.
    public var liveShares: [VersionWeight] {
        guard let fleet else { return table.live }
        let devices = max(1, fleet.running.count)
        return fleet.status(versions: core.versions.map(\.version)).running.map {
            VersionWeight(version: $0.version, percent: Double($0.count) * 100 / Double(devices))
        }
    }

    // MARK: Advancing

    /// Simulates all traffic in [now, time).
    public func advance(to time: SimTime) {
        while now < time {
            let nextSecond = SimTime(milliseconds: (VersionMetrics.floorDiv(now.milliseconds, 1000) + 1) * 1000)
            let end = min(time, nextSecond)
            simulateSlice(from: now, to: end)
            now = end
            for index in core.versions.indices { core.versions[index].metrics.creditLabels(now: now) }
        }
        releaseSpentSlots()
    }

    func simulateSlice(from start: SimTime, to end: SimTime) {
        let seconds = (end - start).seconds
        for slot in core.versions.indices {
            core.versions[slot].metrics.totals.replicaHours += Double(replicas(ofSlot: slot)) * seconds / 3600
        }
        switch spec.mode {
        case .realTime(let traffic): simulateRealTime(traffic, from: start, seconds: seconds)
        case .batch(let traffic): simulateBatch(traffic, from: start, to: end)
        case .streaming(let traffic): simulateStreaming(traffic, from: start, seconds: seconds)
        case .edge(let edge): simulateEdge(edge, from: start, to: end)
        }
    }

    /// Requests per second at `time` with the daily cycle.
    public static func realTimeRate(_ traffic: RealTimeTraffic, at time: SimTime) -> Double {
        guard traffic.dailyAmplitude != 0 else { return max(0, traffic.ratePerSecond) }
        let day = SimDuration.days(1).milliseconds
        let offset = Double(time.milliseconds - traffic.dailyPeak.milliseconds) / Double(day)
        let cosine = PortableSine.sin(turns: offset + 0.25)
        return max(0, traffic.ratePerSecond * (1 + min(1, max(0, traffic.dailyAmplitude)) * cosine))
    }

    func simulateRealTime(_ traffic: RealTimeTraffic, from start: SimTime, seconds: Double) {
        let count = Sampling.poisson(lambda: Self.realTimeRate(traffic, at: start) * seconds, using: &arrivals)
        setLoads(requests: count, seconds: seconds)
        core.serve(count, at: start)
    }

    /// Each version's load from `requests` live requests in `seconds`.
    func setLoads(requests: Int, seconds: Double) {
        let rate = Double(requests) / seconds
        let replicaCount = core.versions.indices.reduce(0) { $0 + replicas(ofSlot: $1) }
        utilisation = replicaCount > 0 ? rate / (Double(replicaCount) * spec.replicas.capacityPerSecond) : 0
        var lambda = [Double](repeating: 0, count: core.versions.count)
        for entry in table.live {
            if let slot = core.slot(of: entry.version) { lambda[slot] += rate * entry.percent / 100 }
        }
        if let slot = core.routing.mirrorSlot { lambda[slot] += rate * core.routing.mirrorShare }
        for slot in core.versions.indices {
            core.versions[slot].load = ReplicaLoad(requestsPerSecond: lambda[slot], replicas: replicas(ofSlot: slot),
                                                   capacityPerSecond: spec.replicas.capacityPerSecond)
        }
    }

    func clearLoads() {
        for slot in core.versions.indices { core.versions[slot].load = .idle }
    }

    // MARK: Reading

    /// `version`'s figures over the window ending now (zeros if never deployed).
    ///
    /// Traffic (requests, errors, mirrored, latency, compared/agreed) comes
    /// from the 10-second bins overlapping [now − window, now), so the span
    /// is the window rounded out to whole bins (at most 10 s more). Labels:
    /// the requests of the bins that ended in (now − delay − window,
    /// now − delay], i.e. whose labels have all arrived; with no such bin
    /// (before the delay has passed) nothing is labelled.
    public func windowMetrics(version: Int, window: SimDuration) -> VersionWindowMetrics {
        guard let slot = core.slot(of: version) else { return VersionWindowMetrics(version: version, window: window, end: now) }
        if window > horizon {
            horizon = min(window, VersionMetrics.maximumHorizon)
            for index in core.versions.indices { core.versions[index].metrics.ensureHorizon(horizon) }
        }
        return core.versions[slot].metrics.window(window, now: now)
    }

    /// `version`'s counters since it was first deployed (zeros if never);
    /// `labelled` and `correct` count labels that have arrived.
    public func totals(version: Int) -> VersionTotals {
        guard let slot = core.slot(of: version) else { return released[version]?.totals ?? VersionTotals(version: version) }
        return core.versions[slot].metrics.totals
    }

    /// `version`'s latency since it was first deployed, in Prometheus
    /// buckets of seconds (empty if never deployed): live and mirrored
    /// answered requests, as the window percentiles count them.
    public func cumulativeLatency(version: Int) -> MetricHistogram {
        guard let slot = core.slot(of: version) else {
            return released[version]?.latency ?? MetricHistogram(upperBounds: MetricHistogram.latencyBoundsSeconds)
        }
        return core.versions[slot].metrics.cumulativeLatency()
    }

    /// Bins kept per version (the metrics memory; grows only with the longest window asked).
    public var metricsBinsPerVersion: Int { core.versions.first?.metrics.bins.count ?? 0 }

    /// Requests that found no version to serve them.
    public var unservedRequests: Int { core.unserved }

    /// A one-line state of the serving mode: `42 req/s`, `lag 1,240 (8s)`,
    /// `next job 02:00; last 10,000 rows in 5s`, `312/500 devices on v3, 61 offline`.
    public var modeStatus: String {
        var text: String
        switch spec.mode {
        case .realTime(let traffic):
            text = "\(rateText(Self.realTimeRate(traffic, at: now))) req/s"
        case .batch:
            text = batchStatus.map(Self.describe) ?? ""
        case .streaming:
            let status = streamingStatus ?? StreamingStatus(backlog: 0, lag: .zero, consumptionPerSecond: 0)
            text = "lag \(groupedInteger(status.backlog)) (\(status.lag.compactDescription))"
        case .edge:
            let status = edgeStatus ?? EdgeFleetStatus(devices: 0, offline: 0, running: [])
            let newest = table.live.last?.version ?? status.running.max { $0.count < $1.count }?.version
            if let newest {
                text = "\(groupedInteger(status.devices(on: newest)))/\(groupedInteger(status.devices)) devices on v\(newest), \(groupedInteger(status.offline)) offline"
            } else {
                text = "\(groupedInteger(status.devices)) devices, none provisioned"
            }
        }
        if table.live.isEmpty { text += text.isEmpty ? "no version serving" : "; no version serving" }
        if table.down { text += "; DOWN" }
        return text
    }
}

extension VersionMetrics {
    /// `value / divisor` rounded towards minus infinity.
    static func floorDiv(_ value: Int64, _ divisor: Int64) -> Int64 {
        value >= 0 ? value / divisor : (value - divisor + 1) / divisor
    }
}
