/// Finds and reads the theme the user asked for (`--theme`).
///
/// - nil: the theme named `default`;
/// - a value containing `/` or ending in `.theme`: the file at that path;
/// - otherwise a name, looked up first as
///   `$XDG_CONFIG_HOME/flightdeck/themes/NAME.theme` (XDG_CONFIG_HOME
///   defaults to `$HOME/.config`), then among the built-in themes. A user
///   file therefore overrides a built-in theme of the same name.
public enum ThemeLoader {
    /// Loads the theme `nameOrPath` (see the type's documentation).
    public static func load(_ nameOrPath: String?, environment: [String: String]) throws(ThemeError) -> ParsedTheme {
        let request = nameOrPath ?? "default"
        if isPath(request) {
            return try ThemeParser.parse(ThemeFileSystem.readText(request), source: request)
        }
        if let directory = userThemeDirectory(environment: environment) {
            let path = directory + "/" + request + ".theme"
            if ThemeFileSystem.exists(path) {
                return try ThemeParser.parse(ThemeFileSystem.readText(path), source: path)
            }
        }
        if let theme = BuiltInThemes.theme(named: request) {
            return ParsedTheme(theme: theme)
        }
        throw .unknownTheme(name: request, available: availableThemes(environment: environment))
    }

    /// The names `load` accepts: the built-in themes and the user's
    /// `*.theme` files, sorted, each once.
    public static func availableThemes(environment: [String: String]) -> [String] {
        var names = BuiltInThemes.names
        if let directory = userThemeDirectory(environment: environment) {
            for entry in ThemeFileSystem.entries(of: directory) where entry.hasSuffix(".theme") {
                let name = String(entry.dropLast(".theme".count))
                if !name.isEmpty && !names.contains(name) { names.append(name) }
            }
        }
        return names.sorted()
    }

    /// `$XDG_CONFIG_HOME/flightdeck/themes`, or `$HOME/.config/flightdeck/themes`
    /// when XDG_CONFIG_HOME is unset, empty or relative (as the XDG spec
    /// asks); nil without either.
    public static func userThemeDirectory(environment: [String: String]) -> String? {
        if let config = environment["XDG_CONFIG_HOME"], config.hasPrefix("/") {
            return config + "/flightdeck/themes"
        }
        if let home = environment["HOME"], !home.isEmpty {
            return home + "/.config/flightdeck/themes"
        }
        return nil
    }

    /// Whether `value` names a file rather than a theme.
    public static func isPath(_ value: String) -> Bool {
        value.contains("/") || value.hasSuffix(".theme")
    }
}
