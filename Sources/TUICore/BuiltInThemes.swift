/// The themes compiled into the binary: `default` (dark), `light`,
/// `high-contrast` and `mono`. They are parsed from their file texts the
/// first time they are used.
public enum BuiltInThemes {
    /// The built-in theme names, sorted.
    public static let names: [String] = ["default", "high-contrast", "light", "mono"]

    /// The `.theme` file text of the built-in theme `name`, or nil.
    public static func text(named name: String) -> String? {
        switch name {
        case "default": return BuiltInThemeTexts.defaultText
        case "light": return BuiltInThemeTexts.lightText
        case "high-contrast": return BuiltInThemeTexts.highContrastText
        case "mono": return BuiltInThemeTexts.monoText
        default: return nil
        }
    }

    /// The built-in theme `name`, or nil.
    public static func theme(named name: String) -> Theme? {
        switch name {
        case "default": return `default`
        case "light": return light
        case "high-contrast": return highContrast
        case "mono": return mono
        default: return nil
        }
    }

    /// The default dark theme; every other theme falls back to it.
    public static let `default` = parseBuiltIn("default", fallback: { Theme(name: "", color: { _ in .default }) })
    /// The light theme.
    public static let light = parseBuiltIn("light", fallback: { `default` })
    /// The high-contrast theme: black background, white text, saturated status colours.
    public static let highContrast = parseBuiltIn("high-contrast", fallback: { `default` })
    /// The monochrome theme: attributes only.
    public static let mono = parseBuiltIn("mono", fallback: { `default` })

    /// Parses a compiled-in text; they are checked by the tests, so a failure
    /// here is a programming error.
    private static func parseBuiltIn(_ name: String, fallback: () -> Theme) -> Theme {
        let source = "\(name).theme"
        do {
            return try ThemeParser.parse(text(named: name)!, source: source, fallback: fallback).theme
        } catch {
            fatalError("built-in theme \(error)")
        }
    }
}
