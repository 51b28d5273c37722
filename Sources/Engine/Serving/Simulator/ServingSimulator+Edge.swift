import SimKernel

/// An edge fleet: which version slot each device runs, whether its last
/// sync found it offline, and when it syncs.
struct EdgeFleetState: Sendable {
    /// Per device, the simulator slot it runs (-1: not provisioned).
    var running: [Int32]
    var offline: [Bool]
    /// Devices ordered by their sync offset, and the offsets (ms into each
    /// `syncEvery` period) in that order.
    let order: [Int32]
    let offsets: [Int64]
    let period: Int64
    let salt: UInt64

    init(devices: Int, syncEvery: SimDuration, salt: UInt64) {
        let count = max(0, devices)
        let period = max(1, syncEvery.milliseconds)
        running = [Int32](repeating: -1, count: count)
        offline = [Bool](repeating: false, count: count)
        self.period = period
        self.salt = salt
        // The offset of a device: its user bucket scaled to the period.
        let offsetOf = (0..<count).map { Int64(CompiledRouting.userBucket($0 ^ 0x5EED, salt: salt) / 100 * Double(period)) }
        order = (0..<count).sorted { (offsetOf[$0], $0) < (offsetOf[$1], $1) }.map { Int32($0) }
        offsets = order.map { offsetOf[Int($0)] }
    }

    /// The slot the routing assigns `device` (nil with no routing).
    func assignment(_ device: Int, routing: CompiledRouting) -> Int? {
        routing.isEmpty ? nil : routing.pick(CompiledRouting.userBucket(device, salt: salt))
    }

    /// Devices never provisioned take their assignment at once.
    mutating func provision(routing: CompiledRouting) {
        guard !routing.isEmpty else { return }
        for device in running.indices where running[device] < 0 {
            running[device] = Int32(routing.pick(CompiledRouting.userBucket(device, salt: salt)))
        }
    }

    /// The devices whose sync falls in [start, end), in time order.
    func syncing(from start: Int64, to end: Int64) -> [Int32] {
        guard end > start, !order.isEmpty else { return [] }
        if end - start >= period { return order }
        let from = VersionMetrics.floorMod(start, period)
        let to = from + (end - start)
        var devices = Array(order[lowerBound(from)..<lowerBound(min(to, period))])
        if to > period { devices += order[0..<lowerBound(to - period)] }
        return devices
    }

    /// The first index whose offset is >= value.
    func lowerBound(_ value: Int64) -> Int {
        var low = 0
        var high = offsets.count
        while low < high {
            let middle = (low + high) / 2
            if offsets[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// Devices per version (in slot order) and offline devices.
    func status(versions: [Int]) -> EdgeFleetStatus {
        var perSlot = [Int](repeating: 0, count: versions.count)
        for slot in running where slot >= 0 { perSlot[Int(slot)] += 1 }
        let running = versions.indices.filter { perSlot[$0] > 0 }
            .map { VersionReplicas(version: versions[$0], count: perSlot[$0]) }
            .sorted { $0.version < $1.version }
        return EdgeFleetStatus(devices: self.running.count, offline: offline.reduce(0) { $0 + ($1 ? 1 : 0) }, running: running)
    }
}

extension ServingSimulator {
    func simulateEdge(_ edge: EdgeFleet, from start: SimTime, to end: SimTime) {
        guard var fleet else { return }
        clearLoads()
        let online = min(1, max(0, edge.onlineShare))
        for device in fleet.syncing(from: start.milliseconds, to: end.milliseconds) {
            let index = Int(device)
            if Sampling.unitInterval(using: &arrivals) < online {
                fleet.offline[index] = false
                if let slot = fleet.assignment(index, routing: core.routing) { fleet.running[index] = Int32(slot) }
            } else {
                fleet.offline[index] = true
            }
        }
        self.fleet = fleet
        var perSlot = [Int](repeating: 0, count: core.versions.count)
        for slot in fleet.running where slot >= 0 { perSlot[Int(slot)] += 1 }
        let seconds = (end - start).seconds
        for slot in perSlot.indices where perSlot[slot] > 0 {
            let count = Sampling.poisson(lambda: Double(perSlot[slot]) * max(0, edge.requestsPerSecond) * seconds, using: &arrivals)
            core.serve(count, at: start, pinned: slot)
        }
    }

    /// The fleet (nil unless the mode is edge).
    public var edgeStatus: EdgeFleetStatus? {
        fleet?.status(versions: core.versions.map(\.version))
    }
}

extension VersionMetrics {
    /// `value` modulo `divisor`, in [0, divisor).
    static func floorMod(_ value: Int64, _ divisor: Int64) -> Int64 {
        ((value % divisor) + divisor) % divisor
    }
}
