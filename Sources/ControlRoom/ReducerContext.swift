/// What the reducer needs to know about the screen it acts on.
public struct ReducerContext: Sendable {
    /// Selectable rows on a single-list screen (after its filter).
    public var rowCount: Int
    /// The Pipelines screen's lists, when it is showing.
    public var pipelines: PipelinesData?
    /// The operator, recorded with every command (`by:`).
    public var user: String?

    public init(rowCount: Int = 0, pipelines: PipelinesData? = nil, user: String? = nil) {
        self.rowCount = rowCount
        self.pipelines = pipelines
        self.user = user
    }
}
