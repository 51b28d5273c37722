/// One terminal cell: a Unicode scalar and its style.
///
/// A wide character (CJK, most emoji) occupies two cells: the first holds the
/// scalar with `width == 2`, the second is a continuation cell (`width == 0`)
/// that renderers skip. Combining marks are dropped when text is written.
///
/// Stored packed in 16 bytes (scalar, foreground, background, attributes and
/// width as integers) so that comparing two frames cell by cell — the diff
/// done every frame — is two integer comparisons per cell.
public struct Cell: Hashable, Sendable {
    private var scalarValue: UInt32
    private var fgCode: UInt32
    private var bgCode: UInt32
    /// Low byte: attributes; second byte: width.
    private var flags: UInt32

    public init(_ scalar: Unicode.Scalar = " ", style: Style = .plain, width: UInt8 = 1) {
        scalarValue = scalar.value
        fgCode = Cell.code(of: style.fg)
        bgCode = Cell.code(of: style.bg)
        flags = UInt32(style.attributes.rawValue) | UInt32(width) << 8
    }

    /// A space in the default style.
    public static let blank = Cell()

    public var scalar: Unicode.Scalar {
        get { Unicode.Scalar(scalarValue) ?? " " }
        set { scalarValue = newValue.value }
    }

    public var style: Style {
        get {
            Style(fg: Cell.color(of: fgCode), bg: Cell.color(of: bgCode), attributes: TextAttributes(rawValue: UInt8(truncatingIfNeeded: flags)))
        }
        set {
            fgCode = Cell.code(of: newValue.fg)
            bgCode = Cell.code(of: newValue.bg)
            flags = (flags & 0xFF00) | UInt32(newValue.attributes.rawValue)
        }
    }

    /// 1 for a normal cell, 2 for the first half of a wide character, 0 for
    /// the continuation half.
    public var width: UInt8 {
        get { UInt8(truncatingIfNeeded: flags >> 8) }
        set { flags = (flags & 0xFF) | UInt32(newValue) << 8 }
    }

    public var isContinuation: Bool { width == 0 }

    public static func == (a: Cell, b: Cell) -> Bool {
        a.scalarValue == b.scalarValue && a.fgCode == b.fgCode && a.bgCode == b.bgCode && a.flags == b.flags
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(scalarValue)
        hasher.combine(fgCode)
        hasher.combine(bgCode)
        hasher.combine(flags)
    }

    // Colour codes: 0 = default, 0x100_0000 | index = palette, 0x200_0000 | rgb.
    private static func code(of color: Color) -> UInt32 {
        switch color {
        case .default: return 0
        case .indexed(let i): return 0x100_0000 | UInt32(i)
        case .rgb(let r, let g, let b): return 0x200_0000 | UInt32(r) << 16 | UInt32(g) << 8 | UInt32(b)
        }
    }

    private static func color(of code: UInt32) -> Color {
        switch code >> 24 {
        case 1: return .indexed(UInt8(truncatingIfNeeded: code))
        case 2: return .rgb(UInt8(truncatingIfNeeded: code >> 16), UInt8(truncatingIfNeeded: code >> 8), UInt8(truncatingIfNeeded: code))
        default: return .default
        }
    }
}
