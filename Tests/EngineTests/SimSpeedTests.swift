import XCTest
import Engine

final class SimSpeedTests: XCTestCase {
    func testLadderOrder() {
        XCTAssertEqual(SimSpeed.ladder.map(\.description),
                       ["1x", "2x", "5x", "10x", "30x", "60x", "120x", "300x", "600x", "1800x", "3600x", "max"])
    }

    func testFasterWalksUpTheLadderToMax() {
        var speed = SimSpeed.realTime
        var seen = [speed]
        while speed != .max {
            speed = speed.faster()
            seen.append(speed)
        }
        XCTAssertEqual(seen, SimSpeed.ladder)
        XCTAssertEqual(SimSpeed.max.faster(), .max)
    }

    func testSlowerWalksDownTheLadderToOne() {
        var speed = SimSpeed.max
        var seen = [speed]
        while speed != .realTime {
            speed = speed.slower()
            seen.append(speed)
        }
        XCTAssertEqual(seen, SimSpeed.ladder.reversed())
        XCTAssertEqual(SimSpeed.realTime.slower(), .realTime)
    }

    func testOffLadderSpeedsStepToNeighbours() {
        XCTAssertEqual(SimSpeed.multiplier(7).faster(), .multiplier(10))
        XCTAssertEqual(SimSpeed.multiplier(7).slower(), .multiplier(5))
        XCTAssertEqual(SimSpeed.multiplier(5000).faster(), .max)
        XCTAssertEqual(SimSpeed.multiplier(5000).slower(), .multiplier(3600))
    }

    func testParsing() {
        XCTAssertEqual(SimSpeed(parsing: "60x"), .multiplier(60))
        XCTAssertEqual(SimSpeed(parsing: "60"), .multiplier(60))
        XCTAssertEqual(SimSpeed(parsing: "max"), .max)
        XCTAssertNil(SimSpeed(parsing: "0x"))
        XCTAssertNil(SimSpeed(parsing: "x"))
        XCTAssertNil(SimSpeed(parsing: "-5x"))
        XCTAssertNil(SimSpeed(parsing: "fast"))
    }

    func testOrdering() {
        XCTAssertLessThan(SimSpeed.multiplier(3600), .max)
        XCTAssertLessThan(SimSpeed.multiplier(2), .multiplier(10))
        XCTAssertFalse(SimSpeed.max < .max)
    }
}
