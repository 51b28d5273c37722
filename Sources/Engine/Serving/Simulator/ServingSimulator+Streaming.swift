import SimKernel

/// A streaming deployment's queue: FIFO chunks of events that arrived in
/// the same slice. At most ``maximumChunks`` are kept: beyond, the two
/// oldest merge (their arrival time becomes the count-weighted mean), so
/// memory stays fixed however long the backlog grows.
struct StreamQueue: Sendable {
    static let maximumChunks = 4096

    struct Chunk: Sendable {
        /// Mean arrival time, milliseconds.
        var arrival: Double
        var count: Int
    }

    var chunks: [Chunk] = []
    var head = 0
    var backlog = 0
    /// Consumption capacity carried over (fractions of an event).
    var carry = 0.0

    mutating func append(_ chunk: Chunk) {
        guard chunk.count > 0 else { return }
        if chunks.count - head >= Self.maximumChunks {
            let first = chunks[head]
            let second = chunks[head + 1]
            let count = first.count + second.count
            chunks[head + 1] = Chunk(arrival: (first.arrival * Double(first.count) + second.arrival * Double(second.count)) / Double(count),
                                     count: count)
            head += 1
        }
        chunks.append(chunk)
        backlog += chunk.count
        if head > 1024 && head * 2 > chunks.count {
            chunks.removeFirst(head)
            head = 0
        }
    }

    /// Takes up to `limit` events from the front: (count, arrival) parts.
    mutating func take(_ limit: Int) -> [Chunk] {
        var parts: [Chunk] = []
        var remaining = limit
        while remaining > 0 && head < chunks.count {
            let taken = min(remaining, chunks[head].count)
            parts.append(Chunk(arrival: chunks[head].arrival, count: taken))
            chunks[head].count -= taken
            remaining -= taken
            backlog -= taken
            if chunks[head].count == 0 { head += 1 }
        }
        if head == chunks.count {
            chunks.removeAll(keepingCapacity: true)
            head = 0
        }
        return parts
    }

    var oldestArrival: Double? { head < chunks.count ? chunks[head].arrival : nil }
}

extension ServingSimulator {
    func simulateStreaming(_ traffic: StreamingTraffic, from start: SimTime, seconds: Double) {
        guard var queue = stream else { return }
        clearLoads()
        let middle = Double(start.milliseconds) + seconds * 500
        let arrived = Sampling.poisson(lambda: max(0, traffic.ratePerSecond) * seconds, using: &arrivals)
        queue.append(StreamQueue.Chunk(arrival: middle, count: arrived))
        let capacity = max(0, traffic.consumerPerSecond) * Double(liveReplicas) * seconds + queue.carry
        let limit = Int(capacity.rounded(.down))
        let parts = queue.take(limit)
        let consumed = parts.reduce(0) { $0 + $1.count }
        // Unused capacity does not carry over an empty queue.
        queue.carry = consumed == limit && queue.backlog > 0 ? capacity - Double(limit) : 0
        stream = queue
        for part in parts {
            core.serve(part.count, at: start, extraWaitMs: max(0, middle - part.arrival))
        }
    }

    /// The queue (nil unless the mode is streaming).
    public var streamingStatus: StreamingStatus? {
        guard let stream, case .streaming(let traffic) = spec.mode else { return nil }
        let lag = stream.oldestArrival.map { max(0, Int64((Double(now.milliseconds) - $0).rounded())) } ?? 0
        return StreamingStatus(backlog: stream.backlog, lag: .milliseconds(lag),
                               consumptionPerSecond: max(0, traffic.consumerPerSecond) * Double(liveReplicas))
    }
}
