/// One terminal cell: a Unicode scalar and its style.
///
/// A wide character (CJK, most emoji) occupies two cells: the first holds the
/// scalar with `width == 2`, the second is a continuation cell (`width == 0`)
/// that renderers skip. Combining marks are dropped when text is written.
public struct Cell: Hashable, Sendable {
    public var scalar: Unicode.Scalar
    public var style: Style
    /// 1 for a normal cell, 2 for the first half of a wide character, 0 for
    /// the continuation half.
    public var width: UInt8

    public init(_ scalar: Unicode.Scalar = " ", style: Style = .plain, width: UInt8 = 1) {
        self.scalar = scalar
        self.style = style
        self.width = width
    }

    /// A space in the default style.
    public static let blank = Cell()

    public var isContinuation: Bool { width == 0 }
}
