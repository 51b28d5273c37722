/// Where the parts of a `LineChart` go inside its area. Parts are dropped as
/// space runs out, in this order: legend row (needs height 6), x labels row
/// (needs 4 rows left), axis lines (need 3 rows), y labels (need the plot to
/// keep 6 columns), threshold-label margin (needs the plot to keep 8 columns).
struct LineChartLayout: Sendable {
    /// A y-axis tick: its row and label text.
    struct Tick: Sendable {
        let row: Int
        let text: String
    }

    var legendRow: Int?
    var xLabelRow: Int?
    var xAxisRow: Int?
    var axisColumn: Int?
    /// Left edge and width of the y-label column.
    var yLabelColumn: (x: Int, width: Int)?
    var yTicks: [Tick] = []
    /// Left edge and width of the right margin for threshold labels.
    var thresholdLabelColumn: (x: Int, width: Int)?
    var plot: Rect = .zero

    /// - Parameters:
    ///   - legendWidth: columns the legend needs, or nil for no legend.
    ///   - yTicks: the tick labels for a plot of a given height, as
    ///     (offset from the plot's top row, text).
    ///   - thresholdLabelWidth: widest threshold label, 0 when none.
    init(
        area: Rect,
        legendWidth: Int?,
        yTicks: (_ plotHeight: Int) -> [(offset: Int, text: String)],
        thresholdLabelWidth: Int
    ) {
        var top = area.y, bottom = area.maxY
        if let legendWidth, area.height >= 6, legendWidth <= area.width {
            legendRow = top
            top += 1
        }
        if bottom - top >= 4 {
            xLabelRow = bottom - 1
            bottom -= 1
        }
        if bottom - top >= 3 {
            xAxisRow = bottom - 1
            bottom -= 1
        }
        let plotHeight = bottom - top
        var left = area.x
        var right = area.maxX
        if xAxisRow != nil, area.width >= 3 {
            if plotHeight >= 2 {
                let ticks = yTicks(plotHeight)
                let width = ticks.map { CharacterWidth.of($0.text) }.max() ?? 0
                if width > 0, area.width - width - 1 >= 6 {
                    yLabelColumn = (left, width)
                    self.yTicks = ticks.map { Tick(row: top + $0.offset, text: $0.text) }
                    left += width
                }
            }
            axisColumn = left
            left += 1
        }
        if thresholdLabelWidth > 0, right - left - (thresholdLabelWidth + 1) >= 8 {
            thresholdLabelColumn = (right - thresholdLabelWidth, thresholdLabelWidth)
            right -= thresholdLabelWidth + 1
        }
        plot = Rect(x: left, y: top, width: right - left, height: plotHeight)
    }
}
