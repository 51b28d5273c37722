import SimKernel

/// A batch deployment's jobs: the one running and the last finished.
public struct BatchStatus: Sendable, Hashable {
    /// When the next job is due.
    public var nextJobAt: SimTime
    public var running: BatchJobReport?
    public var last: BatchJobReport?
}

/// One batch scoring job.
public struct BatchJobReport: Sendable, Hashable {
    public var start: SimTime
    /// When it finished (nil while running): start + rows / throughput.
    public var end: SimTime?
    public var rows: Int
    public var scored: Int
    /// Rows per second: `rowsPerSecond` times the live replicas at its start.
    public var throughput: Double
    public var errors: Int

    /// How long it took (nil while running).
    public var duration: SimDuration? { end.map { $0 - start } }
}

/// A streaming deployment's queue.
public struct StreamingStatus: Sendable, Hashable {
    /// Events waiting (the lag in events).
    public var backlog: Int
    /// Age of the oldest waiting event (the lag in time).
    public var lag: SimDuration
    /// Events per second the live replicas can consume.
    public var consumptionPerSecond: Double
}

/// An edge fleet: which version each device runs.
public struct EdgeFleetStatus: Sendable, Hashable {
    public var devices: Int
    /// Devices whose last sync found them offline.
    public var offline: Int
    /// Devices running each version (ordered by version); devices not yet
    /// provisioned run none.
    public var running: [VersionReplicas]

    /// Devices running `version`.
    public func devices(on version: Int) -> Int {
        running.first { $0.version == version }?.count ?? 0
    }
}

/// Whole numbers with thousands separators: `12,345`.
func groupedInteger(_ value: Int) -> String {
    let digits = String(value.magnitude)
    var result = ""
    for (index, character) in digits.enumerated() {
        if index > 0 && (digits.count - index) % 3 == 0 { result.append(",") }
        result.append(character)
    }
    return value < 0 ? "-" + result : result
}

/// A rate for a status line: `42`, `3.5`, `1,200`.
func rateText(_ value: Double) -> String {
    if value >= 100 { return groupedInteger(Int(value.rounded())) }
    if value >= 10 || value == value.rounded() { return String(Int(value.rounded())) }
    return String(Double(Int((value * 10).rounded())) / 10)
}
