import SimKernel

/// Collects the errors of one project file while its sections are read,
/// and offers the typed readers they share. Every reader reports what it
/// found and what it expected at the node's position, and returns nil on a
/// problem so that reading continues with the next value.
struct ProjectDiagnostics {
    /// The file name used in every error.
    let source: String
    /// Names of the registered builtin tasks.
    let builtins: [String]
    /// The file's lines, to place errors inside a scalar.
    let lines: [[Unicode.Scalar]]
    private(set) var errors: [ProjectError] = []
    /// Problems that do not stop the project from loading, in the order
    /// they were found (``formattedWarnings`` sorts them).
    private(set) var warnings: [(position: SourcePosition, message: String)] = []
    /// Entries declared with errors, as `section/id` (e.g. `monitors/fraud`):
    /// references to them get no second error.
    var declaredWithErrors: [String] = []
    /// The `on_alert:` names of pipelines' triggers with their positions,
    /// checked against `alerts:` once every section is read.
    var alertReferences: [(name: String, position: SourcePosition)] = []

    init(source: String, text: String, builtins: [String]) {
        self.source = source
        self.builtins = builtins
        self.lines = YAMLComposer.lines(of: text)
    }

    mutating func error(_ message: String, at position: SourcePosition) {
        errors.append(ProjectError(file: source, line: position.line, column: position.column, message: message))
    }

    mutating func error(_ message: String, at node: YAMLNode) {
        error(message, at: node.position)
    }

    mutating func warning(_ message: String, at position: SourcePosition) {
        warnings.append((position, message))
    }

    /// `file:line:col: warning: message`, sorted by position (ties in the
    /// order found).
    var formattedWarnings: [String] {
        warnings.enumerated()
            .sorted { ($0.element.position, $0.offset) < ($1.element.position, $1.offset) }
            .map { "\(source):\($0.element.position): warning: \($0.element.message)" }
    }

    // MARK: Mappings and keys

    /// The entries of a mapping, or nil (with an error) when `node` is not one.
    mutating func mapping(_ node: YAMLNode, _ label: String, expected: String = "a mapping") -> [YAMLEntry]? {
        if case .mapping(let entries) = node.kind { return entries }
        error("\(label): expected \(expected), found \(node.found)", at: node)
        return nil
    }

    /// The entries with a scalar key, each key once (the first), in file
    /// order; later duplicates are reported as `duplicate <noun> 'x' ...`.
    mutating func uniqueEntries(_ entries: [YAMLEntry], noun: String, place: String) -> [(key: String, entry: YAMLEntry)] {
        var seen: [String: SourcePosition] = [:]  // lookups only; the result keeps file order
        var result: [(key: String, entry: YAMLEntry)] = []
        for entry in entries {
            guard let key = entry.key else {
                error("expected a \(noun) name in \(place), found a mapping or list used as a key", at: entry.keyPosition)
                continue
            }
            if let first = seen[key] {
                error("duplicate \(noun) '\(key)' in \(place) (first at \(first)); expected each \(noun) once", at: entry.keyPosition)
                continue
            }
            seen[key] = entry.keyPosition
            result.append((key, entry))
        }
        return result
    }

    /// The entries of a mapping whose keys are fixed names: unknown keys are
    /// reported with a did-you-mean among `allowed`; duplicates once each.
    /// Returns the known entries in file order.
    mutating func knownKeys(_ entries: [YAMLEntry], allowed: [String], place: String) -> [(key: String, entry: YAMLEntry)] {
        uniqueEntries(entries, noun: "key", place: place).filter { key, entry in
            guard allowed.contains(key) else {
                let hint = DidYouMean.suggestion(for: key, among: allowed).map { "; did you mean '\($0)'?" }
                    ?? "; expected one of: \(allowed.joined(separator: ", "))"
                error("unknown key '\(key)' in \(place)\(hint)", at: entry.keyPosition)
                return false
            }
            return true
        }
    }

    /// Reports an id that is not lower-case letters, digits, `-` and `_`.
    /// Returns whether it is valid.
    @discardableResult
    mutating func checkID(_ id: String, noun: String, at position: SourcePosition) -> Bool {
        guard ProjectDiagnostics.isValidID(id) else {
            error("invalid \(noun) id '\(id)'; expected lower-case letters, digits, '-' and '_', starting with a letter or digit", at: position)
            return false
        }
        return true
    }

    /// `^[a-z0-9][a-z0-9_-]*$`
    static func isValidID(_ id: String) -> Bool {
        var first = true
        for scalar in id.unicodeScalars {
            let isLetterOrDigit = ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar)
            guard isLetterOrDigit || (!first && (scalar == "-" || scalar == "_")) else { return false }
            first = false
        }
        return !first
    }

    // MARK: Scalars

    /// A non-empty scalar's text (any scalar type is accepted as text).
    mutating func string(_ node: YAMLNode, _ label: String, expected: String = "a string") -> String? {
        guard let scalar = node.scalar, scalar.type != .null, !scalar.text.isEmpty else {
            error("\(label): expected \(expected), found \(node.found)", at: node)
            return nil
        }
        return scalar.text
    }

    /// An integer of at least `minimum`.
    mutating func integer(_ node: YAMLNode, _ label: String, minimum: Int) -> Int? {
        let expected = minimum == 0 ? "an integer >= 0" : "an integer >= \(minimum)"
        guard let scalar = node.scalar, scalar.type == .int, let value = scalar.int else {
            error("\(label): expected \(expected), found \(node.found)", at: node)
            return nil
        }
        guard value >= minimum else {
            error("\(label): expected \(expected), found \(value)", at: node)
            return nil
        }
        return value
    }

    mutating func boolean(_ node: YAMLNode, _ label: String) -> Bool? {
        guard let scalar = node.scalar, scalar.type == .bool, let value = scalar.bool else {
            error("\(label): expected true or false, found \(node.found)", at: node)
            return nil
        }
        return value
    }

    /// A number (integer or decimal) in `range`.
    mutating func number(_ node: YAMLNode, _ label: String, in range: ClosedRange<Double>) -> Double? {
        let expected = "a number from \(ProjectDiagnostics.format(range.lowerBound)) to \(ProjectDiagnostics.format(range.upperBound))"
        guard let scalar = node.scalar, scalar.type == .int || scalar.type == .float, let value = scalar.double, value.isFinite else {
            error("\(label): expected \(expected), found \(node.found)", at: node)
            return nil
        }
        guard range.contains(value) else {
            error("\(label): expected \(expected), found \(scalar.text)", at: node)
            return nil
        }
        return value
    }

    /// A fixed duration (`30s`, `1h30m`) of at least `minimum` (`0s` or
    /// just above zero when `positive`). Parse errors point at the
    /// offending character inside the value.
    mutating func duration(_ node: YAMLNode, _ label: String, positive: Bool = false) -> SimDuration? {
        guard let text = string(node, label, expected: "a duration like 30s, 15m, 6h or 7d") else { return nil }
        let value: SimDuration
        do {
            value = try SimDuration(parsing: text)
        } catch {
            self.error("\(label): invalid duration '\(text)': expected \(error.expected)", at: position(in: node, offset: error.offset))
            return nil
        }
        if positive && value <= .zero {
            self.error("\(label): expected a duration above 0s, found '\(text)'", at: node)
            return nil
        }
        return value
    }

    /// A fixed duration or a distribution (`lognormal(30s, 0.5)`).
    mutating func distribution(_ node: YAMLNode, _ label: String) -> DurationDistribution? {
        guard let text = string(node, label, expected: DurationDistribution.expectedForm) else { return nil }
        do {
            return try DurationDistribution(parsing: text)
        } catch {
            self.error("\(label): invalid duration '\(text)': expected \(error.expected)", at: position(in: node, offset: error.offset))
            return nil
        }
    }

    /// A list's items, or nil (with an error) when `node` is not a list.
    mutating func sequence(_ node: YAMLNode, _ label: String, expected: String) -> [YAMLNode]? {
        if case .sequence(let items) = node.kind { return items }
        error("\(label): expected \(expected), found \(node.found)", at: node)
        return nil
    }

    // MARK: Positions inside scalars

    /// The file position of the character at `offset` (in Unicode scalars)
    /// of a scalar's text. Exact for plain and quoted one-line scalars whose
    /// text up to `offset` is written as is; otherwise the scalar's start.
    func position(in node: YAMLNode, offset: Int) -> SourcePosition {
        guard let scalar = node.scalar, offset >= 0 else { return node.position }
        let contentColumn: Int
        switch scalar.style {
        case .plain: contentColumn = node.position.column
        case .singleQuoted, .doubleQuoted: contentColumn = node.position.column + 1
        case .literal, .folded: return node.position
        }
        let text = Array(scalar.text.unicodeScalars)
        guard offset <= text.count, node.position.line >= 1, node.position.line <= lines.count else { return node.position }
        let line = lines[node.position.line - 1]
        let start = contentColumn - 1
        guard start >= 0, start + offset <= line.count, Array(line[start..<(start + offset)]) == Array(text[0..<offset]) else {
            return node.position
        }
        return SourcePosition(line: node.position.line, column: contentColumn + offset)
    }

    static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}
