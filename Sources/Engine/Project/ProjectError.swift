/// One problem in a project file, with the place it was found.
///
/// `line` and `column` are 1-based and count Unicode scalars, as YAML
/// parsers do. File-level problems (not found, unreadable) have line 0 and
/// column 0 and print without a position.
public struct ProjectError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file (or `<embedded demo>`) the error is in.
    public var file: String
    public var line: Int
    public var column: Int
    /// What was found and what was expected.
    public var message: String

    public init(file: String, line: Int, column: Int, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// `flightdeck.yaml:12:7: error: retries: expected an integer >= 0, found -1`
    /// (`flightdeck.yaml: error: ...` for a file-level error).
    public var description: String {
        line > 0 ? "\(file):\(line):\(column): error: \(message)" : "\(file): error: \(message)"
    }
}

/// Every problem found in a project file, sorted by line and column (then
/// in the order they were found). Validation never stops at the first one.
public struct ProjectErrors: Error, Sendable, Equatable, CustomStringConvertible {
    public let errors: [ProjectError]

    /// Sorts `errors` by (line, column), keeping the given order for ties.
    public init(_ errors: [ProjectError]) {
        self.errors = errors.enumerated()
            .sorted { ($0.element.line, $0.element.column, $0.offset) < ($1.element.line, $1.element.column, $1.offset) }
            .map(\.element)
    }

    public var count: Int { errors.count }

    /// One error per line.
    public var description: String { errors.map(\.description).joined(separator: "\n") }
}
