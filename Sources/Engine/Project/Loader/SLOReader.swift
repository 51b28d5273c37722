import SimKernel

/// Reads a monitor's `slos: {ID: {latency: "p99 < 150ms", period: 30d}}`
/// or `{ID: {availability: 99.9%}}`: each SLO has exactly one objective and
/// a target strictly between 0 and 1.
enum SLOReader {
    static let keys = ["latency", "availability", "period"]
    static let objectiveKeys = ["latency", "availability"]
    static let example = "{latency: \"p99 < 150ms\", period: 30d} or {availability: 99.9%}"
    /// The latency objective's percentiles: p50 to p99.99.
    static let percentiles: ClosedRange<Double> = 50...99.99

    static func read(_ node: YAMLNode, diagnostics d: inout ProjectDiagnostics) -> [SLOSpec]? {
        guard let entries = d.mapping(node, "slos", expected: "a mapping of SLO ids to objectives like latency: \(example)") else { return nil }
        if entries.isEmpty {
            d.error("slos: expected at least one SLO like latency: \(example), found an empty mapping", at: node)
            return nil
        }
        var slos: [SLOSpec] = []
        var valid = true
        for (id, entry) in d.uniqueEntries(entries, noun: "SLO", place: "slos") {
            valid = d.checkID(id, noun: "SLO", at: entry.keyPosition) && valid
            if let slo = readSLO(id: id, entry: entry, diagnostics: &d) { slos.append(slo) } else { valid = false }
        }
        return valid ? slos : nil
    }

    static func readSLO(id: String, entry: YAMLEntry, diagnostics d: inout ProjectDiagnostics) -> SLOSpec? {
        let place = "SLO '\(id)'"
        guard let entries = d.mapping(entry.value, place, expected: "a mapping like \(example)") else { return nil }
        var objective: (objective: SLOObjective, target: Double)?
        var first: (key: String, position: SourcePosition)?
        var period = SimDuration.days(30)
        var valid = true
        for (key, item) in d.knownKeys(entries, allowed: keys, place: place) {
            if key == "period" {
                if let value = d.duration(item.value, key, positive: true) { period = value } else { valid = false }
                continue
            }
            if let first {
                d.error("\(key): \(place) already has the objective \(first.key) (at \(first.position)); expected exactly one of latency or availability",
                        at: item.keyPosition)
                valid = false
                continue
            }
            first = (key, item.keyPosition)
            if key == "latency" {
                if let latency = readLatency(item.value, diagnostics: &d) {
                    objective = (.latency(thresholdMs: latency.thresholdMs), latency.target)
                } else {
                    valid = false
                }
            } else if let target = readAvailability(item.value, diagnostics: &d) {
                objective = (.availability, target)
            } else {
                valid = false
            }
        }
        if first == nil, entries.allSatisfy({ $0.key.map(keys.contains) ?? false }) {
            d.error("\(place) has no objective; expected latency or availability, like \(example)", at: entry.keyPosition)
            return nil
        }
        guard valid, let objective else { return nil }
        return SLOSpec(id: id, objective: objective.objective, target: objective.target, period: period)
    }

    /// `99.9%` or `0.999`: above 0 and below 1 (100% leaves no error budget).
    static func readAvailability(_ node: YAMLNode, diagnostics d: inout ProjectDiagnostics) -> Double? {
        guard let share = d.share(node, "availability", above0: true) else { return nil }
        // `99.9%` / 100 is 0.9990000000000001 in binary; round to 9 decimals so the budget is 0.001.
        let target = (share * 1e9).rounded() / 1e9
        guard target < 1 else {
            d.error("availability: a target of 100% leaves no error budget; expected a target above 0 and below 100% (like 99.9%), found \(node.found)",
                    at: node)
            return nil
        }
        return target
    }

    /// `"p99 < 150ms"`: the percentile gives the target (p99 → 0.99), the
    /// latency the threshold. Errors point at the offending character.
    static func readLatency(_ node: YAMLNode, diagnostics d: inout ProjectDiagnostics) -> (target: Double, thresholdMs: Double)? {
        guard let text = d.string(node, "latency", expected: "an objective like \"p99 < 150ms\"") else { return nil }
        switch parseLatency(text) {
        case .success(let objective):
            return objective
        case .failure(let failure):
            d.error("latency: invalid objective '\(text)': expected \(failure.expected)", at: d.position(in: node, offset: failure.offset))
            return nil
        }
    }

    /// Why a latency objective does not parse: what was expected, at which
    /// offset (in Unicode scalars) of the text.
    struct ParseFailure: Error, Equatable {
        var offset: Int
        var expected: String
    }

    /// `pNN[.NN] < LATENCY` (or `<=`), spaces optional: NN from 50 to
    /// 99.99, LATENCY a number above 0 with `ms` or `s`.
    static func parseLatency(_ text: String) -> Result<(target: Double, thresholdMs: Double), ParseFailure> {
        let scalars = Array(text.unicodeScalars)
        var index = 0
        func skipSpaces() { while index < scalars.count, scalars[index] == " " { index += 1 } }
        func isNumberScalar(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) || scalar == "." }
        skipSpaces()
        guard index < scalars.count, scalars[index] == "p" else {
            return .failure(ParseFailure(offset: index, expected: "a percentile like p99 first (\"p99 < 150ms\")"))
        }
        index += 1
        let percentileStart = index
        while index < scalars.count, isNumberScalar(scalars[index]) { index += 1 }
        let percentileText = String(String.UnicodeScalarView(scalars[percentileStart..<index]))
        guard let percentile = ServingValueParsing.decimal(percentileText), percentiles.contains(percentile) else {
            return .failure(ParseFailure(offset: percentileStart, expected: "a percentile from p50 to p99.99 (like p99 or p99.9)"))
        }
        skipSpaces()
        guard index < scalars.count, scalars[index] == "<" else {
            return .failure(ParseFailure(offset: index, expected: "< after the percentile (\"p99 < 150ms\")"))
        }
        index += 1
        if index < scalars.count, scalars[index] == "=" { index += 1 }
        skipSpaces()
        let thresholdStart = index
        var end = scalars.count
        while end > thresholdStart, scalars[end - 1] == " " { end -= 1 }
        let thresholdText = String(String.UnicodeScalarView(scalars[thresholdStart..<end]))
        guard let threshold = ServingValueParsing.latencyMilliseconds(thresholdText), threshold > 0 else {
            return .failure(ParseFailure(offset: thresholdStart, expected: "a latency above 0 with ms or s (like 150ms or 0.2s)"))
        }
        // 99.9 / 100 is 0.9990000000000001 in binary; round to the written digits.
        let target = (percentile * 10_000).rounded() / 1_000_000
        return .success((target, threshold))
    }
}
