/// What the Monitors screen has selected. Kept by id and feature name, not
/// by row, so the selection stays put while monitors are re-evaluated.
public struct MonitorsUIState: Equatable, Sendable {
    /// The selected monitor; nil picks the first listed.
    public var monitor: String?
    /// The selected feature of that monitor; nil picks the first listed.
    public var feature: String?

    public init() {}
}
