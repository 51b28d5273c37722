/// One box of a `DagGraph`: a generic step with an id, a label and an
/// optional detail and status glyph. TUICore gives the fields no meaning.
public struct DagNode: Sendable, Hashable {
    /// Unique identifier that edges refer to.
    public var id: String
    /// Main text, e.g. a step name.
    public var label: String
    /// Secondary text shown after the label, e.g. "2/3 1m05s".
    public var detail: String?
    /// Status mark shown before the label; `nil` draws the glyph set's bullet.
    public var glyph: Unicode.Scalar?
    /// Style of the glyph and label.
    public var style: Style

    public init(id: String, label: String, detail: String? = nil, glyph: Unicode.Scalar? = nil, style: Style = .plain) {
        self.id = id
        self.label = label
        self.detail = detail
        self.glyph = glyph
        self.style = style
    }
}

/// A dependency between two `DagNode`s: `from` must come before `to`.
public struct DagEdge: Sendable, Hashable {
    public var from: String
    public var to: String

    public init(from: String, to: String) {
        self.from = from
        self.to = to
    }
}
