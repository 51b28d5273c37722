import TUICore
import XCTest

final class LayoutTests: XCTestCase {
    private let area = Rect(x: 2, y: 3, width: 20, height: 5)

    func testLengthsAreExactAndConsecutive() {
        let parts = Layout.split(area, .horizontal, [.length(3), .length(5)])
        XCTAssertEqual(parts, [Rect(x: 2, y: 3, width: 3, height: 5), Rect(x: 5, y: 3, width: 5, height: 5)])
    }

    func testPercentageIsOfTheWholeArea() {
        let parts = Layout.split(area, .horizontal, [.percentage(25), .percentage(50)])
        XCTAssertEqual(parts.map(\.width), [5, 10])
        XCTAssertEqual(parts.map(\.x), [2, 7])
    }

    func testFillSharesTheRestByWeightExactly() {
        let parts = Layout.split(area, .horizontal, [.length(2), .fill(1), .fill(2)])
        XCTAssertEqual(parts.map(\.width), [2, 6, 12])
        let odd = Layout.split(Rect(x: 0, y: 0, width: 10, height: 1), .horizontal, [.fill(), .fill(), .fill()])
        XCTAssertEqual(odd.map(\.width), [4, 3, 3])
        XCTAssertEqual(odd.map(\.x), [0, 4, 7])
    }

    func testMinTakesAtLeastItsSizeAndSharesLikeFill() {
        let parts = Layout.split(area, .horizontal, [.min(8), .fill(1)])
        // 8 given first, the remaining 12 shared 1:1.
        XCTAssertEqual(parts.map(\.width), [14, 6])
        let tight = Layout.split(Rect(x: 0, y: 0, width: 8, height: 1), .horizontal, [.min(8), .fill(1)])
        XCTAssertEqual(tight.map(\.width), [8, 0])
    }

    func testFillWithZeroWeightGetsNothing() {
        let parts = Layout.split(area, .horizontal, [.fill(0), .fill(1)])
        XCTAssertEqual(parts.map(\.width), [0, 20])
    }

    func testUnusedSpaceStaysAtTheEndWithoutFlexibleParts() {
        let parts = Layout.split(area, .vertical, [.length(1), .length(2)])
        XCTAssertEqual(parts, [Rect(x: 2, y: 3, width: 20, height: 1), Rect(x: 2, y: 4, width: 20, height: 2)])
    }

    func testShortageShrinksFromTheLastBackwards() {
        let parts = Layout.split(Rect(x: 0, y: 0, width: 10, height: 1), .horizontal, [.length(6), .length(3), .length(4)])
        XCTAssertEqual(parts.map(\.width), [6, 3, 1])
        let severe = Layout.split(Rect(x: 0, y: 0, width: 5, height: 1), .horizontal, [.length(4), .length(3), .length(4)])
        XCTAssertEqual(severe.map(\.width), [4, 1, 0])
        XCTAssertEqual(severe.map(\.x), [0, 4, 5])
    }

    func testSpacingSeparatesParts() {
        let parts = Layout.split(Rect(x: 0, y: 0, width: 11, height: 1), .horizontal, [.fill(), .fill(), .fill()], spacing: 1)
        XCTAssertEqual(parts.map(\.width), [3, 3, 3])
        XCTAssertEqual(parts.map(\.x), [0, 4, 8])
    }

    func testSpacingNeverPushesOutsideTheArea() {
        let parts = Layout.split(Rect(x: 0, y: 0, width: 3, height: 1), .horizontal, [.length(2), .length(2), .length(2)], spacing: 2)
        XCTAssertEqual(parts.count, 3)
        for part in parts {
            XCTAssertGreaterThanOrEqual(part.x, 0)
            XCTAssertLessThanOrEqual(part.maxX, 3)
        }
        assertNoOverlap(parts)
    }

    func testResultCountMatchesAndRectsStayInsideForManyInputs() {
        let kinds: [Constraint] = [.length(3), .percentage(40), .min(2), .fill(1), .fill(3), .length(0), .percentage(150)]
        for width in [0, 1, 5, 13, 40] {
            for spacing in [0, 1, 3] {
                for count in 1...kinds.count {
                    let constraints = Array(kinds.prefix(count))
                    let outer = Rect(x: 1, y: 1, width: width, height: 2)
                    let parts = outer.split(.horizontal, constraints, spacing: spacing)
                    XCTAssertEqual(parts.count, constraints.count)
                    for part in parts {
                        XCTAssertGreaterThanOrEqual(part.x, outer.x)
                        XCTAssertLessThanOrEqual(part.maxX, outer.maxX)
                    }
                    assertNoOverlap(parts)
                }
            }
        }
    }

    func testEmptyConstraintsGiveNoRects() {
        XCTAssertEqual(Layout.split(area, .horizontal, []), [])
    }

    func testDistributeUsesLargestRemainders() {
        XCTAssertEqual(Layout.distribute(10, weights: [1, 1, 1]), [4, 3, 3])
        XCTAssertEqual(Layout.distribute(7, weights: [1, 2, 0]), [2, 5, 0])
        XCTAssertEqual(Layout.distribute(5, weights: [0, 0]), [0, 0])
    }

    private func assertNoOverlap(_ parts: [Rect], file: StaticString = #filePath, line: UInt = #line) {
        for i in parts.indices {
            for j in parts.indices where j > i {
                XCTAssertTrue(parts[i].intersection(parts[j]).isEmpty, "\(parts[i]) overlaps \(parts[j])", file: file, line: line)
            }
        }
    }
}
