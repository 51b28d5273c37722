/// A priority queue of future events ordered by time, then priority (lower
/// first), then insertion sequence (earlier first), so two events never tie
/// and the firing order is fully determined by how they were scheduled.
///
/// A binary min-heap in one array. Cancelling is lazy: the entry stays in
/// the heap and is skipped when it reaches the top, but ``count`` only
/// counts live events and a cancelled event is never returned. The heap is
/// compacted when cancelled entries outnumber live ones. Which events are
/// live is one bit per sequence number (see ``LiveSet``), so scheduling,
/// popping and cancelling hash nothing.
///
/// Inlinable, so a client's queue is specialised for its payload (an
/// unspecialised generic queue spent most of its time in metadata lookups
/// and value-witness calls).
public struct EventQueue<Payload> {
    /// Heap entry; ordered by (time, priority, sequence) only.
    @usableFromInline
    struct Entry {
        @usableFromInline var time: Int64
        @usableFromInline var priority: Int
        @usableFromInline var sequence: UInt64
        @usableFromInline var payload: Payload

        @inlinable
        init(time: Int64, priority: Int, sequence: UInt64, payload: Payload) {
            self.time = time
            self.priority = priority
            self.sequence = sequence
            self.payload = payload
        }

        @inlinable
        func precedes(_ other: Entry) -> Bool {
            if time != other.time { return time < other.time }
            if priority != other.priority { return priority < other.priority }
            return sequence < other.sequence
        }
    }

    @usableFromInline var heap: [Entry] = []
    /// The events still waiting (scheduled, not cancelled, not popped).
    @usableFromInline var live = LiveSet()
    @usableFromInline var nextSequence: UInt64 = 0

    /// An empty queue.
    @inlinable
    public init() {}

    /// The number of events waiting (cancelled events are not counted).
    @inlinable
    public var count: Int { live.count }

    /// Whether no event is waiting.
    @inlinable
    public var isEmpty: Bool { live.count == 0 }

    /// When the next event fires, or `nil` when none is waiting.
    @inlinable
    public var nextTime: SimTime? { heap.first.map { SimTime(milliseconds: $0.time) } }

    /// The next event without removing it, or `nil` when none is waiting.
    @inlinable
    public var peek: ScheduledEvent<Payload>? { heap.first.map(Self.event) }

    /// Adds an event firing at `time`; among events at the same time, lower
    /// `priority` fires first, then the one scheduled first.
    /// - Returns: the identifier to cancel the event with.
    @inlinable
    @discardableResult
    public mutating func schedule(_ payload: Payload, at time: SimTime, priority: Int = 0) -> EventID {
        let sequence = nextSequence
        nextSequence += 1
        live.insert(sequence)
        heap.append(Entry(time: time.milliseconds, priority: priority, sequence: sequence, payload: payload))
        siftUp(heap.count - 1)
        return EventID(sequence: sequence)
    }

    /// Cancels a waiting event so it never fires.
    /// - Returns: `true` when the event was waiting; `false` when it already
    ///   fired, was already cancelled or never belonged to this queue.
    @inlinable
    @discardableResult
    public mutating func cancel(_ id: EventID) -> Bool {
        guard live.remove(id.sequence) else { return false }
        discardCancelledTop()
        if heap.count > 64 && heap.count > 2 * live.count {
            let kept = heap.filter { live.contains($0.sequence) }
            heap.removeAll(keepingCapacity: true)
            for entry in kept {
                heap.append(entry)
                siftUp(heap.count - 1)
            }
        }
        return true
    }

    /// Whether the event `id` is still waiting.
    @inlinable
    public func contains(_ id: EventID) -> Bool { live.contains(id.sequence) }

    /// Removes and returns the next event, whatever its time.
    @inlinable
    public mutating func popNext() -> ScheduledEvent<Payload>? {
        guard let entry = removeTop() else { return nil }
        _ = live.remove(entry.sequence)
        discardCancelledTop()
        return Self.event(entry)
    }

    /// Removes and returns the next event if it fires at or before `limit`;
    /// returns `nil` (and leaves the queue unchanged) otherwise.
    @inlinable
    public mutating func popNext(upTo limit: SimTime) -> ScheduledEvent<Payload>? {
        guard let first = heap.first, first.time <= limit.milliseconds else { return nil }
        return popNext()
    }

    @inlinable
    static func event(_ entry: Entry) -> ScheduledEvent<Payload> {
        ScheduledEvent(id: EventID(sequence: entry.sequence), time: SimTime(milliseconds: entry.time),
                       priority: entry.priority, payload: entry.payload)
    }

    /// Keeps the invariant that the heap's minimum, if any, is a live event.
    @inlinable
    mutating func discardCancelledTop() {
        while let top = heap.first, !live.contains(top.sequence) {
            _ = removeTop()
        }
    }

    @inlinable
    mutating func removeTop() -> Entry? {
        guard !heap.isEmpty else { return nil }
        if heap.count == 1 { return heap.removeLast() }
        heap.swapAt(0, heap.count - 1)
        let top = heap.removeLast()
        siftDown(0)
        return top
    }

    @inlinable
    mutating func siftUp(_ start: Int) {
        var child = start
        while child > 0 {
            let parent = (child - 1) / 2
            guard heap[child].precedes(heap[parent]) else { break }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    @inlinable
    mutating func siftDown(_ start: Int) {
        let count = heap.count
        var parent = start
        while true {
            let left = 2 * parent + 1
            guard left < count else { break }
            let right = left + 1
            var first = left
            if right < count && heap[right].precedes(heap[left]) { first = right }
            guard heap[first].precedes(heap[parent]) else { break }
            heap.swapAt(parent, first)
            parent = first
        }
    }
}

/// The live sequence numbers of an ``EventQueue``: one bit per sequence
/// number from the oldest word that still holds a live one (words before it
/// are dropped as they empty), so membership is an index and a mask.
@usableFromInline
struct LiveSet: Sendable {
    @usableFromInline var words: [UInt64] = []
    /// Index in `words` of the first word still kept.
    @usableFromInline var head = 0
    /// Sequence number of bit 0 of `words[head]`.
    @usableFromInline var base: UInt64 = 0
    @usableFromInline var count = 0

    @inlinable
    init() {}

    @inlinable
    func contains(_ sequence: UInt64) -> Bool {
        guard sequence >= base else { return false }
        let word = head + Int((sequence - base) >> 6)
        guard word < words.count else { return false }
        return words[word] & (1 << (sequence & 63)) != 0
    }

    /// Adds a sequence number at or after every one added before.
    @inlinable
    mutating func insert(_ sequence: UInt64) {
        if count == 0 {
            // Nothing live: restart at this sequence's word.
            words.removeAll(keepingCapacity: true)
            head = 0
            base = sequence & ~63
        }
        let word = head + Int((sequence - base) >> 6)
        while words.count <= word { words.append(0) }
        words[word] |= 1 << (sequence & 63)
        count += 1
    }

    /// Removes a sequence number; false when it was not live.
    @inlinable
    mutating func remove(_ sequence: UInt64) -> Bool {
        guard contains(sequence) else { return false }
        let word = head + Int((sequence - base) >> 6)
        words[word] &= ~(1 << (sequence & 63))
        count -= 1
        while head < words.count && words[head] == 0 {
            head += 1
            base += 64
        }
        if head > 64 && head * 2 > words.count {
            words.removeFirst(head)
            head = 0
        }
        return true
    }
}

extension EventQueue: Sendable where Payload: Sendable {}

extension EventQueue.Entry: Sendable where Payload: Sendable {}
