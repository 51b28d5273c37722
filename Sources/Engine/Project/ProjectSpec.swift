import SimKernel

/// A whole project as declared in `flightdeck.yaml`, validated. Lists keep
/// the order of the file so that everything derived from them is
/// deterministic.
public struct ProjectSpec: Sendable, Equatable {
    /// `project:` — shown in the header.
    public var name: String
    /// `seed:` — root of every random stream.
    public var seed: UInt64
    /// `pools:` — named slot pools shared by all pipelines.
    public var pools: [PoolSpec]
    /// `pipelines:` in file order.
    public var pipelines: [PipelineSpec]
    /// `data:` — synthetic features, label rule and drift (nil when absent).
    public var data: DataSpec?
    /// `models:` in file order.
    public var models: [ModelSpec] = []
    /// The `deployments:` section: prediction services and their rollouts.
    public var deployments: [DeploymentSpec] = []
    /// The `monitors:` section: drift, concept drift and SLOs per deployment.
    public var monitors: [MonitorSpec] = []
    /// The `alerts:` section: rules on the monitors' signals, keyed by the
    /// name `on_alert:` triggers use.
    public var alerts: [AlertRuleSpec] = []
    /// The `access:` section: who may trigger, approve, roll back, change
    /// weights, archive (``AccessPolicy/open`` when absent).
    public var access: AccessPolicy = .open
    /// Plan checks that do not stop the project from loading (e.g. a canary
    /// step whose expected traffic is too small for its analysis), each
    /// formatted `file:line:col: warning: ...`.
    public var warnings: [String] = []
    /// Where the file came from (a path, or `<embedded demo>`), for messages.
    public var source: String
    /// The directory shell steps run in and relative outputs resolve against
    /// (the project file's directory; nil for the embedded demo: a temporary
    /// working directory is used).
    public var directory: String?

    public init(name: String, seed: UInt64 = 42, pools: [PoolSpec] = [], pipelines: [PipelineSpec] = [], source: String = "<memory>", directory: String? = nil) {
        self.name = name
        self.seed = seed
        self.pools = pools
        self.pipelines = pipelines
        self.source = source
        self.directory = directory
    }

    public func pipeline(_ id: String) -> PipelineSpec? { pipelines.first { $0.id == id } }
    public func pool(_ id: String) -> PoolSpec? { pools.first { $0.id == id } }
    public func model(_ id: String) -> ModelSpec? { models.first { $0.id == id } }
    public func deployment(_ id: String) -> DeploymentSpec? { deployments.first { $0.id == id } }
    public func monitor(_ id: String) -> MonitorSpec? { monitors.first { $0.id == id } }
    public func alert(_ id: String) -> AlertRuleSpec? { alerts.first { $0.id == id } }
}

/// A named pool of slots; a step that names it waits for a free slot.
public struct PoolSpec: Sendable, Equatable {
    public var id: String
    public var size: Int
    public init(id: String, size: Int) {
        self.id = id
        self.size = size
    }
}
