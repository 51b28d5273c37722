/// How a monochrome theme gives each role its meaning through attributes
/// alone (used for `NO_COLOR`, `--no-color` and terminals without colour).
///
/// Selection is reverse, the header is underlined, titles, accents, warnings
/// and thresholds are bold, critical is bold and underlined, muted text and
/// chart axes are dim; everything else is plain. Versions in traffic bars
/// cycle plain, bold, underline, reverse.
public enum ThemeMonochromeScheme {
    /// The attributes that stand in for `role`'s colour.
    public static func attributes(for role: ThemeRole) -> TextAttributes {
        switch role {
        case .muted, .chartAxis: return .dim
        case .accent, .title, .warn, .threshold: return .bold
        case .critical: return [.bold, .underline]
        case .header, .headerText: return .underline
        case .selectionFg, .selectionBg: return .reverse
        case .version1, .version2, .version3, .version4,
             .version5, .version6, .version7, .version8:
            return versionAttributes(index: ThemeRole.versionRoles.firstIndex(of: role)!)
        case .background, .text, .border, .ok, .info,
             .chartGradient1, .chartGradient2, .chartGradient3, .chartGradient4:
            return []
        }
    }

    /// The attributes of the `index`th version (0-based, any integer),
    /// cycling plain, bold, underline, reverse.
    public static func versionAttributes(index: Int) -> TextAttributes {
        versionCycle[positiveModulo(index, versionCycle.count)]
    }

    private static let versionCycle: [TextAttributes] = [[], .bold, .underline, .reverse]
}

/// `value` modulo `divisor`, never negative.
func positiveModulo(_ value: Int, _ divisor: Int) -> Int {
    let r = value % divisor
    return r < 0 ? r + divisor : r
}
