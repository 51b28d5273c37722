import SimKernel

/// The value readers of the `deployments:` section: rates, shares written as
/// numbers or percentages, latencies with a unit, percent integers and times
/// of day. Like the other readers they report what was found and expected
/// at the value's position and return nil on a problem.
extension ProjectDiagnostics {
    /// A finite number above 0 (integer or decimal).
    mutating func positiveNumber(_ node: YAMLNode, _ label: String, expected: String = "a number above 0") -> Double? {
        guard let scalar = node.scalar, scalar.type == .int || scalar.type == .float, let value = scalar.double, value.isFinite else {
            error("\(label): expected \(expected), found \(node.found)", at: node)
            return nil
        }
        guard value > 0 else {
            error("\(label): expected \(expected), found \(scalar.text)", at: node)
            return nil
        }
        return value
    }

    /// A share from 0 to 1 written as a number (`0.001`) or a percentage
    /// (`0.1%`); `above0` excludes 0.
    mutating func share(_ node: YAMLNode, _ label: String, above0: Bool = false) -> Double? {
        let expected = above0 ? "a share above 0 and up to 1 (like 0.8) or a percentage like 80%"
            : "a share from 0 to 1 (like 0.001) or a percentage like 0.1%"
        guard let scalar = node.scalar, scalar.type != .null else {
            error("\(label): expected \(expected), found \(node.found)", at: node)
            return nil
        }
        var value: Double?
        if scalar.type == .int || scalar.type == .float {
            value = scalar.double
        } else if scalar.text.hasSuffix("%"), let percent = ServingValueParsing.decimal(String(scalar.text.dropLast())) {
            value = percent / 100
        }
        guard let value, value.isFinite, value >= 0, value <= 1, !(above0 && value == 0) else {
            error("\(label): expected \(expected), found \(node.found)", at: node)
            return nil
        }
        return value
    }

    /// An integer percent in `range` (weights, mirror and split shares).
    mutating func percent(_ node: YAMLNode, _ label: String, in range: ClosedRange<Int>) -> Int? {
        let expected = "an integer percent from \(range.lowerBound) to \(range.upperBound)"
        guard let scalar = node.scalar, scalar.type == .int, let value = scalar.int else {
            let hint = node.scalar?.text.hasSuffix("%") == true ? " (write the number without %)" : ""
            error("\(label): expected \(expected)\(hint), found \(node.found)", at: node)
            return nil
        }
        guard range.contains(value) else {
            error("\(label): expected \(expected), found \(value)", at: node)
            return nil
        }
        return value
    }

    /// A latency: a number with the unit `ms` or `s` (`20ms`, `1.5ms`,
    /// `0.2s`), in milliseconds, above 0.
    mutating func latency(_ node: YAMLNode, _ label: String) -> Double? {
        let expected = "a latency like 20ms or 0.2s (a number above 0 with ms or s)"
        guard let scalar = node.scalar, scalar.type != .null, let value = ServingValueParsing.latencyMilliseconds(scalar.text) else {
            error("\(label): expected \(expected), found \(node.found)", at: node)
            return nil
        }
        guard value > 0 else {
            error("\(label): expected \(expected), found \(node.found)", at: node)
            return nil
        }
        return value
    }

    /// A time of day `HH:MM` (00:00 to 23:59, UTC) as the offset from midnight.
    mutating func timeOfDay(_ node: YAMLNode, _ label: String) -> SimDuration? {
        guard let scalar = node.scalar, scalar.type != .null, let value = ServingValueParsing.timeOfDay(scalar.text) else {
            error("\(label): expected a time of day like \"14:00\" (HH:MM, UTC), found \(node.found)", at: node)
            return nil
        }
        return value
    }

    /// A name checked against `names` (unknown: a did-you-mean and the list).
    mutating func choice(_ node: YAMLNode, _ label: String, noun: String, among names: [String]) -> String? {
        let list = ServingValueParsing.list(names)
        guard let text = string(node, label, expected: list) else { return nil }
        guard names.contains(text) else {
            let hint = DidYouMean.suggestion(for: text, among: names).map { "did you mean '\($0)'? " } ?? ""
            error("\(label): unknown \(noun) '\(text)'; \(hint)expected \(list)", at: node)
            return nil
        }
        return text
    }
}

/// The text parsers behind the serving value readers.
enum ServingValueParsing {
    /// Digits with an optional fraction (`12`, `0.5`, `.5`), no sign or exponent.
    static func decimal(_ text: String) -> Double? {
        var seenPoint = false
        var seenDigit = false
        for scalar in text.unicodeScalars {
            if ("0"..."9").contains(scalar) {
                seenDigit = true
            } else if scalar == ".", !seenPoint {
                seenPoint = true
            } else {
                return nil
            }
        }
        guard seenDigit else { return nil }
        return Double(text.hasPrefix(".") ? "0" + text : text)
    }

    /// `20ms` -> 20, `0.2s` -> 200.
    static func latencyMilliseconds(_ text: String) -> Double? {
        if text.hasSuffix("ms") { return decimal(String(text.dropLast(2))) }
        if text.hasSuffix("s") { return decimal(String(text.dropLast())).map { $0 * 1000 } }
        return nil
    }

    /// `HH:MM` with HH 0-23 and MM 00-59 (one or two hour digits, two minute digits).
    static func timeOfDay(_ text: String) -> SimDuration? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
              parts.allSatisfy({ $0.unicodeScalars.allSatisfy { ("0"..."9").contains($0) } }),
              let hours = Int64(parts[0]), let minutes = Int64(parts[1]), hours < 24, minutes < 60 else { return nil }
        return .hours(hours) + .minutes(minutes)
    }

    /// `a, b or c` (or `a, b and c`).
    static func list(_ names: [String], conjunction: String = "or") -> String {
        guard names.count > 1 else { return names.first ?? "" }
        return names.dropLast().joined(separator: ", ") + " \(conjunction) " + names[names.count - 1]
    }

    /// A readable number for messages: integers as is, others with about
    /// three significant digits (`2.78`, `0.05`, `137`).
    static func format(_ value: Double) -> String {
        guard value.isFinite else { return String(value) }
        if abs(value) >= 100 || value == value.rounded() { return String(Int64(value.rounded())) }
        let scale = abs(value) >= 10 ? 10.0 : abs(value) >= 1 ? 100.0 : abs(value) >= 0.01 ? 1000.0 : 100_000.0
        return String((value * scale).rounded() / scale)
    }
}
