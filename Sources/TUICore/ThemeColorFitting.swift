/// Fits theme colours to a terminal's colour depth.
///
/// For 256 colours and true colour this is `ColorReduction.reduce`. For the
/// 8 ANSI colours it first decides between grey and hue, because theme
/// palettes are mostly pastels that the plain nearest-colour match turns
/// into white (a pink "critical" would become white): a colour whose
/// channels differ by less than `greyChroma` becomes black or white by its
/// luminance; any other colour is pushed to full saturation (keeping its
/// hue) and then reduced with `ColorReduction.reduce`.
public enum ThemeColorFitting {
    /// Below this spread between the largest and smallest channel, a colour
    /// counts as grey when fitting to 8 colours.
    public static let greyChroma = 40

    /// `color` as shown at `depth`.
    public static func fit(_ color: Color, to depth: ColorDepth) -> Color {
        guard depth == .ansi8 else { return ColorReduction.reduce(color, to: depth) }
        let r: UInt8, g: UInt8, b: UInt8
        switch color {
        case .default: return .default
        case .indexed(let i) where i < 16: return ColorReduction.reduce(color, to: depth)
        case .indexed(let i): (r, g, b) = ColorReduction.rgb(ofPaletteIndex: i)
        case .rgb(let red, let green, let blue): (r, g, b) = (red, green, blue)
        }
        let high = Int(max(r, g, b)), low = Int(min(r, g, b))
        if high - low < greyChroma {
            let luminance = (299 * Int(r) + 587 * Int(g) + 114 * Int(b)) / 1000
            return luminance < 128 ? .black : .white
        }
        func saturate(_ v: UInt8) -> UInt8 { UInt8((Int(v) - low) * 255 / (high - low)) }
        return ColorReduction.reduce(.rgb(saturate(r), saturate(g), saturate(b)), to: depth)
    }
}
