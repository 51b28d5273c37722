/// One column of a `Table`: its header, how wide it is and how its cells
/// are aligned.
public struct TableColumn: Sendable, Hashable {
    public var title: String
    public var width: Constraint
    public var alignment: Alignment

    public init(_ title: String, width: Constraint, alignment: Alignment = .left) {
        self.title = title
        self.width = width
        self.alignment = alignment
    }
}

/// One row of a `Table`. `style` overrides the table's row style for the
/// whole row; `cellStyles[i]`, when present and not nil, overrides it for
/// cell `i`.
public struct TableRow: Sendable, Hashable {
    public var cells: [String]
    public var style: Style?
    public var cellStyles: [Style?]

    public init(_ cells: [String], style: Style? = nil, cellStyles: [Style?] = []) {
        self.cells = cells
        self.style = style
        self.cellStyles = cellStyles
    }
}

/// A table with a header row and a scrolling body with an optional selected
/// row. Column widths come from `Layout.split`; cells are aligned per column
/// and truncated with the glyph set's ellipsis. When rows are hidden a
/// scroll bar takes the rightmost column of the body.
public struct Table: Sendable {
    public var columns: [TableColumn]
    public var rows: [TableRow]
    public var selected: Int?
    public var offset: Int
    public var headerStyle: Style
    public var rowStyle: Style
    /// Used for every cell of the selected row (cell styles do not apply there).
    public var selectedStyle: Style
    public var columnSpacing: Int
    /// Shown in the first body row when there are no rows.
    public var placeholder: String?
    public var placeholderStyle: Style
    public var glyphs: GlyphSet

    public init(columns: [TableColumn], rows: [TableRow], selected: Int? = nil, offset: Int = 0,
                headerStyle: Style = Style().bold(), rowStyle: Style = .plain,
                selectedStyle: Style = Style().reversed(), columnSpacing: Int = 1,
                placeholder: String? = nil, placeholderStyle: Style = Style().dim(),
                glyphs: GlyphSet = .unicode) {
        self.columns = columns
        self.rows = rows
        self.selected = selected
        self.offset = offset
        self.headerStyle = headerStyle
        self.rowStyle = rowStyle
        self.selectedStyle = selectedStyle
        self.columnSpacing = columnSpacing
        self.placeholder = placeholder
        self.placeholderStyle = placeholderStyle
        self.glyphs = glyphs
    }

    /// The first row to show so that `selected` (when set) is visible:
    /// `offset` clamped to the valid range, moved just enough to bring the
    /// selection into the window of `visibleRows` rows.
    public static func scrollOffset(selected: Int?, offset: Int, visibleRows: Int, rowCount: Int) -> Int {
        guard visibleRows > 0, rowCount > 0 else { return 0 }
        var result = Swift.min(Swift.max(0, offset), Swift.max(0, rowCount - visibleRows))
        if let selected {
            let sel = Swift.min(Swift.max(0, selected), rowCount - 1)
            if sel < result { result = sel }
            if sel >= result + visibleRows { result = sel - visibleRows + 1 }
        }
        return result
    }

    public func render(into buffer: inout CellBuffer, area: Rect) {
        guard !area.isEmpty else { return }
        let body = area.inset(top: 1)
        let first = Table.scrollOffset(selected: selected, offset: offset, visibleRows: body.height, rowCount: rows.count)
        let scrollBar = ScrollBar(total: rows.count, visible: body.height, offset: first, glyphs: glyphs)
        let content = scrollBar.isNeeded && area.width > 1 ? area.inset(right: 1) : area
        let widths = Layout.split(content, .horizontal, columns.map(\.width), spacing: columnSpacing)

        buffer.fill(area.row(0), style: headerStyle)
        for (i, column) in columns.enumerated() {
            draw(column.title, in: widths[i], y: area.y, alignment: column.alignment, style: headerStyle, into: &buffer)
        }

        if rows.isEmpty, let placeholder, !body.isEmpty {
            buffer.fill(body.row(0), style: rowStyle)
            buffer.put(placeholder, in: body.row(0), style: placeholderStyle, ellipsis: glyphs.ellipsis)
        }
        for line in 0..<body.height {
            let index = first + line
            guard index < rows.count else { break }
            let row = rows[index]
            let isSelected = index == selected
            let base = isSelected ? selectedStyle : (row.style ?? rowStyle)
            let y = body.y + line
            buffer.fill(Rect(x: content.x, y: y, width: content.width, height: 1), style: base)
            for (i, column) in columns.enumerated() {
                let text = i < row.cells.count ? row.cells[i] : ""
                let cellStyle = isSelected ? base : ((i < row.cellStyles.count ? row.cellStyles[i] : nil) ?? base)
                if cellStyle != base { buffer.fill(Rect(x: widths[i].x, y: y, width: widths[i].width, height: 1), style: cellStyle) }
                draw(text, in: widths[i], y: y, alignment: column.alignment, style: cellStyle, into: &buffer)
            }
        }
        if content != area {
            scrollBar.render(into: &buffer, area: Rect(x: area.maxX - 1, y: body.y, width: 1, height: body.height))
        }
    }

    /// Draws one cell's text into its column (the row is already filled
    /// with the style), truncating with the ellipsis only when it does not
    /// fit; no padding strings are built, as this runs for every visible
    /// cell of every frame.
    private func draw(_ text: String, in column: Rect, y: Int, alignment: Alignment, style: Style, into buffer: inout CellBuffer) {
        guard column.width > 0, !text.isEmpty else { return }
        let width = CharacterWidth.of(text)
        let fitted = width <= column.width ? text : TextLayout.truncate(text, to: column.width, ellipsis: glyphs.ellipsis)
        let used = width <= column.width ? width : CharacterWidth.of(fitted)
        let gap = column.width - used
        let x: Int
        switch alignment {
        case .left: x = column.x
        case .right: x = column.x + gap
        case .center: x = column.x + gap / 2
        }
        buffer.put(fitted, x: x, y: y, maxWidth: column.maxX - x, style: style)
    }
}
