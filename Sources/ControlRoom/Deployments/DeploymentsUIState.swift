/// What the Deployments screen has selected. Kept by id and version number,
/// not by row, so the selection stays put while deployments change.
public struct DeploymentsUIState: Equatable, Sendable {
    /// The selected deployment; nil picks the first listed.
    public var deployment: String?
    /// The selected bandit arm (a version); nil picks the first arm.
    public var arm: Int?

    public init() {}
}
