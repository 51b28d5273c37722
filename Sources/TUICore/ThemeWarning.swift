/// Something in a theme file that was skipped or overridden but did not stop
/// the theme from loading. `description` reads `source:line: message`.
public struct ThemeWarning: Sendable, Equatable, CustomStringConvertible {
    /// The file (or other source name) the warning is about.
    public var source: String
    /// The 1-based line number.
    public var line: Int
    /// What is wrong.
    public var message: String

    public init(source: String, line: Int, message: String) {
        self.source = source
        self.line = line
        self.message = message
    }

    public var description: String { "\(source):\(line): \(message)" }
}
