@testable import TUICore
import TUITestSupport
import XCTest

final class HistogramTests: XCTestCase {
    private func render(_ histogram: OverlaidHistogram, width: Int, height: Int) -> CellBuffer {
        var buffer = CellBuffer(width: width, height: height)
        histogram.render(into: &buffer, area: buffer.bounds)
        return buffer
    }

    /// A bell curve and the same curve shifted two bins right (drift).
    private let reference: [Double] = [0.01, 0.03, 0.08, 0.15, 0.22, 0.22, 0.15, 0.08, 0.04, 0.02]
    private let current: [Double] = [0.00, 0.01, 0.02, 0.04, 0.09, 0.16, 0.23, 0.22, 0.14, 0.09]
    private let refStyle = Style(fg: .blue)
    private let curStyle = Style(fg: .yellow)

    func testNormalSizeWithLabels() {
        let histogram = OverlaidHistogram(
            reference: reference, current: current,
            referenceStyle: refStyle, currentStyle: curStyle,
            binLabels: (first: "0", last: "1000")
        )
        let buffer = render(histogram, width: 40, height: 10)
        assertSnapshot(buffer, named: "drift-40x10")
        XCTAssertTrue(buffer.text(ofRow: 0).hasSuffix("░ reference  █ current  ▓ both"))
        XCTAssertTrue(buffer.text(ofRow: 9).hasPrefix("0 "))
        XCTAssertTrue(buffer.text(ofRow: 9).hasSuffix("1000 "), "last label ends where the bars end (gap column after)")
    }

    func testOverlapUsesOverlapStyleAndGlyph() {
        let overlap = Style(fg: .green, attributes: .bold)
        let histogram = OverlaidHistogram(
            reference: [1, 1], current: [1, 0.5],
            referenceStyle: refStyle, currentStyle: curStyle, overlapStyle: overlap
        )
        let buffer = render(histogram, width: 4, height: 2)
        // Bin 0: both full -> overlap glyph in overlap style.
        XCTAssertEqual(buffer.lines, ["▓▓░░", "▓▓▓▓"])
        XCTAssertEqual(buffer[0, 0].style, overlap)
        // Bin 1: current fills the bottom cell inside the reference, the reference alone above.
        XCTAssertEqual(buffer[2, 0].style, refStyle)
        XCTAssertEqual(buffer[2, 1].style, overlap)
    }

    func testPartialCurrentInsideReferenceShowsReferenceColourBehind() {
        let histogram = OverlaidHistogram(reference: [1], current: [0.25], referenceStyle: refStyle, currentStyle: curStyle)
        let buffer = render(histogram, width: 1, height: 2)
        // current = 0.25 of 2 rows = 4 eighths: half block in the bottom cell.
        XCTAssertEqual(buffer.lines, ["░", "▄"])
        XCTAssertEqual(buffer[0, 1].style, curStyle.with(bg: .blue))
        // Current alone above the reference: plain current style.
        let taller = render(OverlaidHistogram(reference: [0.5], current: [1], referenceStyle: refStyle, currentStyle: curStyle), width: 1, height: 2)
        XCTAssertEqual(taller.lines, ["█", "▓"])
        XCTAssertEqual(taller[0, 0].style, curStyle)
    }

    func testNarrowWidthMergesBins() {
        let fine = (0..<20).map { i in Double(i < 10 ? i : 19 - i) }
        let histogram = OverlaidHistogram(
            reference: fine, current: fine.reversed().map { $0 * 0.5 },
            referenceStyle: refStyle, currentStyle: curStyle,
            binLabels: (first: "lo", last: "hi")
        )
        let buffer = render(histogram, width: 8, height: 6)
        assertSnapshot(buffer, named: "merged-8x6")
        // 20 bins in 8 columns: groups of 3 -> 7 bars of one column each.
        XCTAssertEqual(buffer.text(ofRow: 4).last, " ", "7 merged bins leave the eighth column empty")
        XCTAssertNotEqual(buffer.text(ofRow: 4).first, " ")
    }

    func testMergeSumsAdjacentBins() {
        XCTAssertEqual(OverlaidHistogram.merge([1, 2, 3, 4, 5], group: 2), [3, 7, 5])
        XCTAssertEqual(OverlaidHistogram.merge([1, 2], group: 1), [1, 2])
    }

    func testHeightsOneToThree() {
        let histogram = OverlaidHistogram(
            reference: reference, current: current,
            referenceStyle: refStyle, currentStyle: curStyle,
            binLabels: (first: "0", last: "1k")
        )
        for height in 1...3 {
            let buffer = render(histogram, width: 30, height: height)
            assertSnapshot(buffer, named: "drift-30x\(height)")
            XCTAssertTrue(buffer.lines.joined().contains("█") || buffer.lines.joined().contains("▓"), "height \(height) draws bars")
        }
    }

    func testASCIIGlyphs() {
        let histogram = OverlaidHistogram(
            reference: reference, current: current,
            referenceStyle: refStyle, currentStyle: curStyle,
            binLabels: (first: "0", last: "1000"), glyphs: .ascii
        )
        let buffer = render(histogram, width: 40, height: 10)
        assertSnapshot(buffer, named: "ascii-40x10")
        XCTAssertTrue(buffer.cells.allSatisfy { $0.scalar.isASCII })
        let text = buffer.lines.joined()
        for glyph in [":", "#", "@"] { XCTAssertTrue(text.contains(glyph), glyph) }
    }

    func testEmptyData() {
        let buffer = render(OverlaidHistogram(reference: [], current: [], referenceStyle: refStyle, currentStyle: curStyle), width: 30, height: 6)
        assertSnapshot(buffer, named: "empty-30x6")
        XCTAssertTrue(buffer.lines.contains { $0.contains("no data") })
    }

    func testNaNNegativeAndMissingBinsCountAsZero() {
        let histogram = OverlaidHistogram(
            reference: [1, .nan, 2, -1], current: [2, 1],
            referenceStyle: refStyle, currentStyle: curStyle
        )
        let buffer = render(histogram, width: 12, height: 5)
        assertSnapshot(buffer, named: "nan-12x5")
        // Bin 3 (negative reference, missing current) is empty.
        for y in 1..<5 { XCTAssertEqual(buffer.text(ofRow: y).suffix(3), "   ") }
    }
}
