import TUICore
import XCTest
@testable import Terminal

final class ColorPairTableTests: XCTestCase {
    func testDefaultColoursUsePairZeroWithoutAllocating() {
        var table = ColorPairTable(capacity: 10)
        XCTAssertEqual(table.resolve(fg: .default, bg: .default), .init(pair: 0, isNew: false))
        XCTAssertTrue(table.allocated.isEmpty)
    }

    func testPairsAreAllocatedInFirstUseOrderAndCached() {
        var table = ColorPairTable(capacity: 10)
        XCTAssertEqual(table.resolve(fg: .red, bg: .default), .init(pair: 1, isNew: true))
        XCTAssertEqual(table.resolve(fg: .green, bg: .black), .init(pair: 2, isNew: true))
        XCTAssertEqual(table.resolve(fg: .red, bg: .default), .init(pair: 1, isNew: false))
        XCTAssertEqual(table.resolve(fg: .green, bg: .black), .init(pair: 2, isNew: false))
        XCTAssertEqual(table.allocated, [.init(fg: .red, bg: .default), .init(fg: .green, bg: .black)])
    }

    func testForegroundAndBackgroundAreDistinguished() {
        var table = ColorPairTable(capacity: 10)
        let a = table.resolve(fg: .red, bg: .blue)
        let b = table.resolve(fg: .blue, bg: .red)
        XCTAssertNotEqual(a.pair, b.pair)
    }

    func testExhaustedTableFallsBackToNearestPair() {
        var table = ColorPairTable(capacity: 2)
        _ = table.resolve(fg: .rgb(255, 0, 0), bg: .default)   // pair 1
        _ = table.resolve(fg: .rgb(0, 0, 255), bg: .default)   // pair 2
        let nearRed = table.resolve(fg: .rgb(240, 10, 10), bg: .default)
        XCTAssertEqual(nearRed, .init(pair: 1, isNew: false))
        let nearBlue = table.resolve(fg: .rgb(10, 10, 200), bg: .default)
        XCTAssertEqual(nearBlue, .init(pair: 2, isNew: false))
        XCTAssertEqual(table.allocated.count, 2)
    }

    func testFallbackPrefersDefaultPairWhenBackgroundsDiffer() {
        var table = ColorPairTable(capacity: 1)
        _ = table.resolve(fg: .rgb(255, 255, 255), bg: .rgb(0, 0, 255))
        // Default on default is closer to default-on-default than to a
        // blue background.
        XCTAssertEqual(table.resolve(fg: .default, bg: .rgb(1, 1, 1)).pair, 0)
    }

    func testZeroCapacityNeverAllocates() {
        var table = ColorPairTable(capacity: 0)
        XCTAssertEqual(table.resolve(fg: .red, bg: .black), .init(pair: 0, isNew: false))
        XCTAssertEqual(ColorPairTable(capacity: -5).capacity, 0)
    }

    func testResetForgetsAllocations() {
        var table = ColorPairTable(capacity: 3)
        _ = table.resolve(fg: .red, bg: .black)
        table.reset()
        XCTAssertTrue(table.allocated.isEmpty)
        XCTAssertEqual(table.resolve(fg: .green, bg: .black), .init(pair: 1, isNew: true))
    }

    func testColourNumbers() {
        XCTAssertEqual(NcursesColorNumber.of(.default, depth: .palette256), -1)
        XCTAssertEqual(NcursesColorNumber.of(.indexed(196), depth: .palette256), 196)
        XCTAssertEqual(NcursesColorNumber.of(.indexed(3), depth: .trueColor), 3)
        XCTAssertEqual(NcursesColorNumber.of(.indexed(196), depth: .trueColor), 0xFF0000)
        XCTAssertEqual(NcursesColorNumber.of(.rgb(0x12, 0x34, 0x56), depth: .trueColor), 0x123456)
        XCTAssertEqual(NcursesColorNumber.of(.rgb(0, 0, 0), depth: .trueColor), 8, "0-7 would be ANSI colours")
        XCTAssertEqual(NcursesColorNumber.of(.rgb(255, 0, 0), depth: .palette256), 196)
    }
}
