/// Text attributes a cell can carry besides its colours.
public struct TextAttributes: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let bold = TextAttributes(rawValue: 1 << 0)
    public static let dim = TextAttributes(rawValue: 1 << 1)
    public static let reverse = TextAttributes(rawValue: 1 << 2)
    public static let underline = TextAttributes(rawValue: 1 << 3)
}

/// Foreground, background and attributes of one cell.
public struct Style: Hashable, Sendable {
    public var fg: Color
    public var bg: Color
    public var attributes: TextAttributes

    public init(fg: Color = .default, bg: Color = .default, attributes: TextAttributes = []) {
        self.fg = fg
        self.bg = bg
        self.attributes = attributes
    }

    /// The terminal's default colours with no attributes.
    public static let plain = Style()

    public func bold() -> Style { adding(.bold) }
    public func dim() -> Style { adding(.dim) }
    public func reversed() -> Style { adding(.reverse) }
    public func underlined() -> Style { adding(.underline) }

    /// This style with `extra` attributes switched on.
    public func adding(_ extra: TextAttributes) -> Style {
        var copy = self
        copy.attributes.formUnion(extra)
        return copy
    }

    /// This style with another foreground.
    public func with(fg: Color) -> Style {
        var copy = self
        copy.fg = fg
        return copy
    }

    /// This style with another background.
    public func with(bg: Color) -> Style {
        var copy = self
        copy.bg = bg
        return copy
    }
}
