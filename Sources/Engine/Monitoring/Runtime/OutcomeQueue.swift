import SimKernel

/// The watched version's labelled outcomes waiting for their labels: each
/// answered request's time and whether its prediction was wrong, in
/// arrival order. The engine drains the ones whose label has arrived
/// (request time + label delay <= now) into the concept-drift detectors,
/// so the detectors see errors no earlier than a real system would.
///
/// Memory: one `Int64` per request inside the label delay (40 requests/s
/// with a 2-minute delay: 4,800 entries), reused as a ring.
struct OutcomeQueue: Sendable {
    /// `time << 1 | error`, a ring from `head` of `count` entries.
    private var entries: [Int64] = []
    private var head = 0
    private(set) var count = 0

    @inline(__always)
    mutating func append(time: Int64, error: Bool) {
        if count == entries.count { grow() }
        var index = head + count
        if index >= entries.count { index -= entries.count }
        entries[index] = time << 1 | (error ? 1 : 0)
        count += 1
    }

    private mutating func grow() {
        var grown = [Int64](repeating: 0, count: Swift.max(64, entries.count * 2))
        for offset in 0..<count {
            var index = head + offset
            if index >= entries.count { index -= entries.count }
            grown[offset] = entries[index]
        }
        entries = grown
        head = 0
    }

    /// Removes the outcomes of requests at or before `time`, oldest first,
    /// handing each to `body` (request time, error).
    mutating func drain(through time: SimTime, _ body: (SimTime, Bool) -> Void) {
        let limit = time.milliseconds
        while count > 0 {
            let entry = entries[head]
            let at = entry >> 1
            guard at <= limit else { return }
            body(SimTime(milliseconds: at), entry & 1 == 1)
            head += 1
            if head == entries.count { head = 0 }
            count -= 1
        }
    }
}
