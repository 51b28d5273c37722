/// Why an analysis condition could not be read: the 0-based offset (in
/// Unicode scalars) of the first character that did not fit, and what would
/// have been accepted there.
public struct AnalysisConditionParseError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The whole condition text.
    public var text: String
    /// 0-based offset of the offending character (the text's length when it
    /// ended too early).
    public var offset: Int
    /// What was found and what was expected, e.g.
    /// `unknown metric 'latency'; expected one of: error_rate, ...`.
    public var message: String

    public init(text: String, offset: Int, message: String) {
        self.text = text
        self.offset = offset
        self.message = message
    }

    public var description: String { "invalid condition \"\(text)\" at column \(offset + 1): \(message)" }
}

extension AnalysisMetric {
    /// Whether the metric is a fraction (0 to 1), so that a threshold may be
    /// written as a percentage (`1%` = 0.01).
    public var isFraction: Bool {
        switch self {
        case .errorRate, .accuracy, .agreement: return true
        case .p50LatencyMs, .p95LatencyMs, .p99LatencyMs: return false
        }
    }

    /// Whether the metric counts only labelled requests (so its window is
    /// shortened by the label delay).
    public var needsLabels: Bool { self == .accuracy }
}

extension AnalysisCondition {
    /// The grammar, for messages.
    public static let expectedForm = "METRIC OP THRESHOLD like \"error_rate < 1%\", \"p99_latency_ms < 150\" or \"accuracy >= stable - 0.02\""

    /// Reads `METRIC OP THRESHOLD`: METRIC one of ``AnalysisMetric``'s raw
    /// values; OP one of `<`, `<=`, `>`, `>=`; THRESHOLD a number, a
    /// percentage (`1%` = 0.01, for error_rate, accuracy and agreement), or
    /// `stable`, `stable + X`, `stable - X` (X a number, or a percentage for
    /// those metrics) or `stable * X` (X a number above 0). Spaces between
    /// the parts are optional. A fixed threshold of a fraction metric must
    /// lie between 0 and 1.
    public init(parsing text: String) throws(AnalysisConditionParseError) {
        var scanner = ConditionScanner(text: text)
        scanner.skipSpaces()
        let metricStart = scanner.offset
        let name = scanner.word()
        guard !name.isEmpty else {
            throw scanner.error(at: metricStart, "expected a metric (\(AnalysisMetric.allCases.map(\.rawValue).joined(separator: ", "))), found \(scanner.foundHere)")
        }
        guard let metric = AnalysisMetric(rawValue: name) else {
            let names = AnalysisMetric.allCases.map(\.rawValue)
            let hint = DidYouMean.suggestion(for: name, among: names).map { "did you mean '\($0)'? " } ?? ""
            throw scanner.error(at: metricStart, "unknown metric '\(name)'; \(hint)expected one of: \(names.joined(separator: ", "))")
        }
        scanner.skipSpaces()
        let comparison = try scanner.comparison()
        scanner.skipSpaces()
        let thresholdStart = scanner.offset
        let threshold: AnalysisThreshold
        if scanner.word() == "stable" {
            scanner.skipSpaces()
            if scanner.atEnd {
                threshold = .stablePlus(0)
            } else {
                let operatorOffset = scanner.offset
                let op = scanner.next()
                scanner.skipSpaces()
                switch op {
                case "+", "-":
                    let value = try scanner.number(metric: metric, percentAllowed: metric.isFraction)
                    threshold = .stablePlus(op == "+" ? value : -value)
                case "*":
                    let numberOffset = scanner.offset
                    let value = try scanner.number(metric: metric, percentAllowed: false, factor: true)
                    guard value > 0 else { throw scanner.error(at: numberOffset, "expected a factor above 0 after 'stable *', found \(ConditionScanner.format(value))") }
                    threshold = .stableTimes(value)
                default:
                    throw scanner.error(at: operatorOffset, "expected +, - or * after 'stable' (or the end of the condition), found '\(op.map(String.init) ?? "")'")
                }
            }
        } else {
            scanner.offset = thresholdStart
            let value = try scanner.number(metric: metric, percentAllowed: metric.isFraction, orStable: true)
            if metric.isFraction && value > 1 {
                throw scanner.error(at: thresholdStart, "\(metric.rawValue) is a fraction; expected a threshold from 0 to 1 or a percentage like 1%, found \(ConditionScanner.format(value))")
            }
            threshold = .value(value)
        }
        scanner.skipSpaces()
        guard scanner.atEnd else {
            throw scanner.error(at: scanner.offset, "expected the end of the condition, found \(scanner.foundHere)")
        }
        self.init(metric: metric, comparison: comparison, threshold: threshold, text: text)
    }
}

/// A cursor over a condition's Unicode scalars.
private struct ConditionScanner {
    let text: String
    let scalars: [Unicode.Scalar]
    var offset = 0

    init(text: String) {
        self.text = text
        self.scalars = Array(text.unicodeScalars)
    }

    var atEnd: Bool { offset >= scalars.count }
    var current: Unicode.Scalar? { atEnd ? nil : scalars[offset] }

    /// `'x'` for the rest of the text from here, or `the end`.
    var foundHere: String {
        atEnd ? "the end" : "'\(String(String.UnicodeScalarView(scalars[offset...])))'"
    }

    func error(at offset: Int, _ message: String) -> AnalysisConditionParseError {
        AnalysisConditionParseError(text: text, offset: offset, message: message)
    }

    mutating func skipSpaces() {
        while let scalar = current, scalar == " " || scalar == "\t" { offset += 1 }
    }

    mutating func next() -> Unicode.Scalar? {
        defer { if !atEnd { offset += 1 } }
        return current
    }

    /// Letters, digits and `_`.
    mutating func word() -> String {
        var result = String.UnicodeScalarView()
        while let scalar = current, ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "_" {
            result.append(scalar)
            offset += 1
        }
        return String(result)
    }

    mutating func comparison() throws(AnalysisConditionParseError) -> ComparisonOperator {
        let start = offset
        var symbol = String.UnicodeScalarView()
        while let scalar = current, "<>=!".unicodeScalars.contains(scalar) {
            symbol.append(scalar)
            offset += 1
        }
        guard let comparison = ComparisonOperator(rawValue: String(symbol)) else {
            offset = start
            let found = symbol.isEmpty ? foundHere : "'\(String(symbol))'"
            throw error(at: start, "expected a comparison <, <=, > or >=, found \(found)")
        }
        return comparison
    }

    /// Digits with an optional fraction (`150`, `0.02`, `.5`), then `%`
    /// when allowed (the value is divided by 100). `orStable` adds `stable`
    /// to what the error expects; `factor` names the number a factor there.
    mutating func number(metric: AnalysisMetric, percentAllowed: Bool, orStable: Bool = false, factor: Bool = false) throws(AnalysisConditionParseError) -> Double {
        let start = offset
        var digits = String.UnicodeScalarView()
        var seenPoint = false
        while let scalar = current, ("0"..."9").contains(scalar) || (scalar == "." && !seenPoint) {
            if scalar == "." { seenPoint = true }
            digits.append(scalar)
            offset += 1
        }
        let written = String(digits)
        guard written.contains(where: \.isNumber), let value = Double(written.hasPrefix(".") ? "0" + written : written) else {
            offset = start
            let example = percentAllowed ? "a number like 0.02 or a percentage like 1%" : "a number like 150"
            throw error(at: start, "expected \(example)\(orStable ? " or stable" : ""), found \(foundHere)")
        }
        if current == "%" {
            guard percentAllowed else {
                let why = factor ? "a factor" : "\(metric.rawValue), which is not a fraction"
                throw error(at: offset, "a percentage does not fit \(why); expected a plain number, found '%'")
            }
            offset += 1
            return value / 100
        }
        return value
    }

    static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}
