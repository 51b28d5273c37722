import XCTest
import SimKernel

final class EventQueueTests: XCTestCase {
    private func drain(_ queue: inout EventQueue<String>) -> [String] {
        var fired: [String] = []
        while let event = queue.popNext() { fired.append(event.payload) }
        return fired
    }

    func testOrdersByTime() {
        var queue = EventQueue<String>()
        queue.schedule("c", at: SimTime(milliseconds: 300))
        queue.schedule("a", at: SimTime(milliseconds: 100))
        queue.schedule("b", at: SimTime(milliseconds: 200))
        XCTAssertEqual(queue.nextTime, SimTime(milliseconds: 100))
        XCTAssertEqual(drain(&queue), ["a", "b", "c"])
    }

    func testSameTimeOrdersByPriorityLowerFirst() {
        var queue = EventQueue<String>()
        let time = SimTime(milliseconds: 50)
        queue.schedule("late", at: time, priority: 5)
        queue.schedule("early", at: time, priority: -1)
        queue.schedule("middle", at: time, priority: 0)
        XCTAssertEqual(drain(&queue), ["early", "middle", "late"])
    }

    func testFullTieOrdersByInsertion() {
        var queue = EventQueue<String>()
        let time = SimTime(milliseconds: 7)
        let names = (0..<50).map { "e\($0)" }
        for name in names { queue.schedule(name, at: time, priority: 1) }
        XCTAssertEqual(drain(&queue), names)
    }

    func testIdsAreInsertionSequence() {
        var queue = EventQueue<String>()
        let first = queue.schedule("x", at: SimTime(milliseconds: 9))
        let second = queue.schedule("y", at: SimTime(milliseconds: 1))
        XCTAssertEqual(first.sequence, 0)
        XCTAssertEqual(second.sequence, 1)
        XCTAssertEqual(queue.popNext()?.id, second)
    }

    func testCancelledEventsNeverPopAndCountIsRight() {
        var queue = EventQueue<String>()
        let a = queue.schedule("a", at: SimTime(milliseconds: 1))
        queue.schedule("b", at: SimTime(milliseconds: 2))
        let c = queue.schedule("c", at: SimTime(milliseconds: 3))
        XCTAssertEqual(queue.count, 3)
        XCTAssertTrue(queue.cancel(a))
        XCTAssertFalse(queue.cancel(a), "second cancel of the same event")
        XCTAssertEqual(queue.count, 2)
        XCTAssertEqual(queue.nextTime, SimTime(milliseconds: 2), "cancelled head is not peeked")
        XCTAssertEqual(queue.peek?.payload, "b")
        XCTAssertTrue(queue.cancel(c))
        XCTAssertFalse(queue.contains(c))
        XCTAssertEqual(queue.count, 1)
        XCTAssertEqual(drain(&queue), ["b"])
        XCTAssertTrue(queue.isEmpty)
        XCTAssertNil(queue.nextTime)
        XCTAssertFalse(queue.cancel(EventID(sequence: 99)))
    }

    func testCancelAfterPopReturnsFalse() {
        var queue = EventQueue<String>()
        let id = queue.schedule("a", at: .zero)
        XCTAssertNotNil(queue.popNext())
        XCTAssertFalse(queue.cancel(id))
        XCTAssertEqual(queue.count, 0)
    }

    func testManyCancellationsKeepOrderAndCount() {
        var queue = EventQueue<String>()
        var ids: [EventID] = []
        for index in 0..<1_000 {
            ids.append(queue.schedule("\(index)", at: SimTime(milliseconds: Int64((index * 7919) % 1_000))))
        }
        for (index, id) in ids.enumerated() where index % 3 != 0 {
            XCTAssertTrue(queue.cancel(id))
        }
        XCTAssertEqual(queue.count, 334)
        var previous = SimTime(milliseconds: -1)
        var popped = 0
        while let event = queue.popNext() {
            XCTAssertEqual(Int(event.payload)! % 3, 0)
            XCTAssertGreaterThanOrEqual(event.time, previous)
            previous = event.time
            popped += 1
        }
        XCTAssertEqual(popped, 334)
    }

    func testPopNextUpToIncludesTheBoundary() {
        var queue = EventQueue<String>()
        queue.schedule("at", at: SimTime(milliseconds: 100))
        queue.schedule("after", at: SimTime(milliseconds: 101))
        XCTAssertNil(queue.popNext(upTo: SimTime(milliseconds: 99)))
        XCTAssertEqual(queue.count, 2)
        XCTAssertEqual(queue.popNext(upTo: SimTime(milliseconds: 100))?.payload, "at")
        XCTAssertNil(queue.popNext(upTo: SimTime(milliseconds: 100)))
        XCTAssertEqual(queue.count, 1)
        XCTAssertEqual(queue.popNext(upTo: SimTime(milliseconds: 101))?.payload, "after")
        XCTAssertNil(queue.popNext(upTo: SimTime(milliseconds: 1_000)))
    }
}
