import XCTest
import Engine

final class RingBufferTests: XCTestCase {
    func testKeepsTheNewestInOrder() {
        var buffer = RingBuffer<Int>(capacity: 3)
        XCTAssertTrue(buffer.isEmpty)
        XCTAssertNil(buffer.newest)
        for value in 1...2 { buffer.append(value) }
        XCTAssertEqual(buffer.elements, [1, 2])
        for value in 3...7 { buffer.append(value) }
        XCTAssertEqual(buffer.elements, [5, 6, 7])
        XCTAssertEqual(buffer.count, 3)
        XCTAssertEqual(buffer.totalAppended, 7)
        XCTAssertEqual(buffer.newest, 7)
        XCTAssertEqual(buffer.last(2), [6, 7])
        XCTAssertEqual(buffer.last(10), [5, 6, 7])
        XCTAssertEqual(buffer.last(0), [])
    }

    func testCapacityOne() {
        var buffer = RingBuffer<String>(capacity: 1)
        buffer.append("a")
        buffer.append("b")
        XCTAssertEqual(buffer.elements, ["b"])
    }
}
