import SimKernel

/// The value readers shared by the `monitors:` and `alerts:` sections:
/// references to ids of another section and plain non-negative numbers.
/// Like the other readers they report what was found and expected at the
/// value's position and return nil on a problem.
extension ProjectDiagnostics {
    /// A name that must be one of `names`, the ids of `section` (e.g. a
    /// monitor's `deployment`). Unknown: a did-you-mean, or the declared
    /// ids, or that there are none. A name declared with errors of its own
    /// returns nil without a second error.
    mutating func reference(_ node: YAMLNode, _ label: String, noun: String, section: String, among names: [String]) -> String? {
        guard let name = string(node, label, expected: "the id of a \(noun) declared under \(section):") else { return nil }
        if names.contains(name) { return name }
        if declaredWithErrors.contains("\(section)/\(name)") { return nil }
        error("\(label): unknown \(noun) '\(name)'\(ProjectDiagnostics.unknownHint(name, among: names, noun: noun, section: section))", at: node)
        return nil
    }

    /// `; did you mean 'x'?`, else `; declared NOUNs: a, b`, else `; no NOUNs are declared (add one under SECTION:)`.
    static func unknownHint(_ name: String, among names: [String], noun: String, section: String) -> String {
        if let suggestion = DidYouMean.suggestion(for: name, among: names) { return "; did you mean '\(suggestion)'?" }
        if names.isEmpty { return "; no \(noun)s are declared (add one under \(section):)" }
        return "; declared \(noun)s: \(names.joined(separator: ", "))"
    }

    /// A finite number of at least 0 (integer or decimal).
    mutating func nonNegativeNumber(_ node: YAMLNode, _ label: String, expected: String = "a number >= 0") -> Double? {
        guard let scalar = node.scalar, scalar.type == .int || scalar.type == .float, let value = scalar.double, value.isFinite, value >= 0 else {
            error("\(label): expected \(expected), found \(node.found)", at: node)
            return nil
        }
        return value
    }
}
