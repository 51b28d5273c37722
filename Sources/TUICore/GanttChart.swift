/// A timeline: one row per item with its bars scaled to [`start`, `end`],
/// labels on the left, a time axis at the bottom and a marker at `now`.
/// Rows scroll like a table: `offset` is the first row shown, moved just
/// enough to keep `selected` visible.
public struct GanttChart: Sendable {
    public var rows: [GanttRow]
    public var start: Int64
    public var end: Int64
    public var now: Int64?
    public var selected: Int?
    public var offset: Int
    public var labelWidth: Int
    public var axisStyle: Style
    public var selectedStyle: Style
    /// Text of an axis tick, given the milliseconds since `start`.
    public var timeLabel: @Sendable (Int64) -> String
    public var glyphs: GlyphSet

    public init(
        rows: [GanttRow], start: Int64, end: Int64, now: Int64? = nil, selected: Int? = nil, offset: Int = 0,
        labelWidth: Int = 14, axisStyle: Style = Style().dim(), selectedStyle: Style = Style().reversed(),
        timeLabel: @escaping @Sendable (Int64) -> String = GanttChart.elapsedLabel, glyphs: GlyphSet = .unicode
    ) {
        self.rows = rows
        self.start = start
        self.end = end
        self.now = now
        self.selected = selected
        self.offset = offset
        self.labelWidth = labelWidth
        self.axisStyle = axisStyle
        self.selectedStyle = selectedStyle
        self.timeLabel = timeLabel
        self.glyphs = glyphs
    }

    /// A compact duration: "0s", "45s", "1m30s", "2m", "1h05m", "3h".
    @Sendable public static func elapsedLabel(_ ms: Int64) -> String {
        if ms < 0 { return "-" + elapsedLabel(-ms) }
        let seconds = ms / 1000
        if seconds < 60 { return "\(seconds)s" }
        if seconds < 3600 {
            let s = seconds % 60
            return s == 0 ? "\(seconds / 60)m" : "\(seconds / 60)m" + (s < 10 ? "0" : "") + "\(s)s"
        }
        let m = (seconds % 3600) / 60
        return m == 0 ? "\(seconds / 3600)h" : "\(seconds / 3600)h" + (m < 10 ? "0" : "") + "\(m)m"
    }

    /// The first row shown for a viewport of `visibleRows` rows.
    public func firstVisibleRow(visibleRows: Int) -> Int {
        guard visibleRows > 0 else { return 0 }
        var first = max(0, min(offset, rows.count - visibleRows))
        if let selected, selected >= 0, selected < rows.count {
            if selected < first { first = selected }
            if selected >= first + visibleRows { first = selected - visibleRows + 1 }
        }
        return first
    }

    /// Clears `area` and draws the chart into it.
    public func render(into buffer: inout CellBuffer, area: Rect) {
        let area = area.intersection(buffer.bounds)
        guard !area.isEmpty else { return }
        buffer.fill(area, style: .plain)
        let hasAxis = area.height >= 2
        let visibleRows = area.height - (hasAxis ? 1 : 0)
        let labelW = min(max(0, labelWidth), max(0, (area.width - 1) / 3))
        let trackX = labelW > 0 ? area.x + labelW + 1 : area.x
        let trackW = area.maxX - trackX
        guard trackW > 0 else { return }
        let span = max(1, end - start)
        func eighths(_ t: Int64) -> Int {
            let clamped = min(max(t, start), end)
            return Int((clamped - start) * Int64(trackW) * 8 / span)
        }

        let first = firstVisibleRow(visibleRows: visibleRows)
        for r in 0..<visibleRows {
            let index = first + r
            guard index < rows.count else { break }
            let row = rows[index]
            let y = area.y + r
            if labelW > 0 {
                let text = TextLayout.pad(TextSanitizer.clean(row.label), to: labelW, ellipsis: glyphs.ellipsis)
                let style = index == selected ? row.style.overlaid(by: selectedStyle) : row.style
                buffer.put(text, x: area.x, y: y, maxWidth: labelW, style: style)
            }
            for bar in row.bars {
                let barEnd = max(bar.start, bar.end ?? now ?? end)
                guard barEnd >= start, bar.start <= end else { continue }
                drawBar(bar, from: eighths(bar.start), to: eighths(barEnd), trackX: trackX, trackW: trackW, y: y, into: &buffer)
            }
        }

        var nowCell: Int?
        if let now, now >= start, now <= end { nowCell = min(trackW - 1, eighths(now) / 8) }
        if let nowCell {
            for r in 0..<visibleRows where buffer[trackX + nowCell, area.y + r].scalar == " " {
                buffer[trackX + nowCell, area.y + r] = Cell(glyphs.vertical, style: axisStyle)
            }
        }
        if hasAxis { drawAxis(y: area.maxY - 1, trackX: trackX, trackW: trackW, nowCell: nowCell, into: &buffer) }
    }

    /// A bar from eighth `s8` to eighth `e8` of the track: it starts on the
    /// nearest cell boundary, is at least one cell long, and ends with a
    /// partial block when it does not end on a boundary.
    private func drawBar(_ bar: GanttBar, from s8: Int, to e8: Int, trackX: Int, trackW: Int, y: Int, into buffer: inout CellBuffer) {
        let startCell = min((s8 + 4) / 8, trackW - 1)
        let stop = min(trackW * 8, max(e8, startCell * 8 + 8))
        let length = stop - startCell * 8
        let fill = bar.glyph ?? glyphs.horizontalEighths[glyphs.horizontalEighths.count - 1]
        for c in 0..<(length / 8) {
            buffer[trackX + startCell + c, y] = Cell(fill, style: bar.style)
        }
        let rest = length % 8
        if rest > 0 {
            let partial = bar.glyph ?? glyphs.horizontalEighths[min(rest, glyphs.horizontalEighths.count - 1)]
            if partial != " " { buffer[trackX + startCell + length / 8, y] = Cell(partial, style: bar.style) }
        }
    }

    /// The bottom line with 2-4 tick labels (first left-aligned, last
    /// right-aligned, others centred; the ends are placed first and a middle
    /// label that would touch another is skipped) and a tee where `now` is.
    private func drawAxis(y: Int, trackX: Int, trackW: Int, nowCell: Int?, into buffer: inout CellBuffer) {
        for c in 0..<trackW { buffer[trackX + c, y] = Cell(glyphs.horizontal, style: axisStyle) }
        if let nowCell { buffer[trackX + nowCell, y] = Cell(glyphs.teeUp, style: axisStyle) }
        let count = max(2, min(4, trackW / 14 + 1))
        var taken: [Range<Int>] = []
        for i in [0, count - 1] + Array(1..<(count - 1)) {
            let t = (end - start) * Int64(i) / Int64(count - 1)
            let text = TextLayout.truncate(TextSanitizer.clean(timeLabel(t)), to: trackW, ellipsis: glyphs.ellipsis)
            let w = CharacterWidth.of(text)
            let anchor = (trackW - 1) * i / (count - 1)
            let x = max(0, min(i == 0 ? 0 : (i == count - 1 ? trackW - w : anchor - w / 2), trackW - w))
            // Keep one cell of line between labels.
            guard !taken.contains(where: { $0.overlaps((x - 1)..<(x + w + 1)) }) else { continue }
            taken.append(x..<(x + w))
            buffer.put(text, x: trackX + x, y: y, maxWidth: w, style: axisStyle)
        }
    }
}
