/// A centred modal box: a title in the border, a word-wrapped message, an
/// optional text field with a label, and an optional footer such as
/// `Enter confirm · Esc cancel`.
///
/// The dialog clears its rectangle before drawing. On a screen too small for
/// all of it, it shrinks: blank separator lines go first, then message lines
/// from the end (the last one kept ends with the ellipsis), then the footer,
/// then the first message line; the field goes last.
public struct Dialog: Sendable {
    public var title: String
    public var message: [String]
    public var field: TextField?
    public var fieldLabel: String?
    public var footer: String?
    public var width: Int
    public var style: Style
    public var borderStyle: Style
    public var titleStyle: Style
    public var fieldStyle: Style
    public var glyphs: GlyphSet

    public init(title: String, message: [String], field: TextField? = nil, fieldLabel: String? = nil,
                footer: String? = nil, width: Int = 60, style: Style = .plain, borderStyle: Style = .plain,
                titleStyle: Style = Style().bold(), fieldStyle: Style = Style().underlined(),
                glyphs: GlyphSet = .unicode) {
        self.title = title
        self.message = message
        self.field = field
        self.fieldLabel = fieldLabel
        self.footer = footer
        self.width = width
        self.style = style
        self.borderStyle = borderStyle
        self.titleStyle = titleStyle
        self.fieldStyle = fieldStyle
        self.glyphs = glyphs
    }

    /// One line of the dialog's content with how readily it is given up when
    /// space is short (lower goes first).
    private enum Line {
        case text(String)
        case blank
        case field
        case footer(String)
    }

    private func contentLines(textWidth: Int) -> [(line: Line, priority: Int)] {
        var lines: [(Line, Int)] = []
        let wrapped = message.flatMap { TextLayout.wrap($0, width: textWidth) }
        for (i, text) in wrapped.enumerated() { lines.append((.text(text), i == 0 ? 3 : 1)) }
        if field != nil {
            if !lines.isEmpty { lines.append((.blank, 0)) }
            lines.append((.field, 4))
        }
        if let footer, !footer.isEmpty {
            if !lines.isEmpty { lines.append((.blank, 0)) }
            lines.append((.footer(footer), 2))
        }
        return lines
    }

    /// Draws the dialog centred in `area`; returns the rectangle it covers.
    @discardableResult
    public func render(into buffer: inout CellBuffer, area: Rect) -> Rect {
        guard !area.isEmpty else { return .zero }
        let boxWidth = Swift.min(Swift.max(width, 8), area.width)
        let textWidth = Swift.max(1, boxWidth - 4)
        var lines = contentLines(textWidth: textWidth)
        let room = Swift.max(0, area.height - 2)
        var droppedText = false
        while lines.count > room {
            // Drop the lowest priority line; among equals, the last one.
            var victim = lines.count - 1
            for i in lines.indices where lines[i].priority <= lines[victim].priority { victim = i }
            if case .text = lines[victim].line { droppedText = true }
            lines.remove(at: victim)
        }

        let box = area.centered(width: boxWidth, height: lines.count + 2)
        let inner = Block(title: title, borderStyle: borderStyle, titleStyle: titleStyle, fillStyle: style, glyphs: glyphs)
            .render(into: &buffer, area: box)
        let content = inner.inset(left: 1, right: 1)
        let lastText = lines.lastIndex { if case .text = $0.line { return true } else { return false } }
        for (i, entry) in lines.enumerated() {
            let row = content.row(i)
            switch entry.line {
            case .text(let text):
                let shown = droppedText && i == lastText ? text + glyphs.ellipsis : text
                buffer.put(TextLayout.truncate(shown, to: row.width, ellipsis: glyphs.ellipsis), in: row, style: style, ellipsis: glyphs.ellipsis)
            case .blank:
                break
            case .field:
                drawField(into: &buffer, row: row)
            case .footer(let text):
                let fitted = TextLayout.pad(text, to: row.width, alignment: .center, ellipsis: glyphs.ellipsis)
                buffer.put(fitted, x: row.x, y: row.y, maxWidth: row.width, style: style)
            }
        }
        return box
    }

    private func drawField(into buffer: inout CellBuffer, row: Rect) {
        guard let field, !row.isEmpty else { return }
        var fieldArea = row
        // The label is shown whole, and only when it leaves the field at
        // least half the row.
        if let fieldLabel, !fieldLabel.isEmpty, CharacterWidth.of(fieldLabel) + 1 <= row.width / 2 {
            let used = buffer.put(fieldLabel + " ", x: row.x, y: row.y, maxWidth: row.width, style: style)
            fieldArea = row.inset(left: used)
        }
        field.render(into: &buffer, area: fieldArea, style: fieldStyle, cursorStyle: fieldStyle.togglingReverse(), glyphs: glyphs)
    }
}
