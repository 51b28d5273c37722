/// The characters widgets draw with. `unicode` needs a UTF-8 locale; `ascii`
/// is used when the locale's codeset is not UTF-8 (e.g. LANG=C), where
/// non-ASCII cells would print as blanks.
public struct GlyphSet: Sendable, Equatable {
    public var horizontal: Unicode.Scalar
    public var vertical: Unicode.Scalar
    public var topLeft: Unicode.Scalar
    public var topRight: Unicode.Scalar
    public var bottomLeft: Unicode.Scalar
    public var bottomRight: Unicode.Scalar
    public var teeRight: Unicode.Scalar   // ├
    public var teeLeft: Unicode.Scalar    // ┤
    public var teeDown: Unicode.Scalar    // ┬
    public var teeUp: Unicode.Scalar      // ┴
    public var cross: Unicode.Scalar      // ┼
    /// Dashed horizontal line, e.g. for thresholds.
    public var dashed: Unicode.Scalar
    /// Fill levels of a cell from empty to full, for gauges and bars drawn
    /// with partial blocks (first is empty, last is full).
    public var horizontalEighths: [Unicode.Scalar]
    /// Vertical levels from lowest to highest, for sparklines and histograms.
    public var verticalLevels: [Unicode.Scalar]
    /// Density ramp from light to heavy, used where braille is not available.
    public var ramp: [Unicode.Scalar]
    /// Whether braille patterns (U+2800...) may be used for line charts.
    public var hasBraille: Bool
    public var ellipsis: String
    public var arrowUp: Unicode.Scalar
    public var arrowDown: Unicode.Scalar
    public var arrowRight: Unicode.Scalar
    public var check: Unicode.Scalar
    public var crossMark: Unicode.Scalar
    public var bullet: Unicode.Scalar
    public var shade: Unicode.Scalar

    public static let unicode = GlyphSet(
        horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘",
        teeRight: "├", teeLeft: "┤", teeDown: "┬", teeUp: "┴", cross: "┼", dashed: "╌",
        horizontalEighths: [" ", "▏", "▎", "▍", "▌", "▋", "▊", "▉", "█"],
        verticalLevels: [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"],
        ramp: [" ", "░", "▒", "▓", "█"],
        hasBraille: true, ellipsis: "…", arrowUp: "↑", arrowDown: "↓", arrowRight: "→",
        check: "✓", crossMark: "✗", bullet: "•", shade: "░"
    )

    public static let ascii = GlyphSet(
        horizontal: "-", vertical: "|", topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+",
        teeRight: "+", teeLeft: "+", teeDown: "+", teeUp: "+", cross: "+", dashed: "-",
        horizontalEighths: [" ", " ", " ", " ", "#", "#", "#", "#", "#"],
        verticalLevels: [" ", ".", ":", "-", "=", "+", "*", "#", "@"],
        ramp: [" ", ".", ":", "-", "=", "+", "*", "#", "@"],
        hasBraille: false, ellipsis: "~", arrowUp: "^", arrowDown: "v", arrowRight: ">",
        check: "+", crossMark: "x", bullet: "*", shade: "."
    )
}
