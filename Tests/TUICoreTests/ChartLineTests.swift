@testable import TUICore
import TUITestSupport
import XCTest

final class ChartLineTests: XCTestCase {
    private func render(_ chart: LineChart, width: Int, height: Int) -> CellBuffer {
        var buffer = CellBuffer(width: width, height: height)
        chart.render(into: &buffer, area: buffer.bounds)
        return buffer
    }

    private let sine = (0..<60).map { sin(Double($0) * 2 * Double.pi / 30) }
    private let cosine = (0..<60).map { cos(Double($0) * 2 * Double.pi / 30) }

    private func isBraille(_ scalar: Unicode.Scalar) -> Bool { (0x2801...0x28FF).contains(scalar.value) }

    func testSineWaveNormalSize() {
        let chart = LineChart(series: [ChartSeries(name: "sin", values: sine, style: Style(fg: .green))])
        let buffer = render(chart, width: 60, height: 16)
        assertSnapshot(buffer, named: "sine-60x16")
        // The top label is the padded maximum, the bottom one the padded minimum.
        XCTAssertTrue(buffer.text(ofRow: 1).hasPrefix(" 1.09┤"))
        XCTAssertTrue(buffer.text(ofRow: 13).hasPrefix("-1.09┤"))
    }

    func testTwoSeriesThresholdsAndLegend() {
        let chart = LineChart(
            series: [
                ChartSeries(name: "train", values: sine, style: Style(fg: .green)),
                ChartSeries(name: "val", values: cosine, style: Style(fg: .yellow)),
            ],
            thresholds: [
                ChartThreshold(value: 0.5, label: "limit", style: Style(fg: .red)),
                ChartThreshold(value: -0.8, style: Style(fg: .magenta)),
            ]
        )
        let buffer = render(chart, width: 64, height: 14)
        assertSnapshot(buffer, named: "two-series-thresholds-64x14")
        XCTAssertTrue(buffer.text(ofRow: 0).hasSuffix("• train  • val"))
        XCTAssertTrue(buffer.lines.contains { $0.hasSuffix("limit") })
    }

    func testThresholdSitsOnTheRowOfItsValueUnderTheSeries() {
        // Height 2 leaves no room for axes: the plot is the whole area.
        // y 0...8 on 8 dot rows: value 4 -> dot row 3.5 -> 4 -> cell row 1.
        let diagonal = ChartSeries(name: "s", points: [(x: 0, y: 8), (x: 10, y: 0)], style: Style(fg: .blue))
        let chart = LineChart(
            series: [diagonal], xRange: 0...10, yRange: 0...8,
            thresholds: [ChartThreshold(value: 4, style: Style(fg: .red))], showLegend: false
        )
        let buffer = render(chart, width: 10, height: 2)
        XCTAssertTrue(buffer.text(ofRow: 1).contains("╌"), buffer.text(ofRow: 1))
        XCTAssertFalse(buffer.text(ofRow: 0).contains("╌"))
        // Where the diagonal crosses the threshold row, the series wins.
        let crossing = (0..<10).filter { isBraille(buffer[$0, 1].scalar) }
        XCTAssertFalse(crossing.isEmpty)
        for x in crossing { XCTAssertEqual(buffer[x, 1].style, Style(fg: .blue)) }
        for x in stride(from: 0, to: 10, by: 2) where !crossing.contains(x) {
            XCTAssertEqual(buffer[x, 1].scalar, "╌")
            XCTAssertEqual(buffer[x, 1].style, Style(fg: .red))
        }
        for x in stride(from: 1, to: 10, by: 2) where !crossing.contains(x) {
            XCTAssertEqual(buffer[x, 1].scalar, " ", "dashes every other cell")
        }
    }

    func testLastSeriesStylesASharedCell() {
        let a = ChartSeries(name: "a", points: [(x: 0, y: 0), (x: 1, y: 0)], style: Style(fg: .red))
        let b = ChartSeries(name: "b", points: [(x: 0, y: 1), (x: 1, y: 1)], style: Style(fg: .blue))
        let chart = LineChart(series: [a, b], xRange: 0...1, yRange: 0...1, showLegend: false)
        let buffer = render(chart, width: 1, height: 1)
        // Both lines fall in the single cell: top and bottom dot rows, both columns.
        XCTAssertEqual(buffer[0, 0].scalar, "\u{28C9}")
        XCTAssertEqual(buffer[0, 0].style, Style(fg: .blue))
        let reversed = render(LineChart(series: [b, a], xRange: 0...1, yRange: 0...1, showLegend: false), width: 1, height: 1)
        XCTAssertEqual(reversed[0, 0].style, Style(fg: .red))
    }

    func testNarrowWidth() {
        let chart = LineChart(series: [ChartSeries(name: "loss", values: sine, style: .plain)])
        let buffer = render(chart, width: 12, height: 8)
        assertSnapshot(buffer, named: "sine-12x8")
    }

    func testHeightsOneToThree() {
        let chart = LineChart(series: [ChartSeries(name: "sin", values: sine, style: .plain)])
        for height in 1...3 {
            let buffer = render(chart, width: 30, height: height)
            assertSnapshot(buffer, named: "sine-30x\(height)")
            XCTAssertTrue(buffer.lines.joined().unicodeScalars.contains { isBraille($0) }, "height \(height) still plots")
        }
    }

    func testASCIIFallback() {
        let chart = LineChart(
            series: [
                ChartSeries(name: "sin", values: sine, style: .plain),
                ChartSeries(name: "cos", values: cosine, style: .plain),
            ],
            thresholds: [ChartThreshold(value: 0.5, label: "max", style: .plain)],
            glyphs: .ascii
        )
        let buffer = render(chart, width: 60, height: 14)
        assertSnapshot(buffer, named: "ascii-60x14")
        XCTAssertTrue(buffer.cells.allSatisfy { $0.scalar.isASCII })
        XCTAssertTrue(buffer.lines.joined().contains("*"))
        XCTAssertTrue(buffer.lines.joined().contains("+"))
    }

    func testEmptySeriesShowAxesAndNoData() {
        let chart = LineChart(series: [ChartSeries(name: "latency", values: [], style: .plain)])
        let buffer = render(chart, width: 30, height: 8)
        assertSnapshot(buffer, named: "empty-30x8")
        XCTAssertTrue(buffer.lines.contains { $0.contains("no data") })
        let none = render(LineChart(series: []), width: 30, height: 8)
        XCTAssertTrue(none.lines.contains { $0.contains("no data") })
    }

    func testNaNBreaksTheLine() {
        var values = (0..<40).map { Double($0) }
        for i in 15..<25 { values[i] = .nan }
        let chart = LineChart(series: [ChartSeries(name: "rps", values: values, style: .plain)], showLegend: false)
        let buffer = render(chart, width: 40, height: 10)
        assertSnapshot(buffer, named: "nan-gap-40x10")
        // The plotted columns that hold the gap (x 16...23) have no dots.
        let plotLeft = buffer.text(ofRow: 0).firstIndex(of: "┤").map { buffer.text(ofRow: 0).distance(from: buffer.text(ofRow: 0).startIndex, to: $0) + 1 }!
        let plotWidth = 40 - plotLeft
        let gapColumns = (plotLeft + plotWidth * 16 / 39 + 1)..<(plotLeft + plotWidth * 23 / 39)
        for y in 0..<8 {
            for x in gapColumns { XCTAssertFalse(isBraille(buffer[x, y].scalar), "dot at \(x),\(y)") }
        }
    }

    func testExplicitRangesAndCustomLabels() {
        let points = [(x: 0.0, y: 0.2), (x: 30.0, y: 0.9), (x: 60.0, y: 0.5)]
        let chart = LineChart(
            series: [ChartSeries(name: "acc", points: points, style: Style(fg: .cyan))],
            xRange: 0...60, yRange: 0...1,
            thresholds: [ChartThreshold(value: 0.75, label: "SLO 75%", style: Style(fg: .red))],
            xLabel: { "\(Int($0))m" },
            yLabel: { "\(Int(($0 * 100).rounded()))%" }
        )
        let buffer = render(chart, width: 50, height: 12)
        assertSnapshot(buffer, named: "labels-50x12")
        XCTAssertTrue(buffer.lines.last!.hasPrefix("     0m"))
        XCTAssertTrue(buffer.lines.last!.contains("30m"))
        XCTAssertTrue(buffer.lines.last!.hasSuffix("60m        "))
        XCTAssertTrue(buffer.lines.contains { $0.hasPrefix("100%┤") })
        XCTAssertTrue(buffer.lines.contains { $0.hasPrefix("  0%┤") })
    }

    func testAutoRangeIncludesThresholds() {
        let chart = LineChart(
            series: [ChartSeries(name: "p99", values: [0.2, 0.4, 0.3, 0.5], style: .plain)],
            thresholds: [ChartThreshold(value: 2, label: "SLO", style: Style(fg: .red))],
            showLegend: false
        )
        let buffer = render(chart, width: 30, height: 8)
        // Range 0.2...2 padded by 5% (0.09): top label 2.09, threshold on the top plot row.
        XCTAssertTrue(buffer.text(ofRow: 0).hasPrefix("2.09┤╌ ╌"), buffer.text(ofRow: 0))
        XCTAssertTrue(buffer.text(ofRow: 0).hasSuffix("SLO"))
    }

    func testThresholdLabelOverlaysThePlotWhenNoMarginFits() {
        let chart = LineChart(
            series: [ChartSeries(name: "x", values: [0, 1, 0, 1], style: .plain)],
            yRange: 0...1,
            thresholds: [ChartThreshold(value: 0.5, label: "lim", style: Style(fg: .red))],
            showLegend: false
        )
        let buffer = render(chart, width: 12, height: 6)
        assertSnapshot(buffer, named: "narrow-threshold-12x6")
        let row = buffer.lines.firstIndex { $0.contains("╌") }!
        XCTAssertTrue(buffer.text(ofRow: row).hasSuffix("lim"))
        XCTAssertEqual(buffer[11, row].style, Style(fg: .red))
    }

    func testSinglePointAndFarOutsidePoints() {
        let single = LineChart(series: [ChartSeries(name: "x", values: [3], style: .plain)], showLegend: false)
        let buffer = render(single, width: 20, height: 6)
        assertSnapshot(buffer, named: "single-point-20x6")
        XCTAssertEqual(buffer.lines.joined().unicodeScalars.filter { isBraille($0) }.count, 1)
        // A segment to a point far outside the range is clipped, not walked.
        let wild = LineChart(series: [ChartSeries(name: "w", points: [(x: 0, y: 0), (x: 1, y: 1e300)], style: .plain)], xRange: 0...1, yRange: 0...1)
        let clipped = render(wild, width: 20, height: 6)
        XCTAssertTrue(clipped.lines.joined().unicodeScalars.contains { isBraille($0) })
    }
}

final class ChartSupportTests: XCTestCase {
    func testCompactNumbers() {
        let cases: [(Double, String)] = [
            (0, "0"), (1, "1"), (-1.1, "-1.1"), (0.25, "0.25"), (12.34, "12.3"), (150, "150"),
            (1500, "1.5k"), (-2_500_000, "-2.5M"), (0.00123, "0.0012"), (-0.0001, "-0.0001"),
            (.nan, "nan"), (.infinity, "inf"), (-0.000_000_001, "0"),
        ]
        for (value, expected) in cases { XCTAssertEqual(ChartNumberFormat.compact(value), expected, "\(value)") }
    }

    func testBrailleDotBits() {
        var canvas = BrailleCanvas(width: 1, height: 1)
        XCTAssertNil(canvas.scalar(column: 0, row: 0))
        canvas.set(x: 0, y: 0)
        XCTAssertEqual(canvas.scalar(column: 0, row: 0), "\u{2801}")
        canvas.set(x: 1, y: 3, tag: 7)
        XCTAssertEqual(canvas.scalar(column: 0, row: 0), "\u{2881}")
        XCTAssertEqual(canvas.tag(column: 0, row: 0), 7)
        var full = BrailleCanvas(width: 1, height: 1)
        for x in 0..<2 { for y in 0..<4 { full.set(x: x, y: y) } }
        XCTAssertEqual(full.scalar(column: 0, row: 0), "\u{28FF}")
    }

    func testBresenhamLineCoversEveryColumn() {
        var canvas = BrailleCanvas(width: 4, height: 1)
        canvas.line(from: (x: 0, y: 0), to: (x: 7, y: 3))
        // A diagonal 8 dots wide, 4 dots high: every cell has dots.
        for column in 0..<4 { XCTAssertNotNil(canvas.scalar(column: column, row: 0)) }
        XCTAssertEqual(canvas.scalar(column: 0, row: 0), "\u{2809}")
        XCTAssertEqual(canvas.scalar(column: 3, row: 0), "\u{28C0}")
    }
}

final class LineChartDecimationTests: XCTestCase {
    /// A long noisy polyline drawn whole and decimated lights the same dots.
    func testDecimatedPolylineDrawsTheSameDots() {
        var state: UInt64 = 12345
        let dots: [(x: Double, y: Double)] = (0..<2000).map { index in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return (x: Double(index) * 0.05, y: Double(state >> 40) / Double(1 << 24) * 40)
        }
        func draw(_ points: [(x: Double, y: Double)]) -> [Unicode.Scalar?] {
            var canvas = BrailleCanvas(width: 60, height: 12)
            for i in points.indices.dropFirst() { canvas.line(from: points[i - 1], to: points[i]) }
            return (0..<12).flatMap { row in (0..<60).map { canvas.scalar(column: $0, row: row) } }
        }
        let decimated = LineChart.decimated(dots)
        XCTAssertLessThan(decimated.count, dots.count / 3)
        XCTAssertEqual(draw(decimated), draw(dots))
    }
}
