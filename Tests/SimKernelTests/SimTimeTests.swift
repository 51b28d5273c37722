import XCTest
import SimKernel

final class SimTimeTests: XCTestCase {
    func testArithmeticWithDurations() {
        let start = SimTime(milliseconds: 1_000)
        XCTAssertEqual(start + .seconds(2), SimTime(milliseconds: 3_000))
        XCTAssertEqual(start - .milliseconds(500), SimTime(milliseconds: 500))
        XCTAssertEqual(SimTime(milliseconds: 5_000) - start, .seconds(4))
        var moving = SimTime.zero
        moving += .minutes(1)
        XCTAssertEqual(moving.sinceEpoch, .minutes(1))
        XCTAssertEqual(SimTime(sinceEpoch: .hours(1)).milliseconds, 3_600_000)
        XCTAssertLessThan(SimTime.zero, start)
    }

    func testClockLabel() {
        XCTAssertEqual(SimTime.zero.clockLabel, "d0 00:00:00")
        XCTAssertEqual((SimTime.zero + .seconds(330)).clockLabel, "d0 00:05:30")
        XCTAssertEqual((SimTime.zero + .seconds(330) + .milliseconds(999)).clockLabel, "d0 00:05:30")
        XCTAssertEqual((SimTime.zero + .days(12) + .hours(23) + .minutes(59) + .seconds(59)).clockLabel, "d12 23:59:59")
        XCTAssertEqual((SimTime.zero + .days(1)).clockLabel, "d1 00:00:00")
        XCTAssertEqual(SimTime(milliseconds: -1_000).clockLabel, "-d0 00:00:01")
        XCTAssertEqual((SimTime.zero + .hours(7)).description, "d0 07:00:00")
    }

    func testCodableAsMilliseconds() throws {
        let data = try JSONEncoder().encode([SimTime(milliseconds: 42)])
        XCTAssertEqual(String(decoding: data, as: UTF8.self), "[42]")
        XCTAssertEqual(try JSONDecoder().decode([SimTime].self, from: data), [SimTime(milliseconds: 42)])
    }
}
