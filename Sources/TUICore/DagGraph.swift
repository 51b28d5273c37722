/// Draws a viewport of a `DagLayout`: nodes as one-line boxes
/// (`glyph label detail`), edges as orthogonal lines with junctions and an
/// arrowhead at each target. Only the part of the canvas inside the viewport
/// is drawn, so a large DAG costs no more per frame than the area shown.
public struct DagGraph: Sendable {
    public var layout: DagLayout
    public var selected: String?
    /// Canvas cell shown at the top-left corner of the area.
    public var offsetX: Int
    public var offsetY: Int
    public var edgeStyle: Style
    public var selectedStyle: Style
    public var collapsedStyle: Style
    public var glyphs: GlyphSet
    private var nodeByID: [String: DagNode]

    /// `nodes` supplies the current label, detail, glyph and style of each
    /// node id in `layout`; `edges` is accepted for symmetry with
    /// `DagLayout.compute` (the routes come from the layout).
    public init(
        layout: DagLayout, nodes: [DagNode], edges: [DagEdge], selected: String? = nil,
        offsetX: Int = 0, offsetY: Int = 0, edgeStyle: Style = Style().dim(),
        selectedStyle: Style = Style().reversed(), collapsedStyle: Style = Style().dim(),
        glyphs: GlyphSet = .unicode
    ) {
        self.layout = layout
        self.selected = selected
        self.offsetX = offsetX
        self.offsetY = offsetY
        self.edgeStyle = edgeStyle
        self.selectedStyle = selectedStyle
        self.collapsedStyle = collapsedStyle
        self.glyphs = glyphs
        var byID: [String: DagNode] = [:]
        for node in nodes where byID[node.id] == nil { byID[node.id] = node }
        self.nodeByID = byID
    }

    /// Clears `area` and draws the canvas window starting at
    /// (`offsetX`, `offsetY`) into it.
    public func render(into buffer: inout CellBuffer, area: Rect) {
        let area = area.intersection(buffer.bounds)
        guard !area.isEmpty else { return }
        buffer.fill(area, style: .plain)
        let view = Rect(x: offsetX, y: offsetY, width: area.width, height: area.height)
        var lines = LineCanvas(originX: view.x, originY: view.y, width: view.width, height: view.height)
        var arrows: [(x: Int, y: Int)] = []

        for (l, gap) in layout.routes.enumerated() {
            let left = layout.columnX[l], right = layout.columnX[l + 1]
            guard right >= view.x, left < view.maxX else { continue }
            let sourceY = layout.slotY[l], targetY = layout.slotY[l + 1]
            for route in gap {
                let sy = sourceY[route.source]
                let ys = route.targets.map { targetY[$0] }
                let top = min(sy, ys.min() ?? sy), bottom = max(sy, ys.max() ?? sy)
                guard bottom >= view.y, top < view.maxY else { continue }
                let exitX = exitColumn(layer: l, index: route.source)
                let trunkEnd = route.channelX ?? exitX
                lines.addHorizontal(y: sy, from: exitX, to: trunkEnd)
                if let cx = route.channelX { lines.addVertical(x: cx, from: top, to: bottom) }
                for (target, ty) in zip(route.targets, ys) {
                    if case .dummy = layout.layers[l + 1][target] {
                        lines.addHorizontal(y: ty, from: trunkEnd, to: right)
                    } else {
                        lines.addHorizontal(y: ty, from: trunkEnd, to: right - 2)
                        arrows.append((right - 2, ty))
                    }
                }
            }
        }
        lines.draw(into: &buffer, x: area.x, y: area.y, clip: area, style: edgeStyle, glyphs: glyphs)
        for arrow in arrows where view.contains(x: arrow.x, y: arrow.y) {
            buffer[area.x + arrow.x - view.x, area.y + arrow.y - view.y] = Cell(glyphs.arrowRight, style: edgeStyle)
        }

        for (l, slots) in layout.layers.enumerated() {
            let x = layout.columnX[l], width = layout.columnWidths[l]
            guard x + width > view.x, x < view.maxX else { continue }
            for (i, slot) in slots.enumerated() {
                let y = layout.slotY[l][i]
                guard y >= view.y, y < view.maxY else { continue }
                let runs = textRuns(slot, width: width)
                guard !runs.isEmpty else { continue }
                var col = area.x + x - view.x
                let row = area.y + y - view.y
                let highlight = isSelected(slot)
                for run in runs {
                    let style = highlight ? run.style.overlaid(by: selectedStyle) : run.style
                    col += DagGraph.put(run.text, x: col, y: row, clip: area, style: style, into: &buffer)
                }
            }
        }
    }

    /// An offset that keeps the box of `id` (or the slot hiding it) inside a
    /// viewport of the given size, moving as little as possible from
    /// `currentOffset`, with the incoming arrow and a row of context visible
    /// when there is room. The result stays within the canvas.
    public static func offsetToReveal(
        _ id: String, layout: DagLayout, viewport: (width: Int, height: Int), currentOffset: (x: Int, y: Int)
    ) -> (x: Int, y: Int) {
        var x = currentOffset.x, y = currentOffset.y
        if let box = layout.box(of: id) {
            let leftMargin = min(3, box.x)
            if box.x - leftMargin < x {
                x = box.x - leftMargin
            } else if box.maxX > x + viewport.width {
                x = min(box.x, box.maxX - viewport.width)
            }
            let margin = viewport.height > 2 ? 1 : 0
            if box.y - margin < y {
                y = box.y - margin
            } else if box.y + margin >= y + viewport.height {
                y = box.y + margin - viewport.height + 1
            }
        }
        x = max(0, min(x, layout.canvasWidth - viewport.width))
        y = max(0, min(y, layout.canvasHeight - viewport.height))
        return (x, y)
    }

    // MARK: - Node text

    private struct TextRun {
        var text: String
        var style: Style
    }

    /// The text of a slot cut to `width` columns, as styled runs.
    private func textRuns(_ slot: LayoutSlot, width: Int) -> [TextRun] {
        switch slot {
        case .dummy:
            return []
        case .collapsed(let hidden):
            let text = TextLayout.truncate(DagLayout.collapsedText(hidden, glyphs: glyphs), to: width, ellipsis: glyphs.ellipsis)
            return [TextRun(text: text, style: collapsedStyle)]
        case .node(let id):
            guard let node = nodeByID[id] else {
                return [TextRun(text: TextLayout.truncate(TextSanitizer.clean(id), to: width, ellipsis: glyphs.ellipsis), style: .plain)]
            }
            var runs: [TextRun] = []
            var remaining = width
            let glyph = node.glyph ?? glyphs.bullet
            let glyphWidth = CharacterWidth.of(glyph)
            if glyphWidth > 0, glyphWidth + 1 < remaining {
                runs.append(TextRun(text: String(glyph) + " ", style: node.style))
                remaining -= glyphWidth + 1
            }
            let label = TextLayout.truncate(TextSanitizer.clean(node.label), to: min(remaining, DagLayout.maxLabelWidth), ellipsis: glyphs.ellipsis)
            runs.append(TextRun(text: label, style: node.style))
            remaining -= CharacterWidth.of(label)
            if let detail = node.detail, remaining > 1 {
                let cut = TextLayout.truncate(TextSanitizer.clean(detail), to: remaining - 1, ellipsis: glyphs.ellipsis)
                if !cut.isEmpty { runs.append(TextRun(text: " " + cut, style: node.style.dim())) }
            }
            return runs
        }
    }

    /// Canvas column where the edges leaving a slot start: right after a
    /// space behind its text, or at the column's left edge for a dummy.
    private func exitColumn(layer l: Int, index i: Int) -> Int {
        let x = layout.columnX[l]
        let runs = textRuns(layout.layers[l][i], width: layout.columnWidths[l])
        if runs.isEmpty { return x }
        return x + runs.reduce(0) { $0 + CharacterWidth.of($1.text) } + 1
    }

    private func isSelected(_ slot: LayoutSlot) -> Bool {
        guard let selected else { return false }
        switch slot {
        case .node(let id): return id == selected
        case .collapsed(let hidden): return hidden.contains(selected)
        case .dummy: return false
        }
    }

    /// Writes `text` at buffer column `x`, dropping whatever falls outside
    /// `clip`. Returns the columns the text spans (drawn or not).
    private static func put(_ text: String, x: Int, y: Int, clip: Rect, style: Style, into buffer: inout CellBuffer) -> Int {
        var col = x
        for scalar in text.unicodeScalars {
            let w = CharacterWidth.of(scalar)
            if w > 0, col >= clip.x, col + w <= clip.maxX, y >= clip.y, y < clip.maxY {
                buffer.put(String(scalar), x: col, y: y, maxWidth: w, style: style)
            }
            col += w
        }
        return col - x
    }
}
