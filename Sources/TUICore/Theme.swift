/// A colour for every `ThemeRole`, plus the styles the UI draws with.
///
/// A colour theme styles text with the role's colour on the theme
/// background. A monochrome theme has no colours (every role is `.default`)
/// and gives meaning through attributes alone, see `ThemeMonochromeScheme`.
public struct Theme: Sendable, Equatable {
    /// The theme's name, e.g. `default` or `high-contrast`.
    public var name: String
    /// Whether the theme uses attributes only, no colours.
    public private(set) var isMonochrome: Bool
    /// Colours indexed by `ThemeRole.ordinal`.
    private var colors: [Color]

    /// A theme named `name` with `color(role)` for each role. A monochrome
    /// theme ignores `color` and stores `.default` everywhere.
    public init(name: String, isMonochrome: Bool = false, color: (ThemeRole) -> Color) {
        self.name = name
        self.isMonochrome = isMonochrome
        self.colors = ThemeRole.allCases.map { isMonochrome ? .default : color($0) }
    }

    /// The colour of `role` (`.default` in a monochrome theme).
    public func color(_ role: ThemeRole) -> Color {
        colors[role.ordinal]
    }

    /// Sets the colour of `role`; ignored by a monochrome theme.
    public mutating func setColor(_ color: Color, for role: ThemeRole) {
        guard !isMonochrome else { return }
        colors[role.ordinal] = color
    }

    /// This theme with `role` set to `color` (unchanged if monochrome).
    public func setting(_ role: ThemeRole, to color: Color) -> Theme {
        var copy = self
        copy.setColor(color, for: role)
        return copy
    }

    /// This theme switched to monochrome (dropping its colours) or marked as
    /// a colour theme again (its colours stay `.default` until set).
    public func withMonochrome(_ monochrome: Bool) -> Theme {
        var copy = self
        copy.isMonochrome = monochrome
        if monochrome { copy.colors = colors.map { _ in .default } }
        return copy
    }

    /// Text in `role`: foreground is the role's colour and background the
    /// theme background. `style(.background)` is the base style for filling
    /// the screen (text colour on the background). In a monochrome theme the
    /// role's attributes from `ThemeMonochromeScheme` instead.
    ///
    /// When a role's colour cannot be told apart (it equals the background,
    /// or the text colour, as happens after reduction to 8 colours), the
    /// role keeps its meaning through its monochrome attributes, drawn in
    /// the text colour if it would otherwise be invisible.
    public func style(_ role: ThemeRole) -> Style {
        let attributes = ThemeMonochromeScheme.attributes(for: role)
        if isMonochrome { return Style(attributes: attributes) }
        let text = color(.text), background = color(.background)
        if role == .background || role == .text { return Style(fg: text, bg: background) }
        let fg = color(role)
        if fg == background { return Style(fg: text, bg: background, attributes: attributes) }
        if fg == text { return Style(fg: fg, bg: background, attributes: attributes) }
        return Style(fg: fg, bg: background)
    }

    /// The selected row or item: `selection_fg` on `selection_bg`. When those
    /// cannot be told apart from the surroundings (the selection background
    /// equals the theme background or the selection text, e.g. after
    /// reduction to 8 colours), text on background in reverse video.
    public var selectionStyle: Style {
        if isMonochrome { return Style(attributes: .reverse) }
        let fg = color(.selectionFg), bg = color(.selectionBg), base = color(.background)
        if bg == base || fg == bg {
            return Style(fg: color(.text), bg: base, attributes: .reverse)
        }
        return Style(fg: fg, bg: bg)
    }

    /// The tab bar and header line: `header_text` on `header`. When those
    /// collapse into one colour, `header_text` on the header underlined;
    /// in a monochrome theme, underlined.
    public var headerStyle: Style {
        if isMonochrome { return Style(attributes: .underline) }
        let fg = color(.headerText), bg = color(.header)
        if fg == bg {
            return Style(fg: color(.text), bg: color(.background), attributes: .underline)
        }
        return Style(fg: fg, bg: bg)
    }

    /// The style of the `index`th model version (0-based) in traffic bars.
    /// Cycles through `version_1`...`version_8`; monochrome cycles plain,
    /// bold, underline, reverse. Negative indices cycle too.
    public func versionStyle(index: Int) -> Style {
        if isMonochrome {
            return Style(attributes: ThemeMonochromeScheme.versionAttributes(index: index))
        }
        let roles = ThemeRole.versionRoles
        return style(roles[positiveModulo(index, roles.count)])
    }

    /// The chart gradient from lowest to highest values
    /// (`chart_gradient_1` ... `chart_gradient_4`).
    public var gradient: [Color] {
        ThemeRole.gradientRoles.map(color)
    }

    /// This theme with every colour reduced to what `depth` can show, with
    /// `ThemeColorFitting.fit` (`ColorReduction.reduce`, keeping hues when
    /// going down to 8 colours). Reducing to `.monochrome` gives the
    /// monochrome attribute scheme.
    public func reduced(to depth: ColorDepth) -> Theme {
        if depth == .monochrome { return withMonochrome(true) }
        var copy = self
        copy.colors = colors.map { ThemeColorFitting.fit($0, to: depth) }
        return copy
    }
}
