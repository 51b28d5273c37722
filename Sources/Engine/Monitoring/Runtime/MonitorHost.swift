import SimKernel

/// The engine's monitoring: the monitors, the alert rules' evaluators, the
/// continuous-training stories and the store they persist to.
final class MonitorHost {
    let monitors: [MonitorRuntime]
    /// The tick: how often labels are drained, SLO counts taken, performance
    /// sampled and due drift evaluations run.
    let tick: SimDuration
    let store: any MonitoringStore
    let workingDirectory: String
    var alerts: [AlertRuntime] = []
    var stories = StoryBook()
    /// The newest alert transitions, for the snapshot.
    var history = RingBuffer<AlertHistoryEntry>(capacity: 200)
    /// Written with the next flush.
    var pendingHistory: [AlertHistoryEntry] = []
    var pendingRollups: [DriftRollup] = []
    var pendingStories: [CTStory] = []
    var statesDirty = false
    var storeError: String?

    init(monitors: [MonitorRuntime], tick: SimDuration, store: any MonitoringStore, workingDirectory: String) {
        self.monitors = monitors
        self.tick = tick
        self.store = store
        self.workingDirectory = workingDirectory
    }

    func monitor(_ id: String) -> MonitorRuntime? { monitors.first { $0.spec.id == id } }
    func alert(_ id: String) -> AlertRuntime? { alerts.first { $0.rule.id == id } }
}
