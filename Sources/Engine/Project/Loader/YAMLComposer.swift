import Yams

/// Turns project-file text into a ``YAMLNode`` tree with Yams' `compose`,
/// converting syntax errors into positioned messages.
///
/// Yams rejects a mapping with a duplicate key as a whole, naming only the
/// first occurrence, which would hide every other error in the file. So on
/// such an error the composer renames that first occurrence in a working
/// copy of the text (one of its characters becomes a private-use sentinel,
/// which keeps every line and column where it was), composes again, and
/// restores the original names while converting. The tree then holds every
/// entry, duplicates included, and the readers report each duplicate at its
/// own position.
enum YAMLComposer {
    enum Outcome {
        /// The document's root node.
        case document(YAMLNode)
        /// The text holds no document (empty, or only comments).
        case empty
        /// A YAML syntax error: where and what.
        case syntaxError(SourcePosition, String)
    }

    /// At most this many duplicate keys are renamed before giving up.
    static let duplicateLimit = 1000
    private static let sentinelBase: UInt32 = 0xE000

    static func compose(_ text: String) -> Outcome {
        // Deep nesting and alias bombs are refused before Yams sees them.
        if let (position, message) = YAMLStructureGuard.problem(in: text) { return .syntaxError(position, message) }
        // The text as scalars, with renamed keys, once a duplicate turns up
        // (building it costs a tenth of loading the embedded demo).
        var working: [Unicode.Scalar]?
        var originals: [Unicode.Scalar] = []
        while true {
            let yaml = working.map { String(String.UnicodeScalarView($0)) } ?? text
            do {
                guard let root = try Yams.compose(yaml: yaml, .basic) else { return .empty }
                return .document(convert(root, originals: originals))
            } catch let error as YamlError {
                var scalars = working ?? Array(text.unicodeScalars)
                let lineStarts = lineStartOffsets(of: scalars)
                if case .duplicatedKeysInMapping(let keys, let context) = error,
                   originals.count < duplicateLimit,
                   let key = keys.first,
                   let offset = keyOffset(mark: context.mark, key: key, in: scalars, lineStarts: lineStarts),
                   let sentinel = Unicode.Scalar(sentinelBase + UInt32(originals.count)) {
                    originals.append(scalars[offset])
                    scalars[offset] = sentinel
                    working = scalars
                    continue
                }
                let (position, message) = describe(error, text: yaml, lineStarts: lineStarts)
                return .syntaxError(position, message)
            } catch {
                return .syntaxError(.start, "invalid YAML: \(error)")
            }
        }
    }

    // MARK: Duplicate keys

    /// The offset of the character to rename for the key Yams reported at
    /// `mark` (its first character, after an opening quote), or nil when the
    /// text there is not that key.
    private static func keyOffset(mark: Mark, key: String, in scalars: [Unicode.Scalar], lineStarts: [Int]) -> Int? {
        guard mark.line >= 1, mark.line <= lineStarts.count, mark.column >= 1, let first = key.unicodeScalars.first else { return nil }
        var offset = lineStarts[mark.line - 1] + mark.column - 1
        guard offset < scalars.count else { return nil }
        if scalars[offset] == "\"" || scalars[offset] == "'" { offset += 1 }
        guard offset < scalars.count, scalars[offset] == first else { return nil }
        return offset
    }

    private static func restore(_ text: String, originals: [Unicode.Scalar]) -> String {
        guard !originals.isEmpty else { return text }
        var view = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let index = Int(scalar.value) - Int(sentinelBase)
            view.append(index >= 0 && index < originals.count ? originals[index] : scalar)
        }
        return String(view)
    }

    // MARK: Conversion

    private static func convert(_ node: Node, originals: [Unicode.Scalar]) -> YAMLNode {
        let position = node.mark.map { SourcePosition(line: $0.line, column: $0.column) } ?? .start
        switch node {
        case .scalar(let scalar):
            return YAMLNode(kind: .scalar(convert(scalar, node: node)), position: position)
        case .mapping(let mapping):
            let entries = mapping.map { pair -> YAMLEntry in
                let keyPosition = pair.key.mark.map { SourcePosition(line: $0.line, column: $0.column) } ?? position
                let key = pair.key.scalar.map { restore($0.string, originals: originals) }
                return YAMLEntry(key: key, keyPosition: keyPosition, value: convert(pair.value, originals: originals))
            }
            return YAMLNode(kind: .mapping(entries), position: position)
        case .sequence(let sequence):
            return YAMLNode(kind: .sequence(sequence.map { convert($0, originals: originals) }), position: position)
        case .alias(let alias):
            // Yams resolves aliases while composing; keep the anchor's text if one slips through.
            return YAMLNode(kind: .scalar(YAMLScalar(text: "*\(alias.anchor.rawValue)", style: .plain, type: .string)), position: position)
        }
    }

    private static func convert(_ scalar: Node.Scalar, node: Node) -> YAMLScalar {
        let style: YAMLScalar.Style
        switch scalar.style {
        case .singleQuoted: style = .singleQuoted
        case .doubleQuoted: style = .doubleQuoted
        case .literal: style = .literal
        case .folded: style = .folded
        default: style = .plain
        }
        var result = YAMLScalar(text: scalar.string, style: style, type: .string)
        // Composed with the basic resolver: plain scalars are typed here.
        let tag = style == .plain && node.tag.rawValue == Tag.Name.str.rawValue ? PlainScalarResolver.tag(of: scalar.string)
            : Tag.Name(rawValue: node.tag.rawValue)
        switch tag {
        case .null: result.type = .null
        case .bool:
            result.type = .bool
            result.bool = PlainScalarResolver.boolValue(scalar.string)
        case .int:
            result.type = .int
            result.int = node.int
            result.double = node.int.map(Double.init)
        case .float:
            result.type = .float
            result.double = node.float
        default: break
        }
        return result
    }

    // MARK: Syntax errors

    private static func describe(_ error: YamlError, text: String, lineStarts: [Int]) -> (SourcePosition, String) {
        func position(_ mark: Mark) -> SourcePosition {
            // libyaml puts an error at the end of a file that ends with a
            // newline on the line after the last: point at the last line's end.
            let lines = lines(of: text)
            guard mark.line > lines.count else { return SourcePosition(line: max(mark.line, 1), column: max(mark.column, 1)) }
            return SourcePosition(line: max(lines.count, 1), column: (lines.last?.count ?? 0) + 1)
        }
        func message(_ problem: String, _ context: YamlError.Context?) -> String {
            if problem.hasPrefix("Maximum nesting level reached") {
                // libyaml's own limit, hit while scanning a long run of [ or {.
                return "mappings and lists nested more than \(YAMLStructureGuard.maxDepth) levels deep; "
                    + "expected a project file nested at most \(YAMLStructureGuard.maxDepth) levels"
            }
            guard let context else { return "invalid YAML: \(problem)" }
            return "invalid YAML: \(problem) (\(context.text) at \(context.mark.line):\(context.mark.column))"
        }
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            return (position(mark), message(problem, context))
        case .reader(let problem, let offset, _, _):
            return (characterPosition(offset ?? 0, in: text), "invalid YAML: \(problem)")
        case .duplicatedKeysInMapping(let keys, let context):
            let list = keys.map { "'\($0)'" }.joined(separator: ", ")
            return (position(context.mark), "duplicate key \(list) in a mapping; expected each key once")
        default:
            return (.start, "invalid YAML: \(error)")
        }
    }

    /// The position of the `offset`-th Character of `text`.
    private static func characterPosition(_ offset: Int, in text: String) -> SourcePosition {
        var line = 1, column = 1
        for character in text.prefix(offset) {
            if character == "\n" || character == "\r\n" || character == "\r" {
                line += 1
                column = 1
            } else {
                column += character.unicodeScalars.count
            }
        }
        return SourcePosition(line: line, column: column)
    }

    // MARK: Lines

    /// The scalar offset at which each line starts; line breaks as YAML
    /// counts them (LF, CR LF, CR, NEL, LS, PS).
    static func lineStartOffsets(of scalars: [Unicode.Scalar]) -> [Int] {
        var starts = [0]
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            index += 1
            switch scalar {
            case "\r":
                if index < scalars.count, scalars[index] == "\n" { index += 1 }
                starts.append(index)
            case "\n", "\u{85}", "\u{2028}", "\u{2029}":
                starts.append(index)
            default: break
            }
        }
        return starts
    }

    /// The lines of `text` as scalars, without their line breaks.
    static func lines(of text: String) -> [[Unicode.Scalar]] {
        let scalars = Array(text.unicodeScalars)
        let starts = lineStartOffsets(of: scalars)
        return starts.enumerated().map { index, start in
            var end = index + 1 < starts.count ? starts[index + 1] : scalars.count
            while end > start, ["\n", "\r", "\u{85}", "\u{2028}", "\u{2029}"].contains(scalars[end - 1]) { end -= 1 }
            return Array(scalars[start..<end])
        }
    }
}
