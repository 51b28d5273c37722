import HeapModule

/// A priority queue of future events ordered by time, then priority (lower
/// first), then insertion sequence (earlier first), so two events never tie
/// and the firing order is fully determined by how they were scheduled.
///
/// Built on `Heap` from swift-collections. Cancelling is lazy: the entry stays
/// in the heap and is skipped when it reaches the top, but ``count`` only
/// counts live events and a cancelled event is never returned. The heap is
/// compacted when cancelled entries outnumber live ones.
public struct EventQueue<Payload> {
    /// Heap entry; compares by (time, priority, sequence) only.
    fileprivate struct Entry: Comparable {
        var event: ScheduledEvent<Payload>

        static func == (lhs: Entry, rhs: Entry) -> Bool { lhs.event.id == rhs.event.id }

        static func < (lhs: Entry, rhs: Entry) -> Bool {
            if lhs.event.time != rhs.event.time { return lhs.event.time < rhs.event.time }
            if lhs.event.priority != rhs.event.priority { return lhs.event.priority < rhs.event.priority }
            return lhs.event.id < rhs.event.id
        }
    }

    private var heap = Heap<Entry>()
    /// Identifiers of the events still waiting (scheduled, not cancelled, not popped).
    private var live = Set<EventID>()
    private var nextSequence: UInt64 = 0

    /// An empty queue.
    public init() {}

    /// The number of events waiting (cancelled events are not counted).
    public var count: Int { live.count }

    /// Whether no event is waiting.
    public var isEmpty: Bool { live.isEmpty }

    /// When the next event fires, or `nil` when none is waiting.
    public var nextTime: SimTime? { heap.min?.event.time }

    /// The next event without removing it, or `nil` when none is waiting.
    public var peek: ScheduledEvent<Payload>? { heap.min?.event }

    /// Adds an event firing at `time`; among events at the same time, lower
    /// `priority` fires first, then the one scheduled first.
    /// - Returns: the identifier to cancel the event with.
    @discardableResult
    public mutating func schedule(_ payload: Payload, at time: SimTime, priority: Int = 0) -> EventID {
        let id = EventID(sequence: nextSequence)
        nextSequence += 1
        heap.insert(Entry(event: ScheduledEvent(id: id, time: time, priority: priority, payload: payload)))
        live.insert(id)
        return id
    }

    /// Cancels a waiting event so it never fires.
    /// - Returns: `true` when the event was waiting; `false` when it already
    ///   fired, was already cancelled or never belonged to this queue.
    @discardableResult
    public mutating func cancel(_ id: EventID) -> Bool {
        guard live.remove(id) != nil else { return false }
        discardCancelledTop()
        if heap.count > 64 && heap.count > 2 * live.count {
            heap = Heap(heap.unordered.filter { live.contains($0.event.id) })
        }
        return true
    }

    /// Whether the event `id` is still waiting.
    public func contains(_ id: EventID) -> Bool { live.contains(id) }

    /// Removes and returns the next event, whatever its time.
    public mutating func popNext() -> ScheduledEvent<Payload>? {
        guard let entry = heap.popMin() else { return nil }
        live.remove(entry.event.id)
        discardCancelledTop()
        return entry.event
    }

    /// Removes and returns the next event if it fires at or before `limit`;
    /// returns `nil` (and leaves the queue unchanged) otherwise.
    public mutating func popNext(upTo limit: SimTime) -> ScheduledEvent<Payload>? {
        guard let time = nextTime, time <= limit else { return nil }
        return popNext()
    }

    /// Keeps the invariant that the heap's minimum, if any, is a live event.
    private mutating func discardCancelledTop() {
        while let top = heap.min, !live.contains(top.event.id) {
            heap.removeMin()
        }
    }
}

extension EventQueue: Sendable where Payload: Sendable {}

extension EventQueue.Entry: Sendable where Payload: Sendable {}
