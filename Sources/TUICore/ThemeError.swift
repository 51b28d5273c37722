/// Why a theme could not be loaded. `description` is the message to show.
public enum ThemeError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A malformed line in a theme file: `source:line:column: message`.
    case syntax(source: String, line: Int, column: Int, message: String)
    /// A theme name that is neither a user theme nor a built-in one.
    case unknownTheme(name: String, available: [String])
    /// A theme file that exists by name or was given by path but could not
    /// be read.
    case unreadableFile(path: String, reason: String)

    public var description: String {
        switch self {
        case .syntax(let source, let line, let column, let message):
            return "\(source):\(line):\(column): \(message)"
        case .unknownTheme(let name, let available):
            return "unknown theme '\(name)'; available themes: \(available.joined(separator: ", "))"
                + " (or give the path of a .theme file)"
        case .unreadableFile(let path, let reason):
            return "cannot read theme file '\(path)': \(reason)"
        }
    }
}
