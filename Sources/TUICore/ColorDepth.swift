/// How many colours a terminal can show, from its terminfo and environment.
public enum ColorDepth: Int, Sendable, Comparable, CaseIterable {
    /// No colour: only bold, dim, reverse and underline.
    case monochrome = 0
    /// The 8 ANSI colours.
    case ansi8 = 8
    /// The xterm 256-colour palette.
    case palette256 = 256
    /// 24-bit colour.
    case trueColor = 16_777_216

    public static func < (a: ColorDepth, b: ColorDepth) -> Bool { a.rawValue < b.rawValue }
}

/// Reduces colours to what a terminal can show.
public enum ColorReduction {
    /// `color` as the nearest colour the given depth can show. Monochrome
    /// maps everything to `.default`.
    public static func reduce(_ color: Color, to depth: ColorDepth) -> Color {
        switch (color, depth) {
        case (.default, _): return .default
        case (_, .monochrome): return .default
        case (_, .trueColor): return color
        case (.indexed(let i), .palette256): return .indexed(i)
        case (.rgb(let r, let g, let b), .palette256): return .indexed(nearest256(r, g, b))
        case (.indexed(let i), .ansi8):
            if i < 8 { return .indexed(i) }
            if i < 16 { return .indexed(i - 8) }
            let (r, g, b) = rgb(ofPaletteIndex: i)
            return .indexed(nearestANSI(r, g, b))
        case (.rgb(let r, let g, let b), .ansi8): return .indexed(nearestANSI(r, g, b))
        }
    }

    /// The RGB value xterm uses for a palette index.
    public static func rgb(ofPaletteIndex i: UInt8) -> (UInt8, UInt8, UInt8) {
        if i < 16 { return ansiRGB[Int(i)] }
        if i >= 232 {
            let level = UInt8(8 + Int(i - 232) * 10)
            return (level, level, level)
        }
        let n = Int(i) - 16
        return (cubeLevels[n / 36], cubeLevels[(n / 6) % 6], cubeLevels[n % 6])
    }

    private static let cubeLevels: [UInt8] = [0, 95, 135, 175, 215, 255]
    private static let ansiRGB: [(UInt8, UInt8, UInt8)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]

    /// Nearest entry among the 6x6x6 cube and the grey ramp (16-255).
    static func nearest256(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> UInt8 {
        func cubeIndex(_ v: UInt8) -> Int {
            v < 48 ? 0 : v < 115 ? 1 : (Int(v) - 35) / 40
        }
        let ci = (cubeIndex(r), cubeIndex(g), cubeIndex(b))
        let cube = UInt8(16 + 36 * ci.0 + 6 * ci.1 + ci.2)
        let average = (Int(r) + Int(g) + Int(b)) / 3
        let greyIndex = average > 238 ? 23 : max(0, (average - 3) / 10)
        let grey = UInt8(232 + greyIndex)
        return distance(rgb(ofPaletteIndex: cube), (r, g, b)) <= distance(rgb(ofPaletteIndex: grey), (r, g, b)) ? cube : grey
    }

    /// Nearest of the 8 ANSI colours; a saturated colour keeps its hue.
    static func nearestANSI(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> UInt8 {
        var best: UInt8 = 0
        var bestDistance = Int.max
        for i in 0..<8 {
            let d = distance(ansiRGB[i], (r, g, b))
            if d < bestDistance { bestDistance = d; best = UInt8(i) }
        }
        return best
    }

    private static func distance(_ a: (UInt8, UInt8, UInt8), _ b: (UInt8, UInt8, UInt8)) -> Int {
        let dr = Int(a.0) - Int(b.0), dg = Int(a.1) - Int(b.1), db = Int(a.2) - Int(b.2)
        return 2 * dr * dr + 4 * dg * dg + 3 * db * db
    }
}
