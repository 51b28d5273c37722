/// How colours are written in `.theme` files: `#RRGGBB`, `#RGB` (each digit
/// doubled, `#f80` = `#ff8800`), a name (`black`, `red`, `green`, `yellow`,
/// `blue`, `magenta`, `cyan`, `white`, their `bright_` forms, or `default`
/// for the terminal's own colour) or a palette index `0`-`255`. Hex digits
/// and names are case-insensitive.
public enum ThemeColorSyntax {
    /// The colour names in the order they are documented.
    public static let names: [String] = [
        "default",
        "black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
        "bright_black", "bright_red", "bright_green", "bright_yellow",
        "bright_blue", "bright_magenta", "bright_cyan", "bright_white",
    ]

    /// What a colour value should look like, for error messages.
    public static let expectation = "expected a colour like #1e1e2e, a name such as red, or 0-255"

    /// The colour `text` denotes, or a message saying what was expected.
    public static func parse(_ text: String) -> Result<Color, ColorSyntaxProblem> {
        let lower = text.lowercased()
        if lower.hasPrefix("#") {
            return parseHex(String(lower.dropFirst()), original: text)
        }
        if !lower.isEmpty, lower.allSatisfy({ $0.isASCII && $0.isNumber }) {
            guard let index = Int(lower), index <= 255 else {
                return .failure(ColorSyntaxProblem("expected a palette index 0-255, got \(text)"))
            }
            return .success(.indexed(UInt8(index)))
        }
        if let named = color(named: lower) {
            return .success(named)
        }
        var message = "\(expectation), got '\(text)'"
        if let suggestion = SpellingSuggestion.closest(to: lower, among: names) {
            message += " (did you mean '\(suggestion)'?)"
        }
        return .failure(ColorSyntaxProblem(message))
    }

    /// The colour called `name` (lower case), if it is one of `names`.
    public static func color(named name: String) -> Color? {
        if name == "default" { return .default }
        guard let index = names.firstIndex(of: name) else { return nil }
        return .indexed(UInt8(index - 1))
    }

    /// `color` written the way a theme file would: `#rrggbb`, a colour name
    /// for palette entries 0-15 and `default`, otherwise the palette index.
    public static func text(for color: Color) -> String {
        switch color {
        case .default: return "default"
        case .indexed(let i) where i < 16: return names[Int(i) + 1]
        case .indexed(let i): return String(i)
        case .rgb(let r, let g, let b): return "#" + [r, g, b].map(twoHexDigits).joined()
        }
    }

    private static func parseHex(_ digits: String, original: String) -> Result<Color, ColorSyntaxProblem> {
        let values = digits.map { $0.hexDigitValue }
        guard (values.count == 6 || values.count == 3), values.allSatisfy({ $0 != nil }) else {
            return .failure(ColorSyntaxProblem(
                "expected a colour like #1e1e2e or #fff (6 or 3 hex digits), got '\(original)'"))
        }
        let v = values.map { UInt8($0!) }
        if v.count == 3 {
            return .success(.rgb(v[0] * 17, v[1] * 17, v[2] * 17))
        }
        return .success(.rgb(v[0] * 16 + v[1], v[2] * 16 + v[3], v[4] * 16 + v[5]))
    }

    private static func twoHexDigits(_ value: UInt8) -> String {
        let digits = Array("0123456789abcdef")
        return String([digits[Int(value / 16)], digits[Int(value % 16)]])
    }
}

/// Why a colour value could not be read; `message` says what was expected.
public struct ColorSyntaxProblem: Error, Sendable, Equatable {
    public var message: String
    public init(_ message: String) { self.message = message }
}
