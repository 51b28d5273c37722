/// A line chart of one or more series with axes, labels, threshold lines and
/// a legend.
///
/// With a glyph set that has braille, every cell is a 2x4 grid of dots and
/// consecutive points of a series are joined by straight lines of dots
/// (Bresenham in dot space). Where several series put dots in the same cell,
/// the cell shows all their dots in the style of the *last* series (in array
/// order) that set a dot there. Without braille (the ASCII set) each series
/// is sampled once per column and drawn as a marker (`*` for the first series,
/// then `+`, `o`, `x`, `#`, `%`) at the nearest row.
///
/// Non-finite points are skipped and break the line. Ranges default to the
/// data: x exactly spans the points, y spans the points and the thresholds
/// with 5% padding. The y axis on the left carries 2-4 labels (bottom, top,
/// and evenly spaced ones in between when the plot is tall enough); the x axis
/// at the bottom carries labels at the start, the end and, when there is
/// room, the middle. Thresholds are dashed lines (every other cell) drawn
/// under the series, with their label in a right margin when there is room
/// or over the right end of the plot otherwise. The legend sits in the
/// top-right row when the chart is at least 6 rows high and the legend fits.
/// Without any finite point the axes are drawn with a centred "no data".
/// Cells the chart does not draw are left untouched.
public struct LineChart: Sendable {
    public var series: [ChartSeries]
    public var xRange: ClosedRange<Double>?
    public var yRange: ClosedRange<Double>?
    public var thresholds: [ChartThreshold]
    public var xLabel: @Sendable (Double) -> String
    public var yLabel: @Sendable (Double) -> String
    public var axisStyle: Style
    public var labelStyle: Style
    public var showLegend: Bool
    public var glyphs: GlyphSet

    /// Markers of the series in the ASCII fallback, by series index (cycled).
    public static let asciiMarkers: [Unicode.Scalar] = ["*", "+", "o", "x", "#", "%"]

    public init(
        series: [ChartSeries],
        xRange: ClosedRange<Double>? = nil,
        yRange: ClosedRange<Double>? = nil,
        thresholds: [ChartThreshold] = [],
        xLabel: @escaping @Sendable (Double) -> String = { ChartNumberFormat.compact($0) },
        yLabel: @escaping @Sendable (Double) -> String = { ChartNumberFormat.compact($0) },
        axisStyle: Style = Style().dim(),
        labelStyle: Style = .plain,
        showLegend: Bool = true,
        glyphs: GlyphSet = .unicode
    ) {
        self.series = series
        self.xRange = xRange
        self.yRange = yRange
        self.thresholds = thresholds
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.axisStyle = axisStyle
        self.labelStyle = labelStyle
        self.showLegend = showLegend
        self.glyphs = glyphs
    }

    /// Draws the chart into `area` of `buffer`.
    public func render(into buffer: inout CellBuffer, area: Rect) {
        guard !area.isEmpty else { return }
        let hasData = series.contains { $0.points.contains { $0.x.isFinite && $0.y.isFinite } }
        let xs = ChartRanges.usable(xRange) ?? ChartRanges.span(of: series.flatMap { $0.points.filter { $0.y.isFinite }.map(\.x) }) ?? 0...1
        let ys = ChartRanges.usable(yRange) ?? resolvedAutoYRange()
        let visibleThresholds = thresholds.filter { $0.value.isFinite && ys.contains($0.value) }
        let legend = legendItems()
        let layout = LineChartLayout(
            area: area,
            legendWidth: showLegend && !series.isEmpty ? legendWidth(legend) : nil,
            yTicks: { yTicks(range: ys, plotHeight: $0) },
            thresholdLabelWidth: visibleThresholds.compactMap { $0.label.map { CharacterWidth.of($0) } }.max() ?? 0
        )
        let plot = layout.plot
        let xMap = mapping(xs, cells: plot.width, perCell: glyphs.hasBraille ? 2 : 1, inverted: false)
        let yMap = mapping(ys, cells: plot.height, perCell: glyphs.hasBraille ? 4 : 1, inverted: true)

        if let row = layout.legendRow { drawLegend(legend, into: &buffer, row: row, area: area) }
        drawAxes(layout, xMap: xMap, xs: xs, into: &buffer)
        for threshold in visibleThresholds {
            guard let row = yMap.cell(threshold.value), plot.width > 0 else { continue }
            for column in stride(from: 0, to: plot.width, by: 2) {
                buffer.set(glyphs.dashed, x: plot.x + column, y: plot.y + row, style: threshold.style)
            }
        }
        if hasData {
            if glyphs.hasBraille {
                plotBraille(into: &buffer, plot: plot, xMap: xMap, yMap: yMap)
            } else {
                plotMarkers(into: &buffer, plot: plot, xMap: xMap, yMap: yMap)
            }
        } else if !plot.isEmpty {
            let message = "no data"
            let width = min(plot.width, message.count)
            let spot = plot.centered(width: width, height: 1)
            buffer.put(message, in: spot, style: labelStyle, ellipsis: glyphs.ellipsis)
        }
        for threshold in visibleThresholds {
            guard let label = threshold.label, let row = yMap.cell(threshold.value) else { continue }
            if let margin = layout.thresholdLabelColumn {
                buffer.put(label, in: Rect(x: margin.x, y: plot.y + row, width: margin.width, height: 1), style: threshold.style, ellipsis: glyphs.ellipsis)
            } else {
                let width = min(plot.width, CharacterWidth.of(label))
                buffer.put(label, in: Rect(x: plot.maxX - width, y: plot.y + row, width: width, height: 1), style: threshold.style, ellipsis: glyphs.ellipsis)
            }
        }
    }

    // MARK: - Ranges and ticks

    private func resolvedAutoYRange() -> ClosedRange<Double> {
        var values = series.flatMap { $0.points.filter { $0.x.isFinite }.map(\.y) }
        values += thresholds.map(\.value)
        guard let span = ChartRanges.span(of: values) else { return 0...1 }
        return ChartRanges.padded(span, fraction: 0.05)
    }

    private func mapping(_ range: ClosedRange<Double>, cells: Int, perCell: Int, inverted: Bool) -> ChartAxisMapping {
        ChartAxisMapping(lower: range.lowerBound, upper: range.upperBound, positions: cells * perCell, positionsPerCell: perCell, inverted: inverted)
    }

    /// 2 labels for a short plot, 3 from 7 rows, 4 from 10 rows; evenly
    /// spaced values, each on the row its value maps to.
    private func yTicks(range: ClosedRange<Double>, plotHeight: Int) -> [(offset: Int, text: String)] {
        let count = min(4, max(2, 1 + (plotHeight - 1) / 3))
        let yMap = mapping(range, cells: plotHeight, perCell: glyphs.hasBraille ? 4 : 1, inverted: true)
        var ticks: [(offset: Int, text: String)] = []
        for i in 0..<count {
            let value = range.lowerBound + (range.upperBound - range.lowerBound) * Double(i) / Double(count - 1)
            guard let row = yMap.cell(value), !ticks.contains(where: { $0.offset == row }) else { continue }
            ticks.append((row, TextSanitizer.clean(yLabel(value))))
        }
        return ticks
    }

    // MARK: - Legend

    private func legendItems() -> [(marker: Unicode.Scalar, name: String, style: Style)] {
        series.enumerated().map { index, s in
            let marker = glyphs.hasBraille ? glyphs.bullet : Self.asciiMarkers[index % Self.asciiMarkers.count]
            return (marker, TextSanitizer.clean(s.name), s.style)
        }
    }

    private func legendWidth(_ items: [(marker: Unicode.Scalar, name: String, style: Style)]) -> Int {
        guard !items.isEmpty else { return 0 }
        return items.reduce(0) { $0 + 2 + CharacterWidth.of($1.name) } + 2 * (items.count - 1)
    }

    private func drawLegend(_ items: [(marker: Unicode.Scalar, name: String, style: Style)], into buffer: inout CellBuffer, row: Int, area: Rect) {
        var x = area.maxX - legendWidth(items)
        for (index, item) in items.enumerated() {
            if index > 0 { x += 2 }
            buffer.set(item.marker, x: x, y: row, style: item.style)
            x += 2
            x += buffer.put(item.name, x: x, y: row, style: item.style)
        }
    }

    // MARK: - Axes

    private func drawAxes(_ layout: LineChartLayout, xMap: ChartAxisMapping, xs: ClosedRange<Double>, into buffer: inout CellBuffer) {
        let plot = layout.plot
        if let column = layout.axisColumn {
            for row in plot.y..<plot.maxY {
                let isTick = layout.yTicks.contains { $0.row == row }
                buffer.set(isTick ? glyphs.teeLeft : glyphs.vertical, x: column, y: row, style: axisStyle)
            }
            if let axisRow = layout.xAxisRow { buffer.set(glyphs.bottomLeft, x: column, y: axisRow, style: axisStyle) }
        }
        if let labels = layout.yLabelColumn {
            for tick in layout.yTicks {
                let text = TextLayout.pad(tick.text, to: labels.width, alignment: .right, ellipsis: glyphs.ellipsis)
                buffer.put(text, x: labels.x, y: tick.row, maxWidth: labels.width, style: labelStyle)
            }
        }
        guard let axisRow = layout.xAxisRow, plot.width > 0 else { return }
        for column in plot.x..<plot.maxX { buffer.set(glyphs.horizontal, x: column, y: axisRow, style: axisStyle) }
        guard let labelRow = layout.xLabelRow else { return }
        let first = TextSanitizer.clean(xLabel(xs.lowerBound))
        let last = TextSanitizer.clean(xLabel(xs.upperBound))
        let firstWidth = CharacterWidth.of(first), lastWidth = CharacterWidth.of(last)
        guard firstWidth + 1 + lastWidth <= plot.width else {
            buffer.put(first, in: Rect(x: plot.x, y: labelRow, width: plot.width, height: 1), style: labelStyle, ellipsis: glyphs.ellipsis)
            return
        }
        buffer.put(first, x: plot.x, y: labelRow, style: labelStyle)
        buffer.put(last, x: plot.maxX - lastWidth, y: labelRow, style: labelStyle)
        buffer.set(glyphs.teeDown, x: plot.x, y: axisRow, style: axisStyle)
        buffer.set(glyphs.teeDown, x: plot.maxX - 1, y: axisRow, style: axisStyle)
        let midValue = (xs.lowerBound + xs.upperBound) / 2
        let middle = TextSanitizer.clean(xLabel(midValue))
        let middleWidth = CharacterWidth.of(middle)
        guard let midColumn = xMap.cell(midValue) else { return }
        let start = plot.x + midColumn - middleWidth / 2
        guard start >= plot.x + firstWidth + 2, start + middleWidth + 2 <= plot.maxX - lastWidth else { return }
        buffer.put(middle, x: start, y: labelRow, style: labelStyle)
        buffer.set(glyphs.teeDown, x: plot.x + midColumn, y: axisRow, style: axisStyle)
    }

    // MARK: - Plotting

    /// The runs of consecutive finite points of a series (a non-finite point
    /// ends a run).
    private func runs(of series: ChartSeries) -> [[(x: Double, y: Double)]] {
        var result: [[(x: Double, y: Double)]] = []
        var current: [(x: Double, y: Double)] = []
        for point in series.points {
            if point.x.isFinite && point.y.isFinite {
                current.append(point)
            } else if !current.isEmpty {
                result.append(current)
                current = []
            }
        }
        if !current.isEmpty { result.append(current) }
        return result
    }

    private func plotBraille(into buffer: inout CellBuffer, plot: Rect, xMap: ChartAxisMapping, yMap: ChartAxisMapping) {
        guard !plot.isEmpty else { return }
        var canvas = BrailleCanvas(width: plot.width, height: plot.height)
        for (index, s) in series.enumerated() {
            for run in runs(of: s) {
                let dots = Self.decimated(run.map { (x: xMap.position($0.x), y: yMap.position($0.y)) })
                if dots.count == 1 {
                    canvas.line(from: dots[0], to: dots[0], tag: index)
                }
                for i in dots.indices.dropFirst() {
                    canvas.line(from: dots[i - 1], to: dots[i], tag: index)
                }
            }
        }
        for row in 0..<plot.height {
            for column in 0..<plot.width {
                guard let scalar = canvas.scalar(column: column, row: row), let tag = canvas.tag(column: column, row: row) else { continue }
                buffer.set(scalar, x: plot.x + column, y: plot.y + row, style: series[tag].style)
            }
        }
    }

    /// The same polyline with fewer points when several fall in one dot
    /// column: per column its first, lowest, highest and last point, in
    /// path order. A connected path inside one column covers exactly
    /// [lowest, highest], so the dots drawn are the same; long histories
    /// on narrow charts cost per column instead of per point.
    static func decimated(_ dots: [(x: Double, y: Double)]) -> [(x: Double, y: Double)] {
        guard dots.count > 8 else { return dots }
        var out: [(x: Double, y: Double)] = []
        out.reserveCapacity(dots.count)
        var start = 0
        while start < dots.count {
            let column = dots[start].x.rounded()
            var end = start + 1
            while end < dots.count && dots[end].x.rounded() == column { end += 1 }
            if end - start <= 4 {
                out.append(contentsOf: dots[start..<end])
            } else {
                var low = start, high = start
                for index in start..<end {
                    if dots[index].y < dots[low].y { low = index }
                    if dots[index].y > dots[high].y { high = index }
                }
                for index in [start, min(low, high), max(low, high), end - 1] where out.last.map({ $0 != dots[index] }) ?? true {
                    out.append(dots[index])
                }
            }
            start = end
        }
        return out
    }

    private func plotMarkers(into buffer: inout CellBuffer, plot: Rect, xMap: ChartAxisMapping, yMap: ChartAxisMapping) {
        guard !plot.isEmpty else { return }
        for (index, s) in series.enumerated() {
            var rowOfColumn = [Int?](repeating: nil, count: plot.width)
            func mark(column: Int, y: Double) {
                guard column >= 0, column < plot.width else { return }
                let row = yMap.position(y).rounded()
                guard row >= 0, row < Double(plot.height) else { return }
                rowOfColumn[column] = Int(row)
            }
            for run in runs(of: s) {
                if run.count == 1 {
                    let p = xMap.position(run[0].x).rounded()
                    if p >= 0, p < Double(plot.width) { mark(column: Int(p), y: run[0].y) }
                }
                for i in run.indices.dropFirst() {
                    let a = run[i - 1], b = run[i]
                    let pa = xMap.position(a.x), pb = xMap.position(b.x)
                    let from = max(0, min(pa, pb).rounded()), to = min(Double(plot.width - 1), max(pa, pb).rounded())
                    guard from <= to else { continue }
                    for column in Int(from)...Int(to) {
                        let t = pa == pb ? 1 : min(1, max(0, (Double(column) - pa) / (pb - pa)))
                        mark(column: column, y: a.y + t * (b.y - a.y))
                    }
                }
            }
            let marker = Self.asciiMarkers[index % Self.asciiMarkers.count]
            for (column, row) in rowOfColumn.enumerated() {
                guard let row else { continue }
                buffer.set(marker, x: plot.x + column, y: plot.y + row, style: s.style)
            }
        }
    }
}
