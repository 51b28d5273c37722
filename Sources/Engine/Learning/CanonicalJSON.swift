/// A small JSON value model with a canonical writer and a strict reader,
/// used for model artifacts so their bytes never depend on a platform's
/// JSON library.
///
/// Writing: no whitespace; object members in the order given (artifact
/// code gives them sorted by key); strings escape only `"`, `\` and
/// control characters (as `\n`, `\t`, `\r` or `\u00XX`), everything else is
/// raw UTF-8; integers in decimal. Doubles are not written as JSON numbers
/// but as strings of their 16-digit lowercase IEEE-754 bit pattern (see
/// ``CanonicalJSON/hex(_:)``), so they survive exactly.
enum CanonicalJSON {
    case object([(String, CanonicalJSON)])
    case array([CanonicalJSON])
    case string(String)
    case integer(Int)

    /// A double as the string of its bit pattern.
    static func hex(_ value: Double) -> CanonicalJSON {
        let digits = String(value.bitPattern, radix: 16)
        return .string(String(repeating: "0", count: 16 - digits.count) + digits)
    }

    // MARK: Writing

    var bytes: [UInt8] {
        var out: [UInt8] = []
        write(into: &out)
        return out
    }

    func write(into out: inout [UInt8]) {
        switch self {
        case .object(let members):
            out.append(UInt8(ascii: "{"))
            for (index, (key, value)) in members.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                Self.writeString(key, into: &out)
                out.append(UInt8(ascii: ":"))
                value.write(into: &out)
            }
            out.append(UInt8(ascii: "}"))
        case .array(let elements):
            out.append(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                element.write(into: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .string(let text):
            Self.writeString(text, into: &out)
        case .integer(let value):
            out.append(contentsOf: String(value).utf8)
        }
    }

    private static func writeString(_ text: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out.append(contentsOf: "\\\"".utf8)
            case UInt8(ascii: "\\"): out.append(contentsOf: "\\\\".utf8)
            case 0x0A: out.append(contentsOf: "\\n".utf8)
            case 0x09: out.append(contentsOf: "\\t".utf8)
            case 0x0D: out.append(contentsOf: "\\r".utf8)
            case 0..<0x20:
                let digits = String(byte, radix: 16)
                out.append(contentsOf: ("\\u00" + (digits.count == 1 ? "0" : "") + digits).utf8)
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    // MARK: Reading

    /// Parses `bytes` (objects, arrays, strings, and integers; no booleans,
    /// fractional numbers or `null`, which artifacts never contain).
    init(parsing bytes: [UInt8]) throws(LearningError) {
        var reader = Reader(bytes: bytes)
        self = try reader.value(depth: 0)
        reader.skipWhitespace()
        guard reader.position == bytes.count else { throw reader.failure("trailing bytes") }
    }

    private struct Reader {
        let bytes: [UInt8]
        var position = 0

        func failure(_ detail: String) -> LearningError {
            .corruptArtifact("\(detail) at byte \(position)")
        }

        mutating func skipWhitespace() {
            while position < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[position]) { position += 1 }
        }

        mutating func expect(_ byte: UInt8) throws(LearningError) {
            skipWhitespace()
            guard position < bytes.count, bytes[position] == byte else {
                throw failure("expected '\(Character(Unicode.Scalar(byte)))'")
            }
            position += 1
        }

        mutating func peek() -> UInt8? {
            skipWhitespace()
            return position < bytes.count ? bytes[position] : nil
        }

        mutating func value(depth: Int) throws(LearningError) -> CanonicalJSON {
            guard depth < 32 else { throw failure("nesting too deep") }
            guard let byte = peek() else { throw failure("unexpected end") }
            switch byte {
            case UInt8(ascii: "{"):
                position += 1
                var members: [(String, CanonicalJSON)] = []
                if peek() == UInt8(ascii: "}") {
                    position += 1
                    return .object(members)
                }
                while true {
                    let key = try string()
                    try expect(UInt8(ascii: ":"))
                    members.append((key, try value(depth: depth + 1)))
                    if peek() == UInt8(ascii: ",") {
                        position += 1
                        continue
                    }
                    try expect(UInt8(ascii: "}"))
                    return .object(members)
                }
            case UInt8(ascii: "["):
                position += 1
                var elements: [CanonicalJSON] = []
                if peek() == UInt8(ascii: "]") {
                    position += 1
                    return .array(elements)
                }
                while true {
                    elements.append(try value(depth: depth + 1))
                    if peek() == UInt8(ascii: ",") {
                        position += 1
                        continue
                    }
                    try expect(UInt8(ascii: "]"))
                    return .array(elements)
                }
            case UInt8(ascii: "\""):
                return .string(try string())
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                let start = position
                position += 1
                while position < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[position]) { position += 1 }
                guard let value = Int(String(decoding: bytes[start..<position], as: UTF8.self)) else {
                    throw failure("bad integer")
                }
                return .integer(value)
            default:
                throw failure("unexpected character")
            }
        }

        mutating func string() throws(LearningError) -> String {
            try expect(UInt8(ascii: "\""))
            var out: [UInt8] = []
            while position < bytes.count {
                let byte = bytes[position]
                position += 1
                switch byte {
                case UInt8(ascii: "\""):
                    return String(decoding: out, as: UTF8.self)
                case UInt8(ascii: "\\"):
                    guard position < bytes.count else { throw failure("unterminated escape") }
                    let escaped = bytes[position]
                    position += 1
                    switch escaped {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(escaped)
                    case UInt8(ascii: "n"): out.append(0x0A)
                    case UInt8(ascii: "t"): out.append(0x09)
                    case UInt8(ascii: "r"): out.append(0x0D)
                    case UInt8(ascii: "b"): out.append(0x08)
                    case UInt8(ascii: "f"): out.append(0x0C)
                    case UInt8(ascii: "u"):
                        guard position + 4 <= bytes.count,
                              let code = UInt32(String(decoding: bytes[position..<(position + 4)], as: UTF8.self), radix: 16),
                              let scalar = Unicode.Scalar(code)
                        else { throw failure("bad \\u escape") }
                        position += 4
                        out.append(contentsOf: String(Character(scalar)).utf8)
                    default: throw failure("bad escape")
                    }
                case 0..<0x20:
                    throw failure("control character in string")
                default:
                    out.append(byte)
                }
            }
            throw failure("unterminated string")
        }
    }

    // MARK: Access

    func member(_ key: String) throws(LearningError) -> CanonicalJSON {
        guard case .object(let members) = self else { throw .corruptArtifact("expected an object holding \(key)") }
        guard let found = members.first(where: { $0.0 == key }) else { throw .corruptArtifact("missing \(key)") }
        return found.1
    }

    func stringValue(_ what: String) throws(LearningError) -> String {
        guard case .string(let text) = self else { throw .corruptArtifact("\(what) is not a string") }
        return text
    }

    func integerValue(_ what: String) throws(LearningError) -> Int {
        guard case .integer(let value) = self else { throw .corruptArtifact("\(what) is not an integer") }
        return value
    }

    func arrayValue(_ what: String) throws(LearningError) -> [CanonicalJSON] {
        guard case .array(let elements) = self else { throw .corruptArtifact("\(what) is not an array") }
        return elements
    }

    /// A double written by ``hex(_:)``.
    func doubleValue(_ what: String) throws(LearningError) -> Double {
        let text = try stringValue(what)
        let hexDigits = Set("0123456789abcdef".utf8)
        guard text.utf8.count == 16, text.utf8.allSatisfy(hexDigits.contains), let bits = UInt64(text, radix: 16) else {
            throw .corruptArtifact("\(what) is not a 16-digit bit pattern")
        }
        return Double(bitPattern: bits)
    }

    func stringArray(_ what: String) throws(LearningError) -> [String] {
        var result: [String] = []
        for element in try arrayValue(what) { result.append(try element.stringValue(what)) }
        return result
    }
}
