import TUICore

/// The styles the control room draws with, resolved once from a theme.
public struct Palette: Sendable, Equatable {
    public var base: Style
    public var text: Style
    public var muted: Style
    public var accent: Style
    public var border: Style
    public var title: Style
    public var header: Style
    public var headerAccent: Style
    public var tabActive: Style
    public var tabInactive: Style
    public var selection: Style
    public var ok: Style
    public var warn: Style
    public var critical: Style
    public var hintKey: Style
    public var hintLabel: Style
    /// The theme's model-version colours (`version_1`...`version_8`); see
    /// ``version(_:)``.
    public var versions: [Style]

    public init(base: Style, text: Style, muted: Style, accent: Style, border: Style, title: Style,
                header: Style, headerAccent: Style, tabActive: Style, tabInactive: Style, selection: Style,
                ok: Style, warn: Style, critical: Style, hintKey: Style, hintLabel: Style, versions: [Style] = []) {
        self.base = base
        self.text = text
        self.muted = muted
        self.accent = accent
        self.border = border
        self.title = title
        self.header = header
        self.headerAccent = headerAccent
        self.tabActive = tabActive
        self.tabInactive = tabInactive
        self.selection = selection
        self.ok = ok
        self.warn = warn
        self.critical = critical
        self.hintKey = hintKey
        self.hintLabel = hintLabel
        self.versions = versions
    }

    /// The colour of model version `number` (1-based): the same version has
    /// the same colour in every bar, chart and table (cycling after 8).
    public func version(_ number: Int) -> Style {
        guard !versions.isEmpty else { return accent }
        let index = ((number - 1) % versions.count + versions.count) % versions.count
        return versions[index]
    }

    /// The palette of `theme` (already reduced to the terminal's colours).
    public init(theme: Theme) {
        let header = theme.headerStyle
        let selection = theme.selectionStyle
        let hintKey: Style
        if theme.isMonochrome {
            hintKey = Style(attributes: .reverse)
        } else {
            hintKey = Style(fg: theme.color(.background), bg: theme.color(.accent))
        }
        self.init(
            base: theme.style(.background), text: theme.style(.text), muted: theme.style(.muted),
            accent: theme.style(.accent), border: theme.style(.border), title: theme.style(.title).bold(),
            header: header, headerAccent: header.with(fg: theme.isMonochrome ? .default : theme.color(.accent)).bold(),
            tabActive: selection.bold(), tabInactive: header,
            selection: selection, ok: theme.style(.ok), warn: theme.style(.warn), critical: theme.style(.critical),
            hintKey: hintKey, hintLabel: theme.style(.muted),
            versions: ThemeRole.versionRoles.indices.map { theme.versionStyle(index: $0) }
        )
    }

    /// Attributes only: the built-in mono theme, used by tests and `--no-color`.
    public static let monochrome = Palette(theme: BuiltInThemes.mono)
}

/// What every view needs besides the data: styles and glyphs.
public struct RenderContext: Sendable {
    public var palette: Palette
    public var glyphs: GlyphSet
    /// The operator's rights: keys they may not use are left out of the
    /// key-hint bar and help; the header says `read-only` when so.
    public var rights: OperatorRights

    public init(palette: Palette = .monochrome, glyphs: GlyphSet = .unicode, rights: OperatorRights = .all) {
        self.palette = palette
        self.glyphs = glyphs
        self.rights = rights
    }

    /// Separates parts of a title or footer: ` · `, or ` - ` in ASCII.
    public var separator: String { glyphs.horizontal.isASCII ? " - " : " · " }
}
