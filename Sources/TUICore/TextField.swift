/// A one-line editable text with a cursor, for dialogs and filters.
///
/// Editing keys: printable characters insert, Backspace/Delete remove
/// around the cursor, Left/Right/Home/End and ^A/^E move, ^U deletes up to
/// the cursor, ^K from the cursor to the end, ^W the word before the cursor.
public struct TextField: Sendable, Equatable {
    public var text: String
    /// The cursor position in `Character`s, 0...text.count.
    public var cursor: Int

    public init(text: String = "") {
        self.text = text
        self.cursor = text.count
    }

    /// Applies `key`; returns whether the field handled it (editing keys are
    /// handled even when they change nothing, such as Backspace at the start).
    public mutating func handle(_ key: KeyEvent) -> Bool {
        cursor = Swift.min(Swift.max(0, cursor), text.count)
        switch key {
        case .char(let c):
            guard TextField.isInsertable(c) else { return false }
            text.insert(c, at: index(cursor))
            cursor += 1
        case .backspace:
            if cursor > 0 {
                text.remove(at: index(cursor - 1))
                cursor -= 1
            }
        case .delete:
            if cursor < text.count { text.remove(at: index(cursor)) }
        case .left:
            cursor = Swift.max(0, cursor - 1)
        case .right:
            cursor = Swift.min(text.count, cursor + 1)
        case .home, .ctrl("a"), .ctrl("A"):
            cursor = 0
        case .end, .ctrl("e"), .ctrl("E"):
            cursor = text.count
        case .ctrl("u"), .ctrl("U"):
            text.removeSubrange(text.startIndex..<index(cursor))
            cursor = 0
        case .ctrl("k"), .ctrl("K"):
            text.removeSubrange(index(cursor)..<text.endIndex)
        case .ctrl("w"), .ctrl("W"):
            deleteWordBackward()
        default:
            return false
        }
        return true
    }

    private func index(_ offset: Int) -> String.Index {
        text.index(text.startIndex, offsetBy: offset)
    }

    private mutating func deleteWordBackward() {
        let chars = Array(text)
        var start = cursor
        while start > 0 && chars[start - 1].isWhitespace { start -= 1 }
        while start > 0 && !chars[start - 1].isWhitespace { start -= 1 }
        text.removeSubrange(index(start)..<index(cursor))
        cursor = start
    }

    private static func isInsertable(_ c: Character) -> Bool {
        !c.unicodeScalars.contains { s in
            s.value < 0x20 || (s.value >= 0x7F && s.value < 0xA0)
        }
    }

    /// Draws the text on the first row of `area`, scrolled horizontally so
    /// the cursor is visible; the cell under the cursor gets `cursorStyle`.
    /// When text is scrolled off to the left, the first column shows the
    /// glyph set's ellipsis.
    public func render(into buffer: inout CellBuffer, area: Rect, style: Style = .plain,
                       cursorStyle: Style = Style().reversed(), glyphs: GlyphSet = .unicode) {
        guard !area.isEmpty else { return }
        let row = area.row(0)
        buffer.fill(row, style: style)
        let chars = Array(text)
        let at = Swift.min(Swift.max(0, cursor), chars.count)
        let cursorColumn = chars[..<at].reduce(0) { $0 + CharacterWidth.of(String($1)) }
        let cursorWidth = at < chars.count ? Swift.max(1, CharacterWidth.of(String(chars[at]))) : 1

        var scroll = 0
        var textX = row.x
        if cursorColumn + cursorWidth > row.width {
            let marker = CharacterWidth.of(glyphs.ellipsis)
            let room = row.width - marker
            if room >= cursorWidth {
                buffer.put(glyphs.ellipsis, x: row.x, y: row.y, maxWidth: marker, style: style)
                textX = row.x + marker
                scroll = cursorColumn + cursorWidth - room
            } else {
                scroll = cursorColumn + cursorWidth - row.width
            }
        }
        // Draw the characters whose columns fall inside the visible window.
        var column = 0
        var cursorX = textX + cursorColumn - scroll
        for (i, c) in chars.enumerated() {
            let w = CharacterWidth.of(String(c))
            defer { column += w }
            if column < scroll { continue }
            let x = textX + column - scroll
            if x + w > row.maxX { break }
            buffer.put(String(c), x: x, y: row.y, maxWidth: w, style: i == at ? cursorStyle : style)
            if i == at { cursorX = x }
        }
        if at == chars.count, cursorX < row.maxX {
            buffer.set(" ", x: cursorX, y: row.y, style: cursorStyle)
        }
    }
}
