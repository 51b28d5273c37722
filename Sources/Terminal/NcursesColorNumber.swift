import TUICore

/// The colour numbers ncurses expects for `init_extended_pair`.
public enum NcursesColorNumber {
    /// The ncurses colour number for a colour already reduced to `depth`.
    ///
    /// `.default` is -1 (needs `use_default_colors`). With a direct-colour
    /// terminfo (`.trueColor`) numbers below 8 are the ANSI colours and the
    /// rest are `0xRRGGBB`, so palette entries above 7 are sent as their RGB
    /// value and RGB values below 8 are nudged to 8 (still black to the eye).
    public static func of(_ color: Color, depth: ColorDepth) -> Int32 {
        switch color {
        case .default:
            return -1
        case .indexed(let i):
            guard depth == .trueColor, i >= 8 else { return Int32(i) }
            let (r, g, b) = ColorReduction.rgb(ofPaletteIndex: i)
            return direct(r, g, b)
        case .rgb(let r, let g, let b):
            // Callers reduce first; an unreduced RGB colour still gets a
            // valid number for the depth.
            guard depth == .trueColor else {
                if case .indexed(let i) = ColorReduction.reduce(color, to: depth) { return Int32(i) }
                return -1
            }
            return direct(r, g, b)
        }
    }

    private static func direct(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> Int32 {
        max(8, Int32(r) << 16 | Int32(g) << 8 | Int32(b))
    }
}
