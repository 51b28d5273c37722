import SimKernel

/// The per-request cost of the monitors, for the benchmark: one drift
/// monitor (a 30-minute time window of 5,000 rows), concept drift with all
/// three detectors and two SLOs (availability and latency), fed the way
/// the engine feeds them — rows and outcomes in the serving loop, labels
/// drained and SLO counts taken once per simulated second of 40 requests.
@_spi(Benchmarks)
public enum MonitorCostProbe {
    /// Runs `requests` synthetic requests of a model with `numeric` numeric
    /// and `categorical` categorical features through the monitors (or,
    /// with `watching` false, only through the loop that makes them, the
    /// baseline); returns a checksum so the work is not optimised away.
    public static func run(requests: Int, numeric: Int, categorical: Int, watching: Bool) -> Double {
        var features: [FeatureSchema] = (0..<numeric).map { FeatureSchema(name: "x\($0)", kind: .numeric) }
        features += (0..<categorical).map { FeatureSchema(name: "c\($0)", kind: .categorical(["a", "b", "c", "d"])) }
        let layout = RowLayout(schema: DatasetSchema(features: features))
        // Rows to cycle through (drawing them is the serving loop's cost, not the monitors').
        var random = Xoshiro256StarStar(seed: 7)
        let rowCount = 1024
        let numericRows = (0..<rowCount * numeric).map { _ in Sampling.unitInterval(using: &random) * 100 }
        let categoricalRows = (0..<rowCount * categorical).map { _ in Int32(random.next() % 4) }
        var watcher = RequestWatcher()
        let window = SimDuration.minutes(30).milliseconds
        watcher.windows = [InputWindow(kind: .time(window: window, slice: InputWindow.sliceLength(window: window)), layout: layout,
                                       maxSample: 5000, random: Xoshiro256StarStar(seed: 8))]
        watcher.watchedVersion = 1
        watcher.latencyThresholds = [150]
        watcher.slow = [0]
        var concept = ConceptDriftMonitor(spec: ConceptMonitorSpec())
        var slos = [SLOTracker(spec: SLOSpec(id: "availability", objective: .availability, target: 0.999)),
                    SLOTracker(spec: SLOSpec(id: "latency", objective: .latency(thresholdMs: 150), target: 0.99))]
        let delay = SimDuration.minutes(1)
        var checksum = 0.0
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        var time = SimTime.zero
        var served = 0
        numericRows.withUnsafeBufferPointer { numericRows in
            categoricalRows.withUnsafeBufferPointer { categoricalRows in
                while served < requests {
                    time = time + .seconds(1)
                    if watching { watcher.begin(at: time, watchedSlot: 0) }
                    let batch = Swift.min(40, requests - served)
                    for index in 0..<batch {
                        let row = (served + index) & (rowCount - 1)
                        // A cheap stand-in for the request's outcome draws.
                        state = state &* 6364136223846793005 &+ 1442695040888963407
                        let failed = state >> 54 == 0
                        let wrong = (state >> 40) & 7 == 0
                        let latency = Double((state >> 33) & 255)
                        checksum += latency
                        guard watching else { continue }
                        watcher.observe(numeric: UnsafeBufferPointer(rebasing: numericRows[(row * numeric)..<(row * numeric + numeric)]),
                                        categorical: UnsafeBufferPointer(rebasing: categoricalRows[(row * categorical)..<(row * categorical + categorical)]),
                                        time: time, slot: Int(state >> 63), failed: failed, latencyMs: latency, wrong: wrong)
                    }
                    served += batch
                    guard watching else { continue }
                    watcher.outcomes.drain(through: time - delay) { at, wrong in concept.add(error: wrong, at: at + delay) }
                    let counts = watcher.takeCounts()
                    slos[0].record(good: counts.requests - counts.failed, bad: counts.failed, at: time)
                    slos[1].record(good: counts.requests - counts.slow[0], bad: counts.slow[0], at: time)
                }
            }
        }
        return checksum + Double(concept.level(now: time).rawValue) + slos[1].budgetRemaining(now: time)
    }
}
