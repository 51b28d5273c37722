/// Recursive-descent parser for ``PromotionRule`` text.
///
///     rule       := or
///     or         := and ("or" and)*
///     and        := comparison ("and" comparison)*
///     comparison := sum (("<" | "<=" | ">" | ">=" | "==" | "!=") sum)?
///     sum        := product (("+" | "-") product)*
///     product    := unary (("*" | "/") unary)*
///     unary      := "-" unary | primary
///     primary    := NUMBER | METRIC | "(" or ")"
///     METRIC     := NAME | ("candidate" | "champion") "." NAME
///
/// Each part is typed as a number or a condition while it is parsed, so a
/// misplaced `and` or a bare number is reported at the right column.
struct RuleParser {
    private enum Token: Equatable {
        case number(Double, String)
        case name(String)
        case symbol(String)
        case end

        var found: String {
            switch self {
            case .number(_, let text): return "'\(text)'"
            case .name(let text): return "'\(text)'"
            case .symbol(let text): return "'\(text)'"
            case .end: return "the end of the rule"
            }
        }
    }

    private enum Typed {
        case value(RuleValue)
        case condition(RuleCondition)
    }

    private let scalars: [Unicode.Scalar]
    private var tokens: [(token: Token, offset: Int)] = []
    private var index = 0
    private var lexError: RuleParseError?

    init(_ text: String) {
        scalars = Array(text.unicodeScalars)
        tokenize()
    }

    mutating func parseRule() throws(RuleParseError) -> RuleCondition {
        if let lexError { throw lexError }
        if tokens.first?.token == .end {
            throw RuleParseError(offset: 0, message: "the rule is empty; expected a comparison like 'auc >= champion.auc + 0.005'")
        }
        let start = currentOffset
        let result = try parseOr()
        guard current == .end else {
            throw RuleParseError(offset: currentOffset, message: "unexpected \(current.found); expected 'and', 'or', an operator or the end of the rule")
        }
        return try condition(result, at: start, context: "the rule")
    }

    // MARK: Grammar

    private mutating func parseOr() throws(RuleParseError) -> Typed {
        let start = currentOffset
        var left = try parseAnd()
        while current == .name("or") {
            let left0 = try condition(left, at: start, context: "the left side of 'or'")
            advance()
            let rightStart = currentOffset
            let right = try condition(try parseAnd(), at: rightStart, context: "the right side of 'or'")
            left = .condition(.or(left0, right))
        }
        return left
    }

    private mutating func parseAnd() throws(RuleParseError) -> Typed {
        let start = currentOffset
        var left = try parseComparison()
        while current == .name("and") {
            let left0 = try condition(left, at: start, context: "the left side of 'and'")
            advance()
            let rightStart = currentOffset
            let right = try condition(try parseComparison(), at: rightStart, context: "the right side of 'and'")
            left = .condition(.and(left0, right))
        }
        return left
    }

    private mutating func parseComparison() throws(RuleParseError) -> Typed {
        let start = currentOffset
        let left = try parseSum()
        guard case .symbol(let text) = current, let comparison = RuleCondition.Comparison(rawValue: text) else { return left }
        let operatorOffset = currentOffset
        let leftValue = try value(left, at: start, context: "the left side of '\(text)'")
        advance()
        let rightStart = currentOffset
        let rightValue = try value(try parseSum(), at: rightStart, context: "the right side of '\(text)'")
        if case .symbol(let next) = current, RuleCondition.Comparison(rawValue: next) != nil {
            throw RuleParseError(offset: currentOffset,
                                 message: "comparisons cannot be chained ('\(text)' at column \(operatorOffset + 1) then '\(next)'); expected 'and' or 'or' between comparisons")
        }
        return .condition(.compare(leftValue, comparison, rightValue))
    }

    private mutating func parseSum() throws(RuleParseError) -> Typed {
        let start = currentOffset
        var left = try parseProduct()
        while case .symbol(let text) = current, text == "+" || text == "-" {
            let leftValue = try value(left, at: start, context: "the left side of '\(text)'")
            advance()
            let rightStart = currentOffset
            let rightValue = try value(try parseProduct(), at: rightStart, context: "the right side of '\(text)'")
            left = .value(.binary(text == "+" ? .add : .subtract, leftValue, rightValue))
        }
        return left
    }

    private mutating func parseProduct() throws(RuleParseError) -> Typed {
        let start = currentOffset
        var left = try parseUnary()
        while case .symbol(let text) = current, text == "*" || text == "/" {
            let leftValue = try value(left, at: start, context: "the left side of '\(text)'")
            advance()
            let rightStart = currentOffset
            let rightValue = try value(try parseUnary(), at: rightStart, context: "the right side of '\(text)'")
            left = .value(.binary(text == "*" ? .multiply : .divide, leftValue, rightValue))
        }
        return left
    }

    private mutating func parseUnary() throws(RuleParseError) -> Typed {
        if current == .symbol("-") {
            advance()
            let start = currentOffset
            return .value(.negate(try value(try parseUnary(), at: start, context: "'-'")))
        }
        return try parsePrimary()
    }

    private mutating func parsePrimary() throws(RuleParseError) -> Typed {
        let offset = currentOffset
        switch current {
        case .number(let number, let text):
            advance()
            return .value(.number(number, text: text))
        case .name(let name) where name == "and" || name == "or":
            throw RuleParseError(offset: offset, message: "unexpected '\(name)'; expected a number, a metric (like auc or champion.auc) or '('")
        case .name(let name):
            advance()
            return .value(.metric(try reference(name, at: offset)))
        case .symbol("("):
            advance()
            let inner = try parseOr()
            guard current == .symbol(")") else {
                throw RuleParseError(offset: currentOffset, message: "expected ')' to close '(' at column \(offset + 1), found \(current.found)")
            }
            advance()
            return inner
        default:
            throw RuleParseError(offset: offset, message: "expected a number, a metric (like auc or champion.auc) or '(', found \(current.found)")
        }
    }

    private func reference(_ name: String, at offset: Int) throws(RuleParseError) -> MetricReference {
        let parts = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        if parts.count == 1 { return MetricReference(subject: .candidate, name: name, explicit: false) }
        guard parts.count == 2, !parts[1].isEmpty else {
            throw RuleParseError(offset: offset, message: "invalid metric '\(name)'; expected NAME, candidate.NAME or champion.NAME")
        }
        guard let subject = MetricReference.Subject(rawValue: parts[0]) else {
            throw RuleParseError(offset: offset, message: "unknown model '\(parts[0])' in '\(name)'; expected candidate.\(parts[1]) or champion.\(parts[1])")
        }
        return MetricReference(subject: subject, name: parts[1])
    }

    // MARK: Types

    private func condition(_ typed: Typed, at offset: Int, context: String) throws(RuleParseError) -> RuleCondition {
        switch typed {
        case .condition(let condition): return condition
        case .value:
            throw RuleParseError(offset: offset, message: "\(context) is a number; expected a comparison like 'auc >= 0.8'")
        }
    }

    private func value(_ typed: Typed, at offset: Int, context: String) throws(RuleParseError) -> RuleValue {
        switch typed {
        case .value(let value): return value
        case .condition:
            throw RuleParseError(offset: offset, message: "\(context) is a comparison; expected a number or a metric")
        }
    }

    // MARK: Tokens

    private var current: Token { tokens[index].token }
    private var currentOffset: Int { tokens[index].offset }

    private mutating func advance() {
        if index < tokens.count - 1 { index += 1 }
    }

    private mutating func tokenize() {
        var position = 0
        while position < scalars.count {
            let scalar = scalars[position]
            if scalar == " " || scalar == "\t" {
                position += 1
            } else if Self.isDigit(scalar) || (scalar == "." && position + 1 < scalars.count && Self.isDigit(scalars[position + 1])) {
                let start = position
                while position < scalars.count, Self.isDigit(scalars[position]) { position += 1 }
                if position < scalars.count, scalars[position] == "." {
                    position += 1
                    while position < scalars.count, Self.isDigit(scalars[position]) { position += 1 }
                }
                if position < scalars.count, scalars[position] == "e" || scalars[position] == "E" {
                    var end = position + 1
                    if end < scalars.count, scalars[end] == "+" || scalars[end] == "-" { end += 1 }
                    if end < scalars.count, Self.isDigit(scalars[end]) {
                        position = end
                        while position < scalars.count, Self.isDigit(scalars[position]) { position += 1 }
                    }
                }
                let text = String(String.UnicodeScalarView(scalars[start..<position]))
                guard let number = Double(text), number.isFinite else {
                    lexError = RuleParseError(offset: start, message: "invalid number '\(text)'")
                    return
                }
                if position < scalars.count, Self.isNameScalar(scalars[position]) {
                    lexError = RuleParseError(offset: position, message: "unexpected '\(scalars[position])' after the number '\(text)'; expected a space or an operator")
                    return
                }
                tokens.append((.number(number, text), start))
            } else if Self.isNameStart(scalar) {
                let start = position
                while position < scalars.count, Self.isNameScalar(scalars[position]) || scalars[position] == "." { position += 1 }
                tokens.append((.name(String(String.UnicodeScalarView(scalars[start..<position]))), start))
            } else {
                let two = position + 1 < scalars.count ? String(scalar) + String(scalars[position + 1]) : ""
                if [">=", "<=", "==", "!="].contains(two) {
                    tokens.append((.symbol(two), position))
                    position += 2
                } else if "<>+-*/()".unicodeScalars.contains(scalar) {
                    tokens.append((.symbol(String(scalar)), position))
                    position += 1
                } else {
                    let hint = scalar == "=" ? "; write '==' to compare" : (scalar == "&" || scalar == "|" ? "; write 'and' / 'or'" : "")
                    lexError = RuleParseError(offset: position, message: "unexpected character '\(scalar)'\(hint); expected a metric, a number or one of < <= > >= == != + - * / ( ) and or")
                    return
                }
            }
        }
        tokens.append((.end, scalars.count))
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }
    private static func isNameStart(_ scalar: Unicode.Scalar) -> Bool { ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || scalar == "_" }
    private static func isNameScalar(_ scalar: Unicode.Scalar) -> Bool { isNameStart(scalar) || isDigit(scalar) }
}
