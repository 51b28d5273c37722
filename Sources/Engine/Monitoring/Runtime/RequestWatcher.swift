import SimKernel

/// What the monitors take from each live request inside the serving hot
/// loop (``ServingCore/serve``): the row into each monitor's input windows,
/// the watched version's outcome into the label queue, and the SLO counts.
/// Mirror copies are not watched (users never see them).
struct RequestWatcher: Sendable {
    /// One per drift monitor of the deployment (and one per fixed reference
    /// window still collecting).
    var windows: [InputWindow] = []
    /// The version whose outcomes feed concept drift (the stable one).
    var watchedVersion: Int?
    /// Its slot in the core for the current batch (-1: not deployed).
    var watchedSlot = -1
    var outcomes = OutcomeQueue()
    /// Latency thresholds of the deployment's latency SLOs, in ms.
    var latencyThresholds: [Double] = []
    /// Since the last drain: live requests, failed ones, and per latency
    /// threshold the requests failed or slower than it.
    var requests = 0
    var failed = 0
    var slow: [Int] = []

    /// Whether anything is watched at all.
    var isActive: Bool { !windows.isEmpty || watchedVersion != nil || !latencyThresholds.isEmpty }

    /// Prepares for a batch of requests served at `time`; `watchedSlot` is
    /// the core slot of ``watchedVersion`` (-1 when it is not deployed).
    @inline(__always)
    mutating func begin(at time: SimTime, watchedSlot: Int) {
        for index in windows.indices { windows[index].begin(at: time) }
        self.watchedSlot = watchedSlot
    }

    /// One live request: its row, where it went, whether it failed, its
    /// latency, and whether the prediction was wrong (when answered).
    @inline(__always)
    mutating func observe(numeric: UnsafeBufferPointer<Double>, categorical: UnsafeBufferPointer<Int32>, time: SimTime,
                          slot: Int, failed isFailed: Bool, latencyMs: Double, wrong: Bool) {
        for index in windows.indices { windows[index].record(numeric: numeric, categorical: categorical) }
        requests += 1
        if isFailed {
            failed += 1
            for index in slow.indices { slow[index] += 1 }
            return
        }
        for index in slow.indices where latencyMs > latencyThresholds[index] { slow[index] += 1 }
        if slot == watchedSlot { outcomes.append(time: time.milliseconds, error: wrong) }
    }

    /// Hands over and clears the SLO counts: (requests, failed, slow per threshold).
    mutating func takeCounts() -> (requests: Int, failed: Int, slow: [Int]) {
        defer {
            requests = 0
            failed = 0
            for index in slow.indices { slow[index] = 0 }
        }
        return (requests, failed, slow)
    }
}
