import SimKernel

/// Reads an analysis: `{conditions: [...], window: 5m, interval: 5m,
/// count: 2, min_requests: 200, failure_limit: 0, inconclusive_limit: 1}`.
/// Conditions are parsed by ``AnalysisCondition/init(parsing:)``; their
/// errors point at the offending character.
enum AnalysisReader {
    static let keys = ["conditions", "window", "interval", "count", "min_requests", "failure_limit", "inconclusive_limit"]
    static let example = "{conditions: [\"error_rate < 1%\", \"p99_latency_ms < 150\"], window: 5m}"

    static func read(_ node: YAMLNode, label: String, diagnostics d: inout ProjectDiagnostics) -> AnalysisSpec? {
        guard let entries = d.mapping(node, label, expected: "an analysis like \(example)") else { return nil }
        var analysis = AnalysisSpec(conditions: [])
        var valid = true
        var conditionsSeen = false
        var failureLimit: YAMLNode?
        var countSeen = false
        for (key, item) in d.knownKeys(entries, allowed: keys, place: label) {
            let value = item.value
            switch key {
            case "conditions":
                conditionsSeen = true
                if let conditions = readConditions(value, diagnostics: &d) { analysis.conditions = conditions } else { valid = false }
            case "window":
                if let window = d.duration(value, key, positive: true) { analysis.window = window } else { valid = false }
            case "interval":
                if let interval = d.duration(value, key, positive: true) { analysis.interval = interval } else { valid = false }
            case "count":
                countSeen = true
                if let count = d.integer(value, key, minimum: 1) { analysis.count = count } else { valid = false }
            case "min_requests":
                if let minimum = d.integer(value, key, minimum: 1) { analysis.minRequests = minimum } else { valid = false }
            case "failure_limit":
                failureLimit = value
                if let limit = d.integer(value, key, minimum: 0) { analysis.failureLimit = limit } else { valid = false }
            default:
                if let limit = d.integer(value, key, minimum: 0) { analysis.inconclusiveLimit = limit } else { valid = false }
            }
        }
        if !conditionsSeen, !DeploymentReader.missing(["conditions"], in: entries, allowed: keys).isEmpty {
            d.error("\(label): missing conditions; expected an analysis like \(example)", at: node)
            valid = false
        }
        guard valid else { return nil }
        if let failureLimit, analysis.failureLimit >= analysis.count {
            let count = countSeen ? "count (\(analysis.count))" : "count (\(analysis.count) by default)"
            d.error("failure_limit: \(analysis.failureLimit) failed measurements are allowed out of \(count), so the analysis could never fail; "
                    + "expected a failure_limit below count", at: failureLimit)
            return nil
        }
        return analysis
    }

    /// A non-empty list of condition texts.
    static func readConditions(_ node: YAMLNode, diagnostics d: inout ProjectDiagnostics) -> [AnalysisCondition]? {
        guard let items = d.sequence(node, "conditions", expected: "a list of conditions like [\"error_rate < 1%\", \"accuracy >= stable - 0.02\"]") else {
            return nil
        }
        if items.isEmpty {
            d.error("conditions: expected at least one condition like \"error_rate < 1%\", found an empty list", at: node)
            return nil
        }
        var conditions: [AnalysisCondition] = []
        var valid = true
        for item in items {
            guard let text = d.string(item, "conditions", expected: "a condition \(AnalysisCondition.expectedForm)") else {
                valid = false
                continue
            }
            do {
                conditions.append(try AnalysisCondition(parsing: text))
            } catch {
                d.error("conditions: invalid condition '\(text)': \(error.message)", at: d.position(in: item, offset: error.offset))
                valid = false
            }
        }
        return valid ? conditions : nil
    }
}
