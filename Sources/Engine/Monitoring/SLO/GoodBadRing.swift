import SimKernel

/// Good and bad request counts per fixed slot of simulated time (a minute,
/// an hour), for the last `capacity` slots: a ring of two fixed arrays.
/// Slot `i` covers `[i·slotLength, (i+1)·slotLength)` milliseconds.
struct GoodBadRing: Sendable, Hashable {
    let slotLength: Int64
    let capacity: Int
    private var good: ContiguousArray<Int>
    private var bad: ContiguousArray<Int>
    /// The absolute index of the newest slot written (nil before any).
    private(set) var newestSlot: Int64?

    init(slotLength: SimDuration, capacity: Int) {
        self.slotLength = max(1, slotLength.milliseconds)
        self.capacity = max(1, capacity)
        good = ContiguousArray(repeating: 0, count: self.capacity)
        bad = ContiguousArray(repeating: 0, count: self.capacity)
    }

    /// The absolute slot of `time` (floor division, also before time zero).
    func slot(of time: SimTime) -> Int64 {
        let (quotient, remainder) = time.milliseconds.quotientAndRemainder(dividingBy: slotLength)
        return remainder < 0 ? quotient - 1 : quotient
    }

    private func position(_ slot: Int64) -> Int {
        let remainder = Int(slot % Int64(capacity))
        return remainder < 0 ? remainder + capacity : remainder
    }

    /// Adds counts at `time`. A later slot clears the slots it skips; counts
    /// for a slot already out of the ring are dropped.
    mutating func add(good goodCount: Int, bad badCount: Int, at time: SimTime) {
        let target = slot(of: time)
        if let newest = newestSlot {
            if target > newest {
                if target - newest >= Int64(capacity) {
                    for index in 0..<capacity {
                        good[index] = 0
                        bad[index] = 0
                    }
                } else {
                    var cleared = newest + 1
                    while cleared <= target {
                        let index = position(cleared)
                        good[index] = 0
                        bad[index] = 0
                        cleared += 1
                    }
                }
                newestSlot = target
            } else if target <= newest - Int64(capacity) {
                return
            }
        } else {
            newestSlot = target
        }
        let index = position(target)
        good[index] += goodCount
        bad[index] += badCount
    }

    /// The counts of the slots `first...last` that the ring still holds.
    func sums(from first: Int64, through last: Int64) -> (good: Int, bad: Int) {
        guard let newest = newestSlot else { return (0, 0) }
        let low = max(first, newest - Int64(capacity) + 1)
        let high = min(last, newest)
        guard low <= high else { return (0, 0) }
        var goodSum = 0, badSum = 0
        var slot = low
        while slot <= high {
            let index = position(slot)
            goodSum += good[index]
            badSum += bad[index]
            slot += 1
        }
        return (goodSum, badSum)
    }
}
