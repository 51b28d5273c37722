import TUICore

/// Assigns ncurses colour pair numbers to (foreground, background)
/// combinations, lazily and deterministically.
///
/// Pair 0 is the terminal's default colours and is never allocated. Pairs
/// 1...capacity are handed out in first-use order. When they are all taken
/// a new combination gets the nearest pair already allocated (by RGB
/// distance of both colours), or pair 0 when none is; it never fails.
/// Colours must already be reduced to the terminal's depth.
public struct ColorPairTable: Sendable {
    /// A foreground and background colour.
    public struct Colors: Hashable, Sendable {
        public var fg: Color
        public var bg: Color

        public init(fg: Color, bg: Color) {
            self.fg = fg
            self.bg = bg
        }
    }

    /// The pair to use for a combination.
    public struct Resolution: Equatable, Sendable {
        /// The ncurses pair number.
        public var pair: Int32
        /// `true` when the pair was just allocated and the caller must
        /// initialise it (`init_extended_pair`) before use.
        public var isNew: Bool

        public init(pair: Int32, isNew: Bool) {
            self.pair = pair
            self.isNew = isNew
        }
    }

    /// How many pairs may be allocated (ncurses' `COLOR_PAIRS - 1`).
    public let capacity: Int
    private var pairNumbers: [Colors: Int32] = [:]
    private var fallbacks: [Colors: Int32] = [:]
    /// Allocated combinations; pair number is index + 1.
    public private(set) var allocated: [Colors] = []

    /// A table that may allocate up to `capacity` pairs (negative counts as 0).
    public init(capacity: Int) {
        self.capacity = max(0, capacity)
    }

    /// The pair for `fg` on `bg`, allocating one when there is room.
    public mutating func resolve(fg: Color, bg: Color) -> Resolution {
        if fg == .default && bg == .default { return Resolution(pair: 0, isNew: false) }
        let key = Colors(fg: fg, bg: bg)
        if let pair = pairNumbers[key] ?? fallbacks[key] { return Resolution(pair: pair, isNew: false) }
        if allocated.count < capacity {
            allocated.append(key)
            let pair = Int32(allocated.count)
            pairNumbers[key] = pair
            return Resolution(pair: pair, isNew: true)
        }
        let pair = nearestAllocatedPair(to: key)
        fallbacks[key] = pair
        return Resolution(pair: pair, isNew: false)
    }

    /// Forgets every allocation (e.g. after the terminal was re-initialised).
    public mutating func reset() {
        pairNumbers = [:]
        fallbacks = [:]
        allocated = []
    }

    private func nearestAllocatedPair(to key: Colors) -> Int32 {
        var best: Int32 = 0
        var bestDistance = Self.distance(key, Colors(fg: .default, bg: .default))
        for (index, candidate) in allocated.enumerated() {
            let d = Self.distance(key, candidate)
            if d < bestDistance {
                bestDistance = d
                best = Int32(index + 1)
            }
        }
        return best
    }

    private static func distance(_ a: Colors, _ b: Colors) -> Int {
        distance(a.fg, b.fg) + distance(a.bg, b.bg)
    }

    /// Squared RGB distance; `.default` is only close to `.default`.
    private static func distance(_ a: Color, _ b: Color) -> Int {
        switch (rgb(a), rgb(b)) {
        case (nil, nil): return 0
        case (nil, _), (_, nil): return 3 * 256 * 256
        case (let x?, let y?):
            let dr = Int(x.0) - Int(y.0), dg = Int(x.1) - Int(y.1), db = Int(x.2) - Int(y.2)
            return dr * dr + dg * dg + db * db
        }
    }

    private static func rgb(_ color: Color) -> (UInt8, UInt8, UInt8)? {
        switch color {
        case .default: return nil
        case .indexed(let i): return ColorReduction.rgb(ofPaletteIndex: i)
        case .rgb(let r, let g, let b): return (r, g, b)
        }
    }
}
