/// One line of a `ListView`; `style` overrides the list's style for it.
public struct ListItem: Sendable, Hashable {
    public var text: String
    public var style: Style?

    public init(_ text: String, style: Style? = nil) {
        self.text = text
        self.style = style
    }
}

/// A scrolling list of one-line items with an optional selected item.
/// The selected row is drawn in `selectedStyle` across the full width and,
/// when `marker` is set, starts with it (other rows are indented to match).
/// When items are hidden a scroll bar takes the rightmost column.
public struct ListView: Sendable {
    public var items: [ListItem]
    public var selected: Int?
    public var offset: Int
    public var style: Style
    public var selectedStyle: Style
    public var marker: String?
    /// Shown in the first row when there are no items.
    public var placeholder: String?
    public var placeholderStyle: Style
    public var glyphs: GlyphSet

    public init(items: [ListItem], selected: Int? = nil, offset: Int = 0, style: Style = .plain,
                selectedStyle: Style = Style().reversed(), marker: String? = nil,
                placeholder: String? = nil, placeholderStyle: Style = Style().dim(),
                glyphs: GlyphSet = .unicode) {
        self.items = items
        self.selected = selected
        self.offset = offset
        self.style = style
        self.selectedStyle = selectedStyle
        self.marker = marker
        self.placeholder = placeholder
        self.placeholderStyle = placeholderStyle
        self.glyphs = glyphs
    }

    public func render(into buffer: inout CellBuffer, area: Rect) {
        guard !area.isEmpty else { return }
        let first = Table.scrollOffset(selected: selected, offset: offset, visibleRows: area.height, rowCount: items.count)
        let scrollBar = ScrollBar(total: items.count, visible: area.height, offset: first, glyphs: glyphs)
        let content = scrollBar.isNeeded && area.width > 1 ? area.inset(right: 1) : area
        if items.isEmpty, let placeholder {
            buffer.fill(content.row(0), style: style)
            buffer.put(placeholder, in: content.row(0), style: placeholderStyle, ellipsis: glyphs.ellipsis)
        }
        let markerText = marker ?? ""
        let indent = String(repeating: " ", count: CharacterWidth.of(markerText))
        for line in 0..<area.height {
            let index = first + line
            guard index < items.count else { break }
            let item = items[index]
            let isSelected = index == selected
            let rowStyle = isSelected ? selectedStyle : (item.style ?? style)
            let row = content.row(line)
            buffer.fill(row, style: rowStyle)
            let text = (isSelected ? markerText : indent) + item.text
            buffer.put(text, in: row, style: rowStyle, ellipsis: glyphs.ellipsis)
        }
        if content != area {
            scrollBar.render(into: &buffer, area: Rect(x: area.maxX - 1, y: area.y, width: 1, height: area.height))
        }
    }
}
