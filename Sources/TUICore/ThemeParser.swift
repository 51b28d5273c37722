/// Reads `.theme` files.
///
/// One `key = value` per line; lines whose first non-blank character is `#`
/// are comments, blank lines are skipped, and after a value whitespace
/// followed by `#` starts a trailing comment. Keys are the `ThemeRole` keys
/// plus three optional ones:
/// - `name = text`: the theme's name (default: the file name without
///   `.theme`);
/// - `inherits = light`: take unset roles from that built-in theme instead of
///   `default`;
/// - `monochrome = true|false`: attributes only, no colours.
///
/// Unknown keys and keys set twice are warnings (the last value wins); a line
/// without `=` or a bad value is a `ThemeError` naming file, line, column and
/// what was expected.
public enum ThemeParser {
    /// The keys that are not roles, in documentation order.
    public static let metadataKeys = ["name", "inherits", "monochrome"]

    /// Every key a theme file may use: roles, then metadata keys.
    public static var knownKeys: [String] { ThemeRole.allCases.map(\.key) + metadataKeys }

    /// Parses `text`; `source` (usually the file path) names it in messages.
    /// Roles the text leaves unset come from the built-in default theme, or
    /// from the built-in theme named by `inherits`.
    public static func parse(_ text: String, source: String) throws(ThemeError) -> ParsedTheme {
        try parse(text, source: source, fallback: { BuiltInThemes.default })
    }

    /// Parses `text` with `fallback()` supplying unset roles when there is no
    /// `inherits` key. The built-in default theme is parsed this way.
    static func parse(_ text: String, source: String, fallback: () -> Theme) throws(ThemeError) -> ParsedTheme {
        var reader = Reader(source: source)
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        for (index, line) in lines.enumerated() {
            try reader.read(Array(line), lineNumber: index + 1)
        }
        return try reader.finish(fallback: fallback)
    }

    /// Collects the settings of one file, line by line.
    private struct Reader {
        let source: String
        var colors: [ThemeRole: Color] = [:]
        var name: String?
        var inherits: (value: String, line: Int, column: Int)?
        var monochrome: Bool?
        var warnings: [ThemeWarning] = []
        var lineOfKey: [String: Int] = [:]

        init(source: String) { self.source = source }

        mutating func read(_ chars: [Character], lineNumber: Int) throws(ThemeError) {
            var start = 0
            while start < chars.count, chars[start].isWhitespace { start += 1 }
            guard start < chars.count, chars[start] != "#" else { return }

            guard let equals = chars[start...].firstIndex(of: "=") else {
                throw error(lineNumber, start, "expected 'key = value', got '\(String(chars[start...]))'")
            }
            let key = String(chars[start..<equals]).trimmingTrailingWhitespace()
            guard !key.isEmpty else {
                throw error(lineNumber, start, "expected a key before '='")
            }
            var valueStart = equals + 1
            while valueStart < chars.count, chars[valueStart].isWhitespace { valueStart += 1 }
            var valueEnd = chars.count
            for i in valueStart..<chars.count where chars[i] == "#" && i > valueStart && chars[i - 1].isWhitespace {
                valueEnd = i
                break
            }
            let value = String(chars[valueStart..<valueEnd]).trimmingTrailingWhitespace()

            if let previous = lineOfKey[key] {
                warnings.append(ThemeWarning(source: source, line: lineNumber,
                                             message: "key '\(key)' is set again (overrides line \(previous))"))
            }
            try apply(key: key, value: value, line: lineNumber, keyColumn: start, valueColumn: valueStart)
        }

        private mutating func apply(key: String, value: String, line: Int, keyColumn: Int, valueColumn: Int) throws(ThemeError) {
            if let role = ThemeRole(rawValue: key) {
                guard !value.isEmpty else {
                    throw error(line, valueColumn, "\(ThemeColorSyntax.expectation) after '='")
                }
                switch ThemeColorSyntax.parse(value) {
                case .success(let color): colors[role] = color
                case .failure(let problem): throw error(line, valueColumn, problem.message)
                }
            } else if key == "name" {
                guard !value.isEmpty else { throw error(line, valueColumn, "expected a theme name after '='") }
                name = value
            } else if key == "inherits" {
                guard BuiltInThemes.names.contains(value) else {
                    throw error(line, valueColumn, "expected the name of a built-in theme ("
                        + BuiltInThemes.names.joined(separator: ", ") + "), got '\(value)'")
                }
                inherits = (value, line, valueColumn)
            } else if key == "monochrome" {
                switch value.lowercased() {
                case "true", "yes", "on": monochrome = true
                case "false", "no", "off": monochrome = false
                default: throw error(line, valueColumn, "expected true or false, got '\(value)'")
                }
            } else {
                var message = "unknown key '\(key)'"
                if let suggestion = SpellingSuggestion.closest(to: key, among: ThemeParser.knownKeys) {
                    message += " (did you mean '\(suggestion)'?)"
                }
                warnings.append(ThemeWarning(source: source, line: line, message: message))
                return
            }
            lineOfKey[key] = line
        }

        func finish(fallback: () -> Theme) throws(ThemeError) -> ParsedTheme {
            var theme = fallback()
            if let inherits {
                guard let base = BuiltInThemes.theme(named: inherits.value) else {
                    throw error(inherits.line, inherits.column, "cannot inherit from '\(inherits.value)'")
                }
                theme = base
            }
            if let monochrome, monochrome != theme.isMonochrome {
                theme = theme.withMonochrome(monochrome)
            }
            theme.name = name ?? Self.stem(of: source)
            var assigned: [ThemeRole] = []
            for role in ThemeRole.allCases {
                guard let color = colors[role] else { continue }
                theme.setColor(color, for: role)
                assigned.append(role)
            }
            return ParsedTheme(theme: theme, warnings: warnings, assignedRoles: assigned)
        }

        private func error(_ line: Int, _ zeroBasedColumn: Int, _ message: String) -> ThemeError {
            .syntax(source: source, line: line, column: zeroBasedColumn + 1, message: message)
        }

        /// `dir/ocean.theme` -> `ocean`.
        static func stem(of source: String) -> String {
            let file = source.split(separator: "/").last.map(String.init) ?? source
            return file.hasSuffix(".theme") ? String(file.dropLast(".theme".count)) : file
        }
    }
}

extension String {
    /// This string without whitespace at its end.
    func trimmingTrailingWhitespace() -> String {
        var result = Substring(self)
        while let last = result.last, last.isWhitespace { result = result.dropLast() }
        return String(result)
    }
}
