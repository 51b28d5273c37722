extension TextLayout {
    /// `text` broken into lines of at most `width` columns at spaces.
    ///
    /// Newlines start a new paragraph; runs of spaces between words collapse
    /// to one; a word longer than `width` is split across lines. An empty
    /// paragraph gives one empty line. Returns no lines when `width` is not
    /// positive.
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var current = ""
            var currentWidth = 0
            for word in paragraph.split(separator: " ") {
                var piece = String(word)
                var pieceWidth = CharacterWidth.of(piece)
                if currentWidth > 0 && currentWidth + 1 + pieceWidth <= width {
                    current += " " + piece
                    currentWidth += 1 + pieceWidth
                    continue
                }
                if currentWidth > 0 {
                    lines.append(current)
                    current = ""
                    currentWidth = 0
                }
                while pieceWidth > width {
                    let (head, rest) = splitByColumns(piece, width: width)
                    if rest.isEmpty {
                        // A single character wider than the line: it stays alone.
                        piece = head
                        pieceWidth = CharacterWidth.of(head)
                        break
                    }
                    lines.append(head)
                    piece = rest
                    pieceWidth = CharacterWidth.of(piece)
                }
                current = piece
                currentWidth = pieceWidth
            }
            lines.append(current)
        }
        return lines
    }

    /// The longest prefix of `text` that fits `width` columns (at least one
    /// character, so a too-wide character still makes progress) and the rest.
    private static func splitByColumns(_ text: String, width: Int) -> (String, String) {
        var used = 0
        var end = text.startIndex
        for index in text.indices {
            let w = CharacterWidth.of(String(text[index]))
            if used + w > width && end != text.startIndex { break }
            used += w
            end = text.index(after: index)
        }
        return (String(text[..<end]), String(text[end...]))
    }
}
