/// How the edges leaving one slot cross the gap to the next column of a
/// `DagLayout`: out of the source horizontally, along a vertical channel
/// column, then horizontally into each target.
public struct DagRoute: Sendable, Hashable {
    /// Index of the source slot in its layer.
    public var source: Int
    /// Indices of the target slots in the next layer, ascending.
    public var targets: [Int]
    /// Canvas column of the vertical channel; `nil` when every target is on
    /// the source's row and the edge is a straight line.
    public var channelX: Int?

    public init(source: Int, targets: [Int], channelX: Int?) {
        self.source = source
        self.targets = targets
        self.channelX = channelX
    }
}
