/// A cursor over the Unicode scalars of a written duration or duration
/// distribution, producing ``DurationParseError``s that point at the first
/// character that did not fit.
struct DurationScanner {
    /// What a plain duration looks like, for error messages.
    static let expectedDuration = "a duration like 30s, 15m, 6h or 7d"

    let text: String
    let scalars: [Unicode.Scalar]
    /// 0-based offset of the next scalar to read.
    var position = 0

    init(text: String) {
        self.text = text
        self.scalars = Array(text.unicodeScalars)
    }

    var isAtEnd: Bool { position >= scalars.count }
    var current: Unicode.Scalar? { isAtEnd ? nil : scalars[position] }

    func error(_ expected: String, at offset: Int? = nil) -> DurationParseError {
        DurationParseError(text: text, offset: offset ?? position, expected: expected)
    }

    static func isDigit(_ scalar: Unicode.Scalar?) -> Bool {
        guard let scalar else { return false }
        return scalar.value >= 48 && scalar.value <= 57
    }

    static func isLetter(_ scalar: Unicode.Scalar?) -> Bool {
        guard let scalar else { return false }
        return (scalar.value >= 97 && scalar.value <= 122) || (scalar.value >= 65 && scalar.value <= 90) || scalar == "_"
    }

    mutating func skipSpaces() {
        while let scalar = current, scalar == " " || scalar == "\t" { position += 1 }
    }

    /// Consumes `scalar` or throws, expecting `expected`.
    mutating func expect(_ scalar: Unicode.Scalar, expected: String) throws(DurationParseError) {
        guard current == scalar else { throw error(expected) }
        position += 1
    }

    /// Throws unless every scalar has been read.
    func expectEnd(expected: String) throws(DurationParseError) {
        guard isAtEnd else { throw error(expected) }
    }

    /// Reads letters and underscores (possibly none).
    mutating func readIdentifier() -> String {
        var name = String.UnicodeScalarView()
        while Self.isLetter(current), let scalar = current {
            name.append(scalar)
            position += 1
        }
        return String(name)
    }

    /// Reads a run of decimal digits as an unsigned integer.
    mutating func readDigits() throws(DurationParseError) -> UInt64 {
        let start = position
        var value: UInt64 = 0
        while Self.isDigit(current), let scalar = current {
            let (times10, overflowA) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflowB) = times10.addingReportingOverflow(UInt64(scalar.value - 48))
            if overflowA || overflowB { throw error("a smaller number", at: start) }
            value = sum
            position += 1
        }
        return value
    }

    /// Reads an unsigned decimal number such as `0.5`, `2` or `1.25`.
    mutating func readDecimal(expected: String) throws(DurationParseError) -> Double {
        let start = position
        guard Self.isDigit(current) else { throw error(expected) }
        while Self.isDigit(current) { position += 1 }
        if current == "." {
            position += 1
            guard Self.isDigit(current) else { throw error("a digit after the decimal point") }
            while Self.isDigit(current) { position += 1 }
        }
        var digits = String.UnicodeScalarView()
        digits.append(contentsOf: scalars[start..<position])
        guard let value = Double(String(digits)), value.isFinite else { throw error(expected, at: start) }
        return value
    }

    /// Reads a duration (`45s`, `1h30m`, `250ms`): numbers each followed by a
    /// unit, units from largest to smallest and each used once.
    mutating func readDuration() throws(DurationParseError) -> SimDuration {
        guard Self.isDigit(current) else { throw error(Self.expectedDuration) }
        var total: Int64 = 0
        var previousUnit: DurationUnit?
        while Self.isDigit(current) {
            let numberStart = position
            let count = try readDigits()
            if current == "." {
                throw error("a whole number with a unit (write 1h30m, not 1.5h)")
            }
            let unitStart = position
            guard let unit = readUnit() else {
                throw error("a unit after the number: d, h, m, s or ms")
            }
            if let previousUnit, unit.milliseconds >= previousUnit.milliseconds {
                throw error("units from largest to smallest, each used once (like 1h30m)", at: unitStart)
            }
            previousUnit = unit
            guard count <= UInt64(Int64.max),
                  case let (part, overflowA) = Int64(count).multipliedReportingOverflow(by: unit.milliseconds), !overflowA,
                  case let (sum, overflowB) = total.addingReportingOverflow(part), !overflowB
            else { throw error("a smaller duration", at: numberStart) }
            total = sum
        }
        return SimDuration(milliseconds: total)
    }

    /// Reads one unit symbol (`ms` before `m`).
    private mutating func readUnit() -> DurationUnit? {
        guard let scalar = current else { return nil }
        let next: Unicode.Scalar? = position + 1 < scalars.count ? scalars[position + 1] : nil
        let unit: DurationUnit?
        switch scalar {
        case "d": unit = .day
        case "h": unit = .hour
        case "m": unit = next == "s" ? .millisecond : .minute
        case "s": unit = .second
        default: unit = nil
        }
        if let unit { position += unit.symbol.unicodeScalars.count }
        return unit
    }
}
