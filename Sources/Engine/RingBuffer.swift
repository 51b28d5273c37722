/// A fixed-capacity buffer that keeps the most recent elements: appending to
/// a full buffer drops the oldest. Backed by one array used circularly.
public struct RingBuffer<Element> {
    /// The most elements kept.
    public let capacity: Int
    private var storage: [Element] = []
    /// Index in `storage` of the oldest element once the buffer is full.
    private var start = 0
    /// How many elements were ever appended (kept and dropped).
    public private(set) var totalAppended = 0

    /// An empty buffer keeping at most `capacity` (at least 1) elements.
    public init(capacity: Int) {
        precondition(capacity >= 1, "a ring buffer needs a capacity of at least 1")
        self.capacity = capacity
        storage.reserveCapacity(Swift.min(capacity, 1024))
    }

    /// The number of elements kept.
    public var count: Int { storage.count }

    /// Whether nothing is kept.
    public var isEmpty: Bool { storage.isEmpty }

    /// Adds `element` as the newest, dropping the oldest when full.
    public mutating func append(_ element: Element) {
        totalAppended += 1
        if storage.count < capacity {
            storage.append(element)
        } else {
            storage[start] = element
            start = (start + 1) % capacity
        }
    }

    /// All kept elements, oldest first.
    public var elements: [Element] {
        Array(storage[start...] + storage[..<start])
    }

    /// The newest `limit` elements (fewer if fewer are kept), oldest first.
    public func last(_ limit: Int) -> [Element] {
        let all = elements
        return Array(all.suffix(Swift.max(0, limit)))
    }

    /// The newest element.
    public var newest: Element? {
        guard !storage.isEmpty else { return nil }
        return storage[(start + storage.count - 1) % storage.count]
    }
}

extension RingBuffer: Sendable where Element: Sendable {}
