import TUICore
import TUITestSupport
import XCTest

final class StackedBarTests: XCTestCase {
    private let split = [
        BarSegment(label: "v3", value: 90, style: Style(fg: .blue)),
        BarSegment(label: "v4", value: 10, style: Style(fg: .magenta)),
    ]

    func testWidthsSumExactlyWithLargestRemainder() {
        let bar = StackedBar(segments: [
            BarSegment(label: "a", value: 1, style: .plain),
            BarSegment(label: "b", value: 1, style: .plain),
            BarSegment(label: "c", value: 1, style: .plain),
        ])
        XCTAssertEqual(bar.widths(total: 10), [4, 3, 3])
        XCTAssertEqual(bar.widths(total: 11), [4, 4, 3])
        XCTAssertEqual(StackedBar(segments: split).widths(total: 30), [27, 3])
    }

    func testTinyNonZeroSegmentStillGetsACell() {
        let bar = StackedBar(segments: [
            BarSegment(label: "v1", value: 99, style: .plain),
            BarSegment(label: "v2", value: 1, style: .plain),
            BarSegment(label: "v3", value: 0, style: .plain),
        ])
        XCTAssertEqual(bar.widths(total: 10), [9, 1, 0])
        XCTAssertEqual(bar.widths(total: 20), [19, 1, 0])
    }

    func testNegativeNaNAndZeroTotal() {
        let bar = StackedBar(segments: [
            BarSegment(label: "x", value: -5, style: .plain),
            BarSegment(label: "y", value: .nan, style: .plain),
            BarSegment(label: "z", value: 2, style: .plain),
        ])
        XCTAssertEqual(bar.widths(total: 6), [0, 0, 6])
        XCTAssertEqual(bar.percentages, [0, 0, 100])
        let zero = StackedBar(segments: [BarSegment(label: "x", value: 0, style: .plain)])
        XCTAssertEqual(zero.widths(total: 6), [0])
    }

    func testNormalWithLegend() {
        var buffer = CellBuffer(width: 30, height: 2)
        StackedBar(segments: split).render(into: &buffer, area: buffer.bounds)
        assertSnapshot(buffer, named: "normal")
        XCTAssertTrue(buffer.text(ofRow: 0).contains("v3 90%"))
        XCTAssertTrue(buffer.text(ofRow: 0).hasSuffix("v4█"), "a segment too narrow for \"v4 10%\" shows the bare label")
        XCTAssertEqual(buffer.text(ofRow: 1), "█ v3 90%  █ v4 10%            ")
    }

    func testNarrowDropsLabelsAndLegendEntriesThatDoNotFit() {
        var buffer = CellBuffer(width: 9, height: 2)
        StackedBar(segments: split).render(into: &buffer, area: buffer.bounds)
        assertSnapshot(buffer, named: "narrow")
        XCTAssertEqual(buffer.text(ofRow: 1), "█ v3 90% ")
    }

    func testASCIIWithoutLabels() {
        var buffer = CellBuffer(width: 20, height: 2)
        StackedBar(segments: split, showLabels: false, glyphs: .ascii).render(into: &buffer, area: buffer.bounds)
        assertSnapshot(buffer, named: "ascii")
        assertOnlyASCII(buffer)
        XCTAssertEqual(buffer.text(ofRow: 0), String(repeating: "#", count: 20))
    }

    func testEmptySegments() {
        var buffer = CellBuffer(width: 8, height: 2)
        StackedBar(segments: [], emptyStyle: Style().dim()).render(into: &buffer, area: buffer.bounds)
        assertSnapshot(buffer, named: "empty")
        XCTAssertEqual(buffer.lines, ["        ", "        "])
        XCTAssertEqual(buffer[0, 0].style, Style().dim())
    }
}
