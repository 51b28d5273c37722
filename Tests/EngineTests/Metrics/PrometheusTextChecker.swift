/// A small checker of the Prometheus text format 0.0.4 for the tests: every
/// line must be `# HELP`, `# TYPE`, or a sample `name{label="value",...} v`
/// of a family declared before it; histograms' buckets must rise and their
/// `+Inf` bucket must equal `_count`.
struct PrometheusTextChecker {
    struct Sample: Equatable {
        var name: String
        var labels: [String: String]
        var value: Double
    }

    /// The samples, or the first problem as "line N: what".
    static func check(_ text: String) -> Result<[Sample], CheckError> {
        guard text.hasSuffix("\n") else { return .failure(CheckError(message: "no final newline")) }
        var types: [String: String] = [:]
        var samples: [Sample] = []
        for (index, line) in text.dropLast().split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = index + 1
            func fail(_ what: String) -> Result<[Sample], CheckError> { .failure(CheckError(message: "line \(number): \(what): \(line)")) }
            if line.hasPrefix("# HELP ") {
                let rest = line.dropFirst(7)
                guard let space = rest.firstIndex(of: " "), isName(rest[..<space]) else { return fail("bad HELP") }
                continue
            }
            if line.hasPrefix("# TYPE ") {
                let parts = line.dropFirst(7).split(separator: " ")
                guard parts.count == 2, isName(parts[0]), ["counter", "gauge", "histogram", "summary", "untyped"].contains(String(parts[1])) else {
                    return fail("bad TYPE")
                }
                guard types[String(parts[0])] == nil else { return fail("TYPE twice") }
                types[String(parts[0])] = String(parts[1])
                continue
            }
            if line.hasPrefix("#") || line.isEmpty { return fail("unexpected comment or blank line") }
            guard let sample = parseSample(Substring(line)) else { return fail("bad sample") }
            var family = sample.name
            for suffix in ["_bucket", "_sum", "_count"] where family.hasSuffix(suffix) && types[family] == nil {
                family = String(family.dropLast(suffix.count))
            }
            guard let type = types[family] else { return fail("sample of an undeclared family") }
            if type == "counter" && !sample.name.hasSuffix("_total") { return fail("counter without _total") }
            if type == "histogram" && sample.name.hasSuffix("_bucket") && sample.labels["le"] == nil { return fail("bucket without le") }
            samples.append(sample)
        }
        // Histograms: buckets rise per series, +Inf equals _count.
        var lastBucket: [String: Double] = [:]
        var infBucket: [String: Double] = [:]
        for sample in samples where sample.name.hasSuffix("_bucket") {
            var labels = sample.labels
            let le = labels.removeValue(forKey: "le")
            let key = String(sample.name.dropLast(7)) + "|" + labels.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
            if let previous = lastBucket[key], sample.value < previous {
                return .failure(CheckError(message: "bucket counts fall in \(key)"))
            }
            lastBucket[key] = sample.value
            if le == "+Inf" { infBucket[key] = sample.value }
        }
        for sample in samples where sample.name.hasSuffix("_count") && types[String(sample.name.dropLast(6))] == "histogram" {
            let key = String(sample.name.dropLast(6)) + "|" + sample.labels.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
            guard infBucket[key] == sample.value else { return .failure(CheckError(message: "+Inf bucket differs from _count in \(key)")) }
        }
        return .success(samples)
    }

    struct CheckError: Error, Equatable {
        var message: String
    }

    static func isName(_ text: Substring) -> Bool {
        guard let first = text.unicodeScalars.first, first == "_" || first == ":" || ("a"..."z").contains(first) || ("A"..."Z").contains(first) else {
            return false
        }
        return text.unicodeScalars.allSatisfy { $0 == "_" || $0 == ":" || ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) }
    }

    static func parseSample(_ line: Substring) -> Sample? {
        var rest = line[...]
        let nameEnd = rest.firstIndex { $0 == "{" || $0 == " " } ?? rest.endIndex
        let name = rest[..<nameEnd]
        guard isName(name) else { return nil }
        rest = rest[nameEnd...]
        var labels: [String: String] = [:]
        if rest.first == "{" {
            rest = rest.dropFirst()
            while rest.first != "}" {
                guard let equals = rest.firstIndex(of: "="), isName(rest[..<equals]) else { return nil }
                let label = String(rest[..<equals])
                rest = rest[rest.index(after: equals)...]
                guard rest.first == "\"" else { return nil }
                rest = rest.dropFirst()
                var value = ""
                while true {
                    guard let character = rest.first else { return nil }
                    rest = rest.dropFirst()
                    if character == "\"" { break }
                    if character == "\n" { return nil }
                    if character == "\\" {
                        guard let escaped = rest.first else { return nil }
                        rest = rest.dropFirst()
                        switch escaped {
                        case "\\": value.append("\\")
                        case "\"": value.append("\"")
                        case "n": value.append("\n")
                        default: return nil
                        }
                    } else {
                        value.append(character)
                    }
                }
                guard labels[label] == nil else { return nil }
                labels[label] = value
                if rest.first == "," { rest = rest.dropFirst() } else if rest.first != "}" { return nil }
            }
            rest = rest.dropFirst()
        }
        guard rest.first == " " else { return nil }
        let fields = rest.dropFirst().split(separator: " ")
        guard fields.count == 1 || fields.count == 2 else { return nil }
        let value: Double
        switch fields[0] {
        case "+Inf": value = .infinity
        case "-Inf": value = -.infinity
        case "NaN": value = .nan
        default:
            guard let parsed = Double(fields[0]) else { return nil }
            value = parsed
        }
        if fields.count == 2 && Int64(fields[1]) == nil { return nil }
        return Sample(name: String(name), labels: labels, value: value)
    }
}
