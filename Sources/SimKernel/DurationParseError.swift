/// Why a written duration (or duration distribution) could not be read.
///
/// `offset` counts Unicode scalars from the start of `text` (0-based) to the
/// first character that did not fit; `column` is the same position 1-based,
/// for messages. A caller that knows where `text` sits in a file adds its own
/// starting column.
public struct DurationParseError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The whole text that was being read.
    public var text: String
    /// 0-based offset (in Unicode scalars) of the first bad character;
    /// equal to the text's length when the text ended too early.
    public var offset: Int
    /// What would have been accepted there, e.g.
    /// `a duration like 30s, 15m, 6h or 7d`.
    public var expected: String

    /// An error at `offset` in `text`, expecting `expected`.
    public init(text: String, offset: Int, expected: String) {
        self.text = text
        self.offset = offset
        self.expected = expected
    }

    /// The 1-based column of the first bad character.
    public var column: Int { offset + 1 }

    /// E.g. `invalid duration "1.5h" at column 2: expected a duration like 30s, 15m, 6h or 7d`.
    public var description: String {
        "invalid duration \"\(text)\" at column \(column): expected \(expected)"
    }
}
