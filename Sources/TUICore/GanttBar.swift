/// One span of time on a `GanttChart` row, e.g. one attempt of a step.
public struct GanttBar: Sendable, Hashable {
    /// Start in milliseconds (same clock as the chart's range).
    public var start: Int64
    /// End in milliseconds; `nil` while still running (drawn up to `now`).
    public var end: Int64?
    public var style: Style
    /// Fill character; `nil` uses solid blocks with a partial last cell.
    public var glyph: Unicode.Scalar?

    public init(start: Int64, end: Int64?, style: Style, glyph: Unicode.Scalar? = nil) {
        self.start = start
        self.end = end
        self.style = style
        self.glyph = glyph
    }
}

/// One labelled row of a `GanttChart`, e.g. a step with its attempts.
public struct GanttRow: Sendable, Hashable {
    public var label: String
    public var bars: [GanttBar]
    /// Style of the label.
    public var style: Style

    public init(label: String, bars: [GanttBar], style: Style = .plain) {
        self.label = label
        self.bars = bars
        self.style = style
    }
}
