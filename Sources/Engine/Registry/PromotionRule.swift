/// A metric named in a rule: `auc` or `candidate.auc` (the version being
/// decided on), `champion.auc` (the version holding the `champion` alias).
public struct MetricReference: Hashable, Sendable, CustomStringConvertible {
    /// Whose metric it is.
    public enum Subject: String, Hashable, Sendable {
        case candidate, champion
    }

    public var subject: Subject
    /// The metric's name, e.g. `auc`.
    public var name: String
    /// Whether it was written with `candidate.` (kept so the rule prints as written).
    public var explicit: Bool

    public init(subject: Subject, name: String, explicit: Bool = true) {
        self.subject = subject
        self.name = name
        self.explicit = explicit
    }

    /// `auc`, `candidate.auc`, `champion.auc`.
    public var description: String { subject == .candidate && !explicit ? name : "\(subject.rawValue).\(name)" }
}

/// A number-valued part of a rule.
public indirect enum RuleValue: Hashable, Sendable {
    /// Arithmetic operators, in the usual precedence (`*` `/` before `+` `-`).
    public enum Operator: String, Hashable, Sendable {
        case add = "+", subtract = "-", multiply = "*", divide = "/"
    }

    case number(Double, text: String)
    case metric(MetricReference)
    case negate(RuleValue)
    case binary(Operator, RuleValue, RuleValue)

    /// Every metric referenced, left to right (repeats included).
    var references: [MetricReference] {
        switch self {
        case .number: return []
        case .metric(let reference): return [reference]
        case .negate(let value): return value.references
        case .binary(_, let left, let right): return left.references + right.references
        }
    }
}

/// A true-or-false part of a rule.
public indirect enum RuleCondition: Hashable, Sendable {
    /// Comparison operators.
    public enum Comparison: String, Hashable, Sendable, CaseIterable {
        case greaterOrEqual = ">=", lessOrEqual = "<=", equal = "==", notEqual = "!="
        case greater = ">", less = "<"

        func holds(_ left: Double, _ right: Double) -> Bool {
            switch self {
            case .greaterOrEqual: return left >= right
            case .lessOrEqual: return left <= right
            case .equal: return left == right
            case .notEqual: return left != right
            case .greater: return left > right
            case .less: return left < right
            }
        }
    }

    case compare(RuleValue, Comparison, RuleValue)
    case and(RuleCondition, RuleCondition)
    case or(RuleCondition, RuleCondition)

    /// Every metric referenced, left to right (repeats included).
    var references: [MetricReference] {
        switch self {
        case .compare(let left, _, let right): return left.references + right.references
        case .and(let left, let right), .or(let left, let right): return left.references + right.references
        }
    }
}

/// A metric rule such as `auc >= champion.auc + 0.005 and accuracy > 0.8`:
/// comparisons of arithmetic over metric references and numbers, joined by
/// `and` / `or` (`and` binds tighter; parentheses group). Used by the `auto`
/// promotion policy and by the `register` step's `when:`.
///
/// A comparison that refers to the champion holds when there is no champion
/// yet (the first version is compared with nothing). A metric the candidate
/// (or an existing champion) does not have makes its comparison false, and
/// the explanation says which one was missing.
public struct PromotionRule: Hashable, Sendable, CustomStringConvertible {
    /// The rule as written.
    public var text: String
    /// The parsed rule.
    public var condition: RuleCondition

    /// Parses `text`.
    /// - Throws: ``RuleParseError`` with the offset (in Unicode scalars) of
    ///   the first problem.
    public init(parsing text: String) throws(RuleParseError) {
        self.text = text
        var parser = RuleParser(text)
        condition = try parser.parseRule()
    }

    public var description: String { text }

    /// Every distinct metric referenced, in order of first appearance.
    public var references: [MetricReference] {
        var result: [MetricReference] = []
        for reference in condition.references where !result.contains(where: { $0.subject == reference.subject && $0.name == reference.name }) {
            result.append(reference)
        }
        return result
    }

    /// Evaluates the rule on the candidate's metrics and the champion's
    /// (nil when there is no champion).
    public func evaluate(candidate: [MetricValue], champion: [MetricValue]?) -> RuleEvaluation {
        var missing: [String] = []
        let holds = evaluate(condition, candidate: candidate, champion: champion, missing: &missing)
        let values = references.map { reference -> String in
            let value = lookup(reference, candidate: candidate, champion: champion)
            return "\(reference) = " + (value.map(MetricFormat.text) ?? "none")
        }
        var explanation = "rule '\(text)' \(holds ? "holds" : "does not hold")"
        if !values.isEmpty { explanation += " (\(values.joined(separator: ", ")))" }
        if champion == nil && condition.references.contains(where: { $0.subject == .champion }) {
            explanation += "; there is no champion yet"
        }
        if !missing.isEmpty { explanation += "; missing: \(missing.joined(separator: ", "))" }
        return RuleEvaluation(holds: holds, explanation: explanation)
    }

    private func lookup(_ reference: MetricReference, candidate: [MetricValue], champion: [MetricValue]?) -> Double? {
        let metrics = reference.subject == .candidate ? candidate : (champion ?? [])
        return metrics.first { $0.name == reference.name }?.value
    }

    private func evaluate(_ condition: RuleCondition, candidate: [MetricValue], champion: [MetricValue]?, missing: inout [String]) -> Bool {
        switch condition {
        case .and(let left, let right):
            let a = evaluate(left, candidate: candidate, champion: champion, missing: &missing)
            let b = evaluate(right, candidate: candidate, champion: champion, missing: &missing)
            return a && b
        case .or(let left, let right):
            let a = evaluate(left, candidate: candidate, champion: champion, missing: &missing)
            let b = evaluate(right, candidate: candidate, champion: champion, missing: &missing)
            return a || b
        case .compare(let left, let comparison, let right):
            let references = condition.references
            if champion == nil && references.contains(where: { $0.subject == .champion }) { return true }
            var complete = true
            for reference in references where lookup(reference, candidate: candidate, champion: champion) == nil {
                complete = false
                let name = reference.subject == .candidate ? "candidate.\(reference.name)" : reference.description
                if !missing.contains(name) { missing.append(name) }
            }
            guard complete,
                  let a = value(left, candidate: candidate, champion: champion),
                  let b = value(right, candidate: candidate, champion: champion) else { return false }
            return comparison.holds(a, b)
        }
    }

    private func value(_ value: RuleValue, candidate: [MetricValue], champion: [MetricValue]?) -> Double? {
        switch value {
        case .number(let number, _): return number
        case .metric(let reference): return lookup(reference, candidate: candidate, champion: champion)
        case .negate(let inner): return self.value(inner, candidate: candidate, champion: champion).map { -$0 }
        case .binary(let op, let left, let right):
            guard let a = self.value(left, candidate: candidate, champion: champion),
                  let b = self.value(right, candidate: candidate, champion: champion) else { return nil }
            switch op {
            case .add: return a + b
            case .subtract: return a - b
            case .multiply: return a * b
            case .divide: return a / b
            }
        }
    }
}

/// Whether a rule held, with a one-line explanation naming the rule and the
/// values it compared (`rule 'auc >= champion.auc' holds (auc = 0.91, champion.auc = 0.9)`).
public struct RuleEvaluation: Hashable, Sendable, Codable {
    public var holds: Bool
    public var explanation: String

    public init(holds: Bool, explanation: String) {
        self.holds = holds
        self.explanation = explanation
    }
}

/// Why a rule could not be parsed, at which offset (0-based, in Unicode
/// scalars of the rule text).
public struct RuleParseError: Error, Hashable, Sendable, CustomStringConvertible {
    public var offset: Int
    /// What was found and what was expected.
    public var message: String

    public init(offset: Int, message: String) {
        self.offset = offset
        self.message = message
    }

    public var description: String { "column \(offset + 1): \(message)" }
}

/// Numbers in reasons and explanations: at most 4 decimals, no trailing zeros.
enum MetricFormat {
    static func text(_ value: Double) -> String {
        guard value.isFinite else { return String(value) }
        let scaled = (value * 10_000).rounded()
        guard abs(scaled) < 9e15 else { return String(value) }
        let integer = Int64(scaled)
        let sign = integer < 0 ? "-" : ""
        let magnitude = integer.magnitude
        var text = sign + String(magnitude / 10_000)
        var fraction = String(magnitude % 10_000)
        fraction = String(repeating: "0", count: 4 - fraction.count) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        if !fraction.isEmpty { text += "." + fraction }
        return text == "-0" ? "0" : text
    }
}
