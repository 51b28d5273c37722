/// The closed set of things a theme gives a colour to. The raw value is the
/// snake_case key used in `.theme` files.
///
/// The chart gradient is four roles, `chart_gradient_1` (lowest values) to
/// `chart_gradient_4` (highest); `Theme.gradient` returns them in that order.
/// Traffic bars colour model versions with `version_1` ... `version_8`,
/// cycling when there are more versions.
public enum ThemeRole: String, CaseIterable, Sendable {
    case background
    case text
    case muted
    case accent
    case border
    case title
    case header
    case headerText = "header_text"
    case selectionFg = "selection_fg"
    case selectionBg = "selection_bg"
    case ok
    case warn
    case critical
    case info
    case chartAxis = "chart_axis"
    case chartGradient1 = "chart_gradient_1"
    case chartGradient2 = "chart_gradient_2"
    case chartGradient3 = "chart_gradient_3"
    case chartGradient4 = "chart_gradient_4"
    case threshold
    case version1 = "version_1"
    case version2 = "version_2"
    case version3 = "version_3"
    case version4 = "version_4"
    case version5 = "version_5"
    case version6 = "version_6"
    case version7 = "version_7"
    case version8 = "version_8"

    /// The key naming this role in a `.theme` file.
    public var key: String { rawValue }

    /// One line on what the role colours, for documentation and help.
    public var summary: String {
        switch self {
        case .background: return "background of the whole screen"
        case .text: return "ordinary text"
        case .muted: return "secondary text: hints, timestamps, disabled items"
        case .accent: return "highlights: key hints, links, the focused panel"
        case .border: return "panel borders and separators"
        case .title: return "panel titles"
        case .header: return "background of the tab bar and header line"
        case .headerText: return "text on the tab bar and header line"
        case .selectionFg: return "text of the selected row or item"
        case .selectionBg: return "background of the selected row or item"
        case .ok: return "healthy status: succeeded, passing, within limits"
        case .warn: return "warning status: retrying, degraded, near a limit"
        case .critical: return "critical status: failed, breached, rolled back"
        case .info: return "informational status: running, queued, notes"
        case .chartAxis: return "chart axes, ticks and labels"
        case .chartGradient1: return "chart gradient, lowest values"
        case .chartGradient2: return "chart gradient, low-middle values"
        case .chartGradient3: return "chart gradient, high-middle values"
        case .chartGradient4: return "chart gradient, highest values"
        case .threshold: return "threshold and limit lines on charts"
        case .version1, .version2, .version3, .version4,
             .version5, .version6, .version7, .version8:
            return "model version colour in traffic bars (cycles after 8)"
        }
    }

    /// The gradient roles from lowest to highest.
    public static let gradientRoles: [ThemeRole] = [.chartGradient1, .chartGradient2, .chartGradient3, .chartGradient4]

    /// The per-version roles in order.
    public static let versionRoles: [ThemeRole] = [.version1, .version2, .version3, .version4,
                                                   .version5, .version6, .version7, .version8]

    /// Position of the role in `allCases`, used to store colours in an array.
    var ordinal: Int { Self.ordinals[self]! }

    private static let ordinals: [ThemeRole: Int] = {
        var table: [ThemeRole: Int] = [:]
        for (index, role) in allCases.enumerated() { table[role] = index }
        return table
    }()
}
