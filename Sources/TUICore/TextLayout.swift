/// Width-aware string helpers: truncation with an ellipsis and padding.
public enum TextLayout {
    /// `text` cut to at most `width` columns; when cut, the last column(s)
    /// hold `ellipsis`. Width is measured with `CharacterWidth`.
    public static func truncate(_ text: String, to width: Int, ellipsis: String = "…") -> String {
        guard width > 0 else { return "" }
        if CharacterWidth.of(text) <= width { return text }
        let ellipsisWidth = CharacterWidth.of(ellipsis)
        guard ellipsisWidth <= width else { return String(repeating: ".", count: width) }
        var out = String.UnicodeScalarView()
        var used = 0
        for scalar in text.unicodeScalars {
            let w = CharacterWidth.of(scalar)
            if used + w > width - ellipsisWidth { break }
            out.append(scalar)
            used += w
        }
        return String(out) + ellipsis
    }

    /// `text` truncated and padded with spaces to exactly `width` columns.
    public static func pad(_ text: String, to width: Int, alignment: Alignment = .left, ellipsis: String = "…") -> String {
        let cut = truncate(text, to: width, ellipsis: ellipsis)
        let gap = max(0, width - CharacterWidth.of(cut))
        switch alignment {
        case .left: return cut + String(repeating: " ", count: gap)
        case .right: return String(repeating: " ", count: gap) + cut
        case .center:
            let left = gap / 2
            return String(repeating: " ", count: left) + cut + String(repeating: " ", count: gap - left)
        }
    }
}

/// Horizontal alignment of text in a column.
public enum Alignment: Sendable, Hashable {
    case left, right, center
}
