import SimKernel

/// What is kept of a version whose simulator slot was released: its
/// cumulative figures, which the summaries, the Prometheus export and the
/// simulate report read (about 300 bytes, against a slot's ring of bins).
struct ReleasedVersion: Sendable {
    var totals: VersionTotals
    /// Latency since it entered the deployment, in Prometheus buckets.
    var latency: MetricHistogram
}

/// Slot bookkeeping: a simulator keeps a slot (scorer, latency model, ring
/// of metric bins) only for versions that can still serve or be read
/// through a window, so the per-second and per-request work and the memory
/// follow the versions in play, not every version ever served.
extension ServingSimulator {
    /// Version slots held (routable versions, versions still running
    /// replicas or edge devices, and retired versions whose recent figures
    /// can still be read through a window).
    public var versionSlotCount: Int { core.versions.count }

    /// Releases the slots of versions nothing can read or route to any
    /// more: retired (not routable), no replicas, no edge device running
    /// them, and spent (``VersionMetrics/isSpent(at:)``: their last request
    /// is older than the longest window any reader can ask for, 6 h plus
    /// the label delay, and their labels are credited). Their totals and
    /// cumulative latency move to ``released``; ``totals(version:)``,
    /// ``cumulativeLatency(version:)`` and ``versions`` answer as before,
    /// and deploying the version again continues its totals. Results do
    /// not change: a released slot would only have recorded zeros.
    func releaseSpentSlots() {
        guard !keepsSpentSlots else { return }
        let candidates = core.versions.indices.filter { index in
            !core.versions[index].routable && replicas(ofSlot: index) == 0 && core.versions[index].metrics.isSpent(at: now)
        }
        guard !candidates.isEmpty else { return }
        var devices = [Int](repeating: 0, count: core.versions.count)
        for slot in fleet?.running ?? [] where slot >= 0 { devices[Int(slot)] += 1 }
        var released = false
        for index in candidates.reversed() where devices[index] == 0 {
            let slot = core.versions[index]
            self.released[slot.version] = ReleasedVersion(totals: slot.metrics.totals, latency: slot.metrics.cumulativeLatency())
            removeSlot(at: index)
            released = true
        }
        if released { compileRouting() }
    }

    /// Inserts a new slot where its version's first deployment orders it
    /// (so slot order always follows ``versions``), shifting edge devices'
    /// slot numbers. The caller recompiles the routing.
    func insertSlot(_ slot: VersionSlot) {
        let order = deployOrder.firstIndex(of: slot.version) ?? deployOrder.count
        let position = core.versions.firstIndex { (deployOrder.firstIndex(of: $0.version) ?? deployOrder.count) > order } ?? core.versions.count
        core.versions.insert(slot, at: position)
        guard var fleet else { return }
        for device in fleet.running.indices where fleet.running[device] >= Int32(position) { fleet.running[device] += 1 }
        self.fleet = fleet
    }

    /// Removes slot `index` (no edge device may run it), shifting edge
    /// devices' slot numbers. The caller recompiles the routing.
    func removeSlot(at index: Int) {
        core.versions.remove(at: index)
        guard var fleet else { return }
        for device in fleet.running.indices where fleet.running[device] > Int32(index) { fleet.running[device] -= 1 }
        self.fleet = fleet
    }
}
