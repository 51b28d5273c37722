/// Two distributions over the same bins drawn as overlaid vertical bars, for
/// comparing a reference (training) distribution with the current one.
///
/// `reference` and `current` are bin heights (e.g. proportions per bin) over
/// the same bin edges; the shorter array is padded with zeros, and negative
/// or non-finite heights count as zero. Each bin gets `area.width / bins`
/// columns, leaving a one-column gap between bins when a bin gets 3 or more;
/// when there are more bins than columns, adjacent bins are merged by summing
/// until they fit. Both distributions share one scale (the largest height
/// fills the bar area). See `HistogramMarks` for the glyphs: where only the
/// reference covers a cell it is shaded, where only the current covers it a
/// block is drawn, and where both cover it the overlap glyph is drawn in
/// `overlapStyle` (default: `currentStyle` on the reference colour as
/// background). A partly covered top cell of the current bar that lies
/// inside the reference shows the partial block on the reference colour.
///
/// Rows, top to bottom: a legend (when the area is at least 3 high), the
/// bars, and the bin labels (when given and at least one bar row remains).
/// With no bins, a centred "no data" is shown. Cells not drawn are left
/// untouched.
public struct OverlaidHistogram: Sendable {
    public var reference: [Double]
    public var current: [Double]
    public var referenceName: String
    public var currentName: String
    public var referenceStyle: Style
    public var currentStyle: Style
    public var overlapStyle: Style?
    /// Labels of the first and the last bin edge, shown under the bars.
    public var binLabels: (first: String, last: String)?
    /// Style of the bin labels and the "no data" text.
    public var labelStyle: Style
    public var glyphs: GlyphSet

    public init(
        reference: [Double],
        current: [Double],
        referenceName: String = "reference",
        currentName: String = "current",
        referenceStyle: Style,
        currentStyle: Style,
        overlapStyle: Style? = nil,
        binLabels: (first: String, last: String)? = nil,
        labelStyle: Style = .plain,
        glyphs: GlyphSet = .unicode
    ) {
        self.reference = reference
        self.current = current
        self.referenceName = referenceName
        self.currentName = currentName
        self.referenceStyle = referenceStyle
        self.currentStyle = currentStyle
        self.overlapStyle = overlapStyle
        self.binLabels = binLabels
        self.labelStyle = labelStyle
        self.glyphs = glyphs
    }

    /// Draws the histogram into `area` of `buffer`.
    public func render(into buffer: inout CellBuffer, area: Rect) {
        guard !area.isEmpty else { return }
        let marks = HistogramMarks(glyphs: glyphs)
        var bars = area
        if area.height >= 3 {
            drawLegend(marks: marks, into: &buffer, row: area.y, width: area.width, x: area.x)
            bars = bars.inset(top: 1)
        }
        var labelRow: Int?
        if binLabels != nil, bars.height >= 2 {
            labelRow = bars.maxY - 1
            bars = bars.inset(bottom: 1)
        }
        let binCount = max(reference.count, current.count)
        guard binCount > 0 else {
            let message = "no data"
            let spot = bars.centered(width: min(bars.width, message.count), height: 1)
            buffer.put(message, in: spot, style: labelStyle, ellipsis: glyphs.ellipsis)
            return
        }
        let group = (binCount + bars.width - 1) / bars.width
        let ref = Self.merge(Self.cleaned(reference, count: binCount), group: group)
        let cur = Self.merge(Self.cleaned(current, count: binCount), group: group)
        let columnsPerBin = bars.width / ref.count
        let gap = columnsPerBin >= 3 ? 1 : 0
        let barWidth = columnsPerBin - gap
        let largest = max(ref.max() ?? 0, cur.max() ?? 0)
        if largest > 0 {
            for bin in ref.indices {
                drawBar(
                    reference: ref[bin] / largest, current: cur[bin] / largest, marks: marks,
                    into: &buffer, x: bars.x + bin * columnsPerBin, width: barWidth, bars: bars
                )
            }
        }
        if let labelRow, let labels = binLabels {
            let end = bars.x + ref.count * columnsPerBin - gap
            drawBinLabels(first: TextSanitizer.clean(labels.first), last: TextSanitizer.clean(labels.last), into: &buffer, row: labelRow, from: bars.x, to: end)
        }
    }

    /// `values` padded with zeros to `count`, with negative and non-finite
    /// entries replaced by zero.
    static func cleaned(_ values: [Double], count: Int) -> [Double] {
        (0..<count).map { i in
            guard i < values.count, values[i].isFinite, values[i] > 0 else { return 0 }
            return values[i]
        }
    }

    /// Sums of consecutive groups of `group` values (the last may be shorter).
    static func merge(_ values: [Double], group: Int) -> [Double] {
        guard group > 1 else { return values }
        return stride(from: 0, to: values.count, by: group).map { start in
            values[start..<min(values.count, start + group)].reduce(0, +)
        }
    }

    /// One bin's bar; `reference` and `current` are fractions of the full
    /// bar height.
    private func drawBar(reference: Double, current: Double, marks: HistogramMarks, into buffer: inout CellBuffer, x: Int, width: Int, bars: Rect) {
        let height = bars.height
        let steps = marks.stepsPerCell
        let referenceCells = reference > 0 ? max(1, Int((reference * Double(height)).rounded())) : 0
        let currentSteps = current > 0 ? max(1, Int((current * Double(height * steps)).rounded())) : 0
        let overlapStyle = self.overlapStyle ?? currentStyle.with(bg: referenceStyle.fg)
        for rowFromBottom in 0..<height {
            let level = min(steps, max(0, currentSteps - rowFromBottom * steps))
            let referenceCovers = rowFromBottom < referenceCells
            let glyph: Unicode.Scalar
            let style: Style
            switch (level, referenceCovers) {
            case (0, false):
                continue
            case (0, true):
                (glyph, style) = (marks.reference, referenceStyle)
            case (steps, true):
                (glyph, style) = (marks.overlap, overlapStyle)
            case (_, true):
                (glyph, style) = (marks.currentLevels[level], overlapStyle.with(bg: referenceStyle.fg))
            default:
                (glyph, style) = (marks.currentLevels[level], currentStyle)
            }
            for column in x..<(x + width) {
                buffer.set(glyph, x: column, y: bars.maxY - 1 - rowFromBottom, style: style)
            }
        }
    }

    /// `░ reference  █ current  ▓ both`, right-aligned. When space is short
    /// the overlap item is dropped first, then the layout tightens to
    /// `░ref █cur` and the names are truncated to equal shares.
    private func drawLegend(marks: HistogramMarks, into buffer: inout CellBuffer, row: Int, width: Int, x: Int) {
        let overlapStyle = self.overlapStyle ?? currentStyle.with(bg: referenceStyle.fg)
        var items: [(marker: Unicode.Scalar, name: String, style: Style)] = [
            (marks.reference, TextSanitizer.clean(referenceName), referenceStyle),
            (marks.currentLevels[marks.currentLevels.count - 1], TextSanitizer.clean(currentName), currentStyle),
            (marks.overlap, "both", overlapStyle),
        ]
        func naturalWidth(markerGap: Int, itemGap: Int) -> Int {
            items.reduce(0) { $0 + 1 + markerGap + CharacterWidth.of($1.name) } + itemGap * (items.count - 1)
        }
        if naturalWidth(markerGap: 1, itemGap: 2) > width { items.removeLast() }
        let roomy = naturalWidth(markerGap: 1, itemGap: 2) <= width
        let markerGap = roomy ? 1 : 0, itemGap = roomy ? 2 : 1
        let fixed = items.count * (1 + markerGap) + itemGap * (items.count - 1)
        let share = roomy ? Int.max : max(1, (width - fixed) / items.count)
        let names = items.map { TextLayout.truncate($0.name, to: share, ellipsis: glyphs.ellipsis) }
        let used = fixed + names.reduce(0) { $0 + CharacterWidth.of($1) }
        var cursor = x + max(0, width - used)
        for (index, item) in items.enumerated() {
            if index > 0 { cursor += itemGap }
            buffer.set(item.marker, x: cursor, y: row, style: item.style)
            cursor += 1 + markerGap
            cursor += buffer.put(names[index], x: cursor, y: row, maxWidth: x + width - cursor, style: item.style)
        }
    }

    private func drawBinLabels(first: String, last: String, into buffer: inout CellBuffer, row: Int, from start: Int, to end: Int) {
        let firstWidth = CharacterWidth.of(first), lastWidth = CharacterWidth.of(last)
        let span = end - start
        guard firstWidth + 1 + lastWidth <= span else {
            buffer.put(first, in: Rect(x: start, y: row, width: span, height: 1), style: labelStyle, ellipsis: glyphs.ellipsis)
            return
        }
        buffer.put(first, x: start, y: row, style: labelStyle)
        buffer.put(last, x: end - lastWidth, y: row, style: labelStyle)
    }
}
