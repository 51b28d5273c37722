import SimKernel

/// An immutable copy of the engine's state for the UI and the CLI, safe to
/// hand across threads.
public struct EngineSnapshot: Hashable, Sendable, Codable {
    /// The project's name.
    public var projectName: String
    /// The root seed of the run.
    public var seed: UInt64
    /// The current simulated time.
    public var now: SimTime
    /// Whether the simulated clock is paused.
    public var isPaused: Bool
    /// The current speed.
    public var speed: SimSpeed
    /// How many engine events are waiting in the queue.
    public var pendingEventCount: Int
    /// When the next queued event fires, if any.
    public var nextEventTime: SimTime?
    /// The newest log events, oldest first.
    public var recentEvents: [EngineEvent]
    /// How many events were ever logged (including ones no longer kept).
    public var totalEventCount: Int
    /// Every pipeline of the project, in project order.
    public var pipelines: [PipelineSummary]
    /// The most recent runs across pipelines, newest first.
    public var runs: [RunSummary]
    /// The last error writing the run history, if the latest write failed.
    public var storeError: String?
    /// Every model of the registry (declared ones in project order).
    public var models: [ModelSummary]
    /// Every pending approval across models, oldest first (for the header).
    public var pendingApprovals: [PendingApproval]
    /// The last error writing the registry, if the latest write failed.
    public var registryStoreError: String?
    /// The deployments, in project-file order.
    public var deployments: [DeploymentSummary]
    /// The last error writing the serving history (traffic changes, rollout
    /// states), cleared by the next success.
    public var servingStoreError: String?
    /// The monitors, in project-file order.
    public var monitors: [MonitorSummary]
    /// Every alert rule's current state, in project-file order.
    public var alerts: [AlertSummary]
    /// The newest alert transitions, oldest first (bounded).
    public var alertHistory: [AlertHistoryEntry]
    /// The continuous-training stories, oldest first (bounded; the newest is last).
    public var stories: [CTStory]
    /// The last error writing the monitoring history, cleared by the next success.
    public var monitoringStoreError: String?
    /// The newest audit records (at most 100), oldest first.
    public var audit: [AuditRecord]
    /// The last error writing the audit log, cleared by the next success.
    public var auditError: String?

    /// The first store error (run history, registry, serving, monitoring,
    /// audit log): the state the control room shows in red until a write
    /// succeeds again.
    public var writeError: String? {
        storeError ?? registryStoreError ?? servingStoreError ?? monitoringStoreError ?? auditError
    }

    /// A snapshot with all its parts.
    public init(
        projectName: String, seed: UInt64, now: SimTime, isPaused: Bool, speed: SimSpeed,
        pendingEventCount: Int, nextEventTime: SimTime?, recentEvents: [EngineEvent], totalEventCount: Int,
        pipelines: [PipelineSummary] = [], runs: [RunSummary] = [], storeError: String? = nil,
        models: [ModelSummary] = [], pendingApprovals: [PendingApproval] = [], registryStoreError: String? = nil,
        deployments: [DeploymentSummary] = [], servingStoreError: String? = nil,
        monitors: [MonitorSummary] = [], alerts: [AlertSummary] = [], alertHistory: [AlertHistoryEntry] = [],
        stories: [CTStory] = [], monitoringStoreError: String? = nil,
        audit: [AuditRecord] = [], auditError: String? = nil
    ) {
        self.projectName = projectName
        self.seed = seed
        self.now = now
        self.isPaused = isPaused
        self.speed = speed
        self.pendingEventCount = pendingEventCount
        self.nextEventTime = nextEventTime
        self.recentEvents = recentEvents
        self.totalEventCount = totalEventCount
        self.pipelines = pipelines
        self.runs = runs
        self.storeError = storeError
        self.models = models
        self.pendingApprovals = pendingApprovals
        self.registryStoreError = registryStoreError
        self.deployments = deployments
        self.servingStoreError = servingStoreError
        self.monitors = monitors
        self.alerts = alerts
        self.alertHistory = alertHistory
        self.stories = stories
        self.monitoringStoreError = monitoringStoreError
        self.audit = audit
        self.auditError = auditError
    }
}
