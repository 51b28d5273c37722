/// One place in a column of a `DagLayout`.
public enum LayoutSlot: Sendable, Hashable {
    /// A real node, by id.
    case node(String)
    /// A bend point of the edge `from -> to` where it crosses a column it
    /// does not stop in; drawn as a straight line.
    case dummy(from: String, to: String)
    /// The "+N more" slot standing for the nodes that did not fit in the
    /// column; edges to any of `hidden` attach to it.
    case collapsed(hidden: [String])
}
