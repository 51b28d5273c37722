/// A 1-based line and column in a project file (columns count Unicode
/// scalars).
struct SourcePosition: Sendable, Equatable, Comparable, CustomStringConvertible {
    var line: Int
    var column: Int

    static let start = SourcePosition(line: 1, column: 1)

    static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool { (lhs.line, lhs.column) < (rhs.line, rhs.column) }

    var description: String { "\(line):\(column)" }
}

/// The project file as a tree of positioned nodes, converted from Yams'
/// composed `Node` so that the readers never see Yams types and every value
/// knows where it was written. Mappings keep file order and every entry,
/// duplicates included (readers report them).
struct YAMLNode: Sendable {
    enum Kind: Sendable {
        case scalar(YAMLScalar)
        case mapping([YAMLEntry])
        case sequence([YAMLNode])
    }

    var kind: Kind
    var position: SourcePosition

    var scalar: YAMLScalar? {
        if case .scalar(let scalar) = kind { return scalar }
        return nil
    }

    /// For messages: `'20000'`, `nothing`, `a mapping`, `a list`.
    var found: String {
        switch kind {
        case .scalar(let scalar):
            if scalar.type == .null { return "nothing" }
            let text = scalar.text.count > 40 ? String(scalar.text.prefix(37)) + "..." : scalar.text
            return "'\(text)'"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        }
    }
}

/// A scalar with its text as written (after YAML unquoting), how it was
/// written and the type YAML's core schema gives it.
struct YAMLScalar: Sendable, Equatable {
    enum Style: Sendable, Equatable {
        case plain, singleQuoted, doubleQuoted, literal, folded
    }

    /// The type a plain scalar resolves to; quoted scalars are always strings.
    enum ValueType: Sendable, Equatable {
        case null, bool, int, float, string
    }

    var text: String
    var style: Style
    var type: ValueType
    var bool: Bool?
    var int: Int?
    var double: Double?
}

/// One `key: value` of a mapping.
struct YAMLEntry: Sendable {
    /// The key's text; nil when the key is not a scalar.
    var key: String?
    var keyPosition: SourcePosition
    var value: YAMLNode
}
