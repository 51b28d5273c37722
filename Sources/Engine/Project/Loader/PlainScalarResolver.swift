import Yams

/// The YAML 1.1 types of plain scalars exactly as Yams' default resolver
/// decides them (its bool, int, float and null rules, in that order), without
/// its regular expressions: on Linux those were a third of loading the
/// embedded demo. `PlainScalarResolverTests` compares both on many inputs.
enum PlainScalarResolver {
    static let bools: Set<String> = ["yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE", "false", "False", "FALSE",
                                     "on", "On", "ON", "off", "Off", "OFF"]
    static let nulls: Set<String> = ["", "~", "null", "Null", "NULL"]

    /// The value of a scalar typed `.bool` (Yams' own conversion refuses
    /// scalars composed with the basic resolver).
    static func boolValue(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: return nil
        }
    }

    /// The tag of a plain scalar: `.bool`, `.int`, `.float`, `.null` or `.str`.
    static func tag(of text: String) -> Tag.Name {
        if bools.contains(text) { return .bool }
        let bytes = Array(text.utf8)
        if isInt(bytes) { return .int }
        if isFloat(bytes) { return .float }
        if nulls.contains(text) { return .null }
        return .str
    }

    private static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    /// Skips an optional sign.
    private static func signed(_ s: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        if let first = s.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") { return s.dropFirst() }
        return s
    }

    /// `(?::[0-5]?[0-9])+` matched to the end.
    private static func isSexagesimalTail(_ s: ArraySlice<UInt8>) -> Bool {
        var rest = s
        var groups = 0
        while let colon = rest.first, colon == UInt8(ascii: ":") {
            rest = rest.dropFirst()
            let digits = rest.prefix { isDigit($0) }
            // [0-5]?[0-9]: one digit, or two with the first 0-5.
            guard digits.count == 1 || (digits.count == 2 && digits.first! <= UInt8(ascii: "5")) else { return false }
            rest = rest.dropFirst(digits.count)
            groups += 1
        }
        return groups > 0 && rest.isEmpty
    }

    /// `[1-9][0-9_]*` prefix length (0 when it does not start so).
    private static func decimalHead(_ s: ArraySlice<UInt8>) -> Int {
        guard let first = s.first, first >= UInt8(ascii: "1"), first <= UInt8(ascii: "9") else { return 0 }
        return 1 + s.dropFirst().prefix { isDigit($0) || $0 == UInt8(ascii: "_") }.count
    }

    static func isInt(_ bytes: [UInt8]) -> Bool {
        let s = signed(bytes[...])
        guard !s.isEmpty else { return false }
        func all(_ body: ArraySlice<UInt8>, _ allowed: (UInt8) -> Bool) -> Bool { !body.isEmpty && body.allSatisfy(allowed) }
        if s.starts(with: "0b".utf8), all(s.dropFirst(2), { $0 == 0x30 || $0 == 0x31 || $0 == 0x5F }) { return true }
        if s.starts(with: "0x".utf8), all(s.dropFirst(2), { isDigit($0) || (0x61...0x66).contains($0) || (0x41...0x46).contains($0) || $0 == 0x5F }) {
            return true
        }
        if s.first == UInt8(ascii: "0") {
            let afterZero = s.dropFirst()
            if afterZero.isEmpty { return true }
            let octal = afterZero.first == UInt8(ascii: "o") ? afterZero.dropFirst() : afterZero
            if all(octal, { ($0 >= 0x30 && $0 <= 0x37) || $0 == 0x5F }) { return true }
            return false
        }
        let head = decimalHead(s)
        guard head > 0 else { return false }
        return head == s.count || isSexagesimalTail(s.dropFirst(head))
    }

    static func isFloat(_ bytes: [UInt8]) -> Bool {
        let whole = bytes[...]
        // \.(nan|NaN|NAN) and \.[0-9_]+([eE][-+][0-9]+)? (unsigned)
        if whole.first == UInt8(ascii: ".") {
            let rest = whole.dropFirst()
            if ["nan", "NaN", "NAN"].contains(where: { rest.elementsEqual($0.utf8) }) { return true }
            let digits = rest.prefix { isDigit($0) || $0 == 0x5F }
            if !digits.isEmpty, isExponent(rest.dropFirst(digits.count), signRequired: true) { return true }
        }
        let s = signed(whole)
        // [-+]?\.(inf|Inf|INF)
        if s.first == UInt8(ascii: "."), ["inf", "Inf", "INF"].contains(where: { s.dropFirst().elementsEqual($0.utf8) }) { return true }
        // [-+]?[0-9][0-9_]* then (\.[0-9_]*)?([eE][-+]?[0-9]+)?  or  (:[0-5]?[0-9])+\.[0-9_]*
        guard let first = s.first, isDigit(first) else { return false }
        let head = 1 + s.dropFirst().prefix { isDigit($0) || $0 == 0x5F }.count
        var rest = s.dropFirst(head)
        if rest.first == UInt8(ascii: ":") {
            // Sexagesimal float: the colon groups, then a mandatory fraction.
            guard let dot = rest.firstIndex(of: UInt8(ascii: ".")),
                  isSexagesimalTail(rest[rest.startIndex..<dot]) else { return false }
            return rest[(dot + 1)...].allSatisfy { isDigit($0) || $0 == 0x5F }
        }
        if rest.first == UInt8(ascii: ".") {
            rest = rest.dropFirst()
            rest = rest.dropFirst(rest.prefix { isDigit($0) || $0 == 0x5F }.count)
        }
        return isExponent(rest, signRequired: false)
    }

    /// Empty, or `[eE][-+]?[0-9]+` (sign mandatory with `signRequired`) to the end.
    private static func isExponent(_ s: ArraySlice<UInt8>, signRequired: Bool) -> Bool {
        guard let e = s.first else { return true }
        guard e == UInt8(ascii: "e") || e == UInt8(ascii: "E") else { return false }
        var rest = s.dropFirst()
        if let sign = rest.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") {
            rest = rest.dropFirst()
        } else if signRequired {
            return false
        }
        return !rest.isEmpty && rest.allSatisfy(isDigit)
    }
}
