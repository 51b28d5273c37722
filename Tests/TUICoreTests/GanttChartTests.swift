import TUITestSupport
import XCTest
@testable import TUICore

final class GanttChartTests: XCTestCase {
    private let ok = Style(fg: .indexed(2))
    private let failed = Style(fg: .indexed(1))
    private let running = Style(fg: .indexed(3))

    private func pipelineRows() -> [GanttRow] {
        [
            GanttRow(label: "sample", bars: [GanttBar(start: 0, end: 20_000, style: ok)]),
            GanttRow(label: "validate", bars: [GanttBar(start: 20_000, end: 35_000, style: ok)]),
            GanttRow(label: "train", bars: [
                GanttBar(start: 35_000, end: 65_000, style: failed, glyph: "✗"),
                GanttBar(start: 95_000, end: 130_000, style: failed, glyph: "✗"),
                GanttBar(start: 190_000, end: 250_000, style: ok),
            ]),
            GanttRow(label: "evaluate-on-holdout-set", bars: [GanttBar(start: 250_000, end: nil, style: running)]),
            GanttRow(label: "register", bars: []),
        ]
    }

    private func render(_ chart: GanttChart, width: Int, height: Int) -> CellBuffer {
        var buffer = CellBuffer(width: width, height: height)
        chart.render(into: &buffer, area: buffer.bounds)
        return buffer
    }

    func testRetriesOnOneRow() {
        let chart = GanttChart(rows: pipelineRows(), start: 0, end: 300_000, now: 280_000)
        let buffer = render(chart, width: 60, height: 6)
        assertSnapshot(buffer, named: "retries")
        let train = buffer.text(ofRow: 2)
        // Two failed attempts and the successful one, separated by gaps.
        let runs = train.dropFirst(15).split(whereSeparator: { $0 == " " || $0 == "│" })
        XCTAssertEqual(runs.map(String.init), ["✗✗✗✗✗", "✗✗✗✗✗✗", "████████▌"], train)
    }

    func testRunningBarEndsAtNow() {
        let rows = [GanttRow(label: "train", bars: [GanttBar(start: 0, end: nil, style: running)])]
        let chart = GanttChart(rows: rows, start: 0, end: 100_000, now: 50_000, labelWidth: 6)
        let buffer = render(chart, width: 47, height: 3)
        assertSnapshot(buffer, named: "running")
        // Track is 40 cells from column 7; now = half way = cell 20.
        XCTAssertEqual(buffer[7 + 19, 0].scalar, "█")
        XCTAssertEqual(buffer[7 + 20, 0].scalar, "│", "the now marker follows the running bar")
        XCTAssertEqual(buffer[7 + 21, 0].scalar, " ")
        XCTAssertEqual(buffer[7 + 20, 1].scalar, "│")
    }

    func testPartialCellsAndMinimumWidth() {
        let rows = [
            GanttRow(label: "a", bars: [GanttBar(start: 0, end: 1_000, style: ok)]),
            GanttRow(label: "b", bars: [GanttBar(start: 0, end: 31_250, style: ok)]),
            GanttRow(label: "c", bars: [GanttBar(start: 40_000, end: 40_000, style: ok)]),
        ]
        let chart = GanttChart(rows: rows, start: 0, end: 100_000, labelWidth: 2)
        let buffer = render(chart, width: 23, height: 4)
        let track = 3
        XCTAssertEqual(buffer[track, 0].scalar, "█", "a tiny bar still takes one cell")
        XCTAssertEqual(buffer[track + 1, 0].scalar, " ")
        // 31.25% of 20 cells = 6.25 cells: six full cells and a quarter block.
        XCTAssertEqual((0..<6).map { buffer[track + $0, 1].scalar }, Array(repeating: "█", count: 6))
        XCTAssertEqual(buffer[track + 6, 1].scalar, "▎")
        XCTAssertEqual(buffer[track + 8, 2].scalar, "█", "a zero-length bar still shows")
    }

    func testNarrowWidth() {
        let chart = GanttChart(rows: pipelineRows(), start: 0, end: 300_000, now: 280_000, selected: 2)
        assertSnapshot(render(chart, width: 20, height: 6), named: "narrow")
    }

    func testAsciiIsPureASCII() {
        var rows = pipelineRows()
        rows[2].bars[0].glyph = "x"
        rows[2].bars[1].glyph = "x"
        let chart = GanttChart(rows: rows, start: 0, end: 300_000, now: 280_000, glyphs: .ascii)
        let buffer = render(chart, width: 50, height: 6)
        for line in buffer.lines { XCTAssertTrue(line.unicodeScalars.allSatisfy(\.isASCII), line) }
        assertSnapshot(buffer, named: "ascii")
    }

    func testSelectionScrollsRowsIntoView() {
        let rows = (0..<20).map { GanttRow(label: "step \($0)", bars: [GanttBar(start: Int64($0) * 1000, end: Int64($0) * 1000 + 3000, style: ok)]) }
        let chart = GanttChart(rows: rows, start: 0, end: 25_000, selected: 12, offset: 0)
        XCTAssertEqual(chart.firstVisibleRow(visibleRows: 5), 8)
        let buffer = render(chart, width: 40, height: 6)
        XCTAssertTrue(buffer.text(ofRow: 0).hasPrefix("step 8"))
        XCTAssertTrue(buffer.text(ofRow: 4).hasPrefix("step 12"))
        XCTAssertTrue(buffer[0, 4].style.attributes.contains(.reverse))
        XCTAssertFalse(buffer[0, 3].style.attributes.contains(.reverse))
        let scrolledPast = GanttChart(rows: rows, start: 0, end: 25_000, selected: 2, offset: 10)
        XCTAssertEqual(scrolledPast.firstVisibleRow(visibleRows: 5), 2)
        XCTAssertEqual(GanttChart(rows: rows, start: 0, end: 1, offset: 99).firstVisibleRow(visibleRows: 5), 15)
    }

    func testElapsedLabel() {
        XCTAssertEqual(GanttChart.elapsedLabel(0), "0s")
        XCTAssertEqual(GanttChart.elapsedLabel(45_900), "45s")
        XCTAssertEqual(GanttChart.elapsedLabel(90_000), "1m30s")
        XCTAssertEqual(GanttChart.elapsedLabel(125_000), "2m05s")
        XCTAssertEqual(GanttChart.elapsedLabel(120_000), "2m")
        XCTAssertEqual(GanttChart.elapsedLabel(3_900_000), "1h05m")
        XCTAssertEqual(GanttChart.elapsedLabel(-30_000), "-30s")
    }
}
