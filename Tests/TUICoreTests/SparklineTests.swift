import TUICore
import TUITestSupport
import XCTest

final class SparklineTests: XCTestCase {
    private func render(_ sparkline: Sparkline, width: Int, height: Int) -> CellBuffer {
        var buffer = CellBuffer(width: width, height: height)
        sparkline.render(into: &buffer, area: buffer.bounds)
        return buffer
    }

    private let wave: [Double] = (0..<40).map { 5 + 5 * sin(Double($0) / 3) }

    func testOneRowShowsOneLevelPerValue() {
        let buffer = render(Sparkline(values: [0, 1, 2, 3, 4, 5, 6, 7], maxValue: 7), width: 8, height: 1)
        XCTAssertEqual(buffer.text(ofRow: 0), "▁▂▃▄▅▆▇█")
    }

    func testNormalSizeWave() {
        let buffer = render(Sparkline(values: wave, style: Style(fg: .green)), width: 40, height: 1)
        assertSnapshot(buffer, named: "wave-40x1")
    }

    func testStackedLevelsWhenTaller() {
        let buffer = render(Sparkline(values: wave, style: Style(fg: .cyan)), width: 40, height: 3)
        assertSnapshot(buffer, named: "wave-40x3")
        XCTAssertEqual(buffer[0, 2].scalar, "█", "first value 5 of 0...10 fills the bottom row")
    }

    func testNarrowShowsLastValuesOnly() {
        let values = (0..<30).map(Double.init)
        let buffer = render(Sparkline(values: values, minValue: nil), width: 10, height: 2)
        assertSnapshot(buffer, named: "narrow-10x2")
        XCTAssertEqual(buffer.text(ofRow: 1).first, "▁", "the oldest visible value (20) is the minimum")
        XCTAssertEqual(buffer.text(ofRow: 0).last, "█", "the newest value (29) is the maximum")
    }

    func testFewValuesAreRightAligned() {
        let buffer = render(Sparkline(values: [1, 2, 4], maxValue: 4), width: 8, height: 1)
        XCTAssertEqual(buffer.text(ofRow: 0), "     ▃▅█")
    }

    func testNaNAndInfinityAreBlank() {
        let values: [Double] = [1, .nan, 3, .infinity, 5, -.infinity, 7, 8]
        let buffer = render(Sparkline(values: values, maxValue: 8), width: 8, height: 1)
        assertSnapshot(buffer, named: "nan-8x1")
        XCTAssertEqual(buffer[1, 0].scalar, " ")
        XCTAssertEqual(buffer[3, 0].scalar, " ")
        XCTAssertEqual(buffer[5, 0].scalar, " ")
        XCTAssertEqual(buffer[7, 0].scalar, "█")
    }

    func testAllEqualValuesDrawAFlatMidLine() {
        let flat = render(Sparkline(values: Array(repeating: 3, count: 6), minValue: nil), width: 6, height: 1)
        XCTAssertEqual(flat.text(ofRow: 0), "▄▄▄▄▄▄")
        let zeros = render(Sparkline(values: Array(repeating: 0, count: 6)), width: 6, height: 2)
        XCTAssertEqual(zeros.lines, ["      ", "██████"])
    }

    func testMaxBelowMinIsTreatedAsFlat() {
        let buffer = render(Sparkline(values: [1, 2, 3], maxValue: -1, minValue: 0), width: 3, height: 1)
        XCTAssertEqual(buffer.text(ofRow: 0), "▄▄▄")
    }

    func testValuesOutsideBoundsAreClamped() {
        let buffer = render(Sparkline(values: [-5, 50], maxValue: 10, minValue: 0), width: 2, height: 1)
        XCTAssertEqual(buffer.text(ofRow: 0), "▁█")
    }

    func testASCIIGlyphsArePureASCII() {
        let buffer = render(Sparkline(values: wave, glyphs: .ascii), width: 40, height: 2)
        assertSnapshot(buffer, named: "ascii-40x2")
        XCTAssertTrue(buffer.cells.allSatisfy { $0.scalar.isASCII })
        XCTAssertTrue(buffer.lines.joined().contains("@"))
    }

    func testEmptyValuesDrawNothing() {
        let buffer = render(Sparkline(values: []), width: 5, height: 2)
        XCTAssertEqual(buffer, CellBuffer(width: 5, height: 2))
        let onlyNaN = render(Sparkline(values: [.nan, .nan]), width: 5, height: 2)
        XCTAssertEqual(onlyNaN, CellBuffer(width: 5, height: 2))
    }

    func testDrawsOnlyInsideItsArea() {
        var buffer = CellBuffer(width: 10, height: 3, fill: Cell("x"))
        Sparkline(values: [1, 2, 3, 4], maxValue: 4).render(into: &buffer, area: Rect(x: 2, y: 1, width: 4, height: 1))
        XCTAssertEqual(buffer.lines, ["xxxxxxxxxx", "xx▃▅▆█xxxx", "xxxxxxxxxx"])
    }
}
