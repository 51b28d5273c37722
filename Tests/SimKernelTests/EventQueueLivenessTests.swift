import XCTest
import SimKernel

/// Which events are still waiting, over long histories: the queue tracks
/// them by sequence number and drops what lies behind the oldest live one.
final class EventQueueLivenessTests: XCTestCase {
    func testAnOldEventStaysLiveWhileThousandsComeAndGo() {
        var queue = EventQueue<Int>()
        let old = queue.schedule(-1, at: SimTime(milliseconds: 1_000_000))
        var fired: [Int] = []
        for round in 0..<100 {
            var ids: [EventID] = []
            for index in 0..<100 { ids.append(queue.schedule(round * 100 + index, at: SimTime(milliseconds: Int64(round)))) }
            for (index, id) in ids.enumerated() where index % 2 == 1 { XCTAssertTrue(queue.cancel(id)) }
            while let event = queue.popNext(upTo: SimTime(milliseconds: Int64(round))) { fired.append(event.payload) }
            for id in ids { XCTAssertFalse(queue.contains(id)) }
        }
        XCTAssertEqual(fired, (0..<10_000).filter { $0 % 2 == 0 })
        XCTAssertTrue(queue.contains(old))
        XCTAssertEqual(queue.count, 1)
        XCTAssertTrue(queue.cancel(old))
        XCTAssertFalse(queue.cancel(old))
        XCTAssertTrue(queue.isEmpty)
        XCTAssertNil(queue.popNext())
    }

    func testEmptyingAndRefillingKeepsIdsAndLiveness() {
        var queue = EventQueue<Int>()
        var previous: [EventID] = []
        for round in 0..<300 {
            let ids = (0..<(round % 7 + 1)).map { queue.schedule($0, at: SimTime(milliseconds: Int64(round))) }
            for id in previous { XCTAssertFalse(queue.contains(id)) }
            for id in ids { XCTAssertTrue(queue.contains(id)) }
            XCTAssertEqual(queue.count, ids.count)
            while queue.popNext() != nil {}
            XCTAssertTrue(queue.isEmpty)
            XCTAssertFalse(ids.contains { queue.cancel($0) }, "fired events cannot be cancelled")
            previous = ids
        }
        XCTAssertEqual(queue.schedule(0, at: .zero).sequence, UInt64((0..<300).reduce(0) { $0 + $1 % 7 + 1 }))
    }
}
