/// A theme read from a file, with what the reader should be told about it.
public struct ParsedTheme: Sendable, Equatable {
    /// The resulting theme; roles the file did not set come from the theme
    /// it inherits (the built-in default unless `inherits` says otherwise).
    public var theme: Theme
    /// Warnings in line order (unknown keys, keys set twice).
    public var warnings: [ThemeWarning]
    /// The roles the file itself set, in `ThemeRole.allCases` order.
    public var assignedRoles: [ThemeRole]

    public init(theme: Theme, warnings: [ThemeWarning] = [], assignedRoles: [ThemeRole] = []) {
        self.theme = theme
        self.warnings = warnings
        self.assignedRoles = assignedRoles
    }
}
