import Engine

/// What the reducer needs to know about the screen it acts on.
public struct ReducerContext: Sendable {
    /// Selectable rows on a single-list screen (after its filter).
    public var rowCount: Int
    /// The Pipelines screen's lists, when it is showing.
    public var pipelines: PipelinesData?
    /// The operator, recorded with every command (`by:`).
    public var user: String?
    /// The Models screen's lists, when it is showing.
    public var models: ModelsData?
    /// Who is deciding, for approvals and rejections: the login name, the
    /// SSH client and the wall time, taken by the run loop when the key is
    /// handled (the reducer never reads the system).
    public var identity: DecisionIdentity?
    /// The Deployments screen's list, when it is showing.
    public var deployments: DeploymentsData?
    /// The Events screen's alerts and log, when it is showing.
    public var events: EventsData?
    /// The Monitors screen's lists, when it is showing.
    public var monitors: MonitorsData?
    /// The rights the operator holds: an action needing one they lack is
    /// refused on the status line and sends nothing.
    public var rights: OperatorRights

    public init(rowCount: Int = 0, pipelines: PipelinesData? = nil, user: String? = nil,
                models: ModelsData? = nil, identity: DecisionIdentity? = nil, deployments: DeploymentsData? = nil,
                events: EventsData? = nil, monitors: MonitorsData? = nil, rights: OperatorRights = .all) {
        self.rowCount = rowCount
        self.pipelines = pipelines
        self.user = user
        self.models = models
        self.identity = identity
        self.deployments = deployments
        self.events = events
        self.monitors = monitors
        self.rights = rights
    }
}
