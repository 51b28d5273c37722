import SimKernel

/// A ``MonitoringStore`` in memory, for tests and runs without a state
/// directory. Not thread-safe, like the engine.
public final class InMemoryMonitoringStore: MonitoringStore {
    private var history: [AlertHistoryEntry] = []
    private var states: [PersistedAlertState] = []
    private var stories: [CTStory] = []
    private var drift: [DriftRollup] = []
    private var published: PublishedMonitoringStatus?
    /// When set, the next write (``write(_:)`` and the appends and saves
    /// built on it, or ``pruneDrift(before:)``) throws it and stores nothing, then clears it.
    public var failNextAppend: (any Error)?
    /// While set, every write throws it (a full disk).
    public var failAppends: (any Error)?

    public init() {}

    private func checkFailure() throws {
        if let error = failNextAppend {
            failNextAppend = nil
            throw error
        }
        if let error = failAppends { throw error }
    }

    public func write(_ batch: MonitoringWrite) throws {
        try checkFailure()
        history.append(contentsOf: batch.history)
        for state in batch.alertStates {
            if let index = states.firstIndex(where: { $0.alert == state.alert }) {
                states[index] = state
            } else {
                states.append(state)
            }
        }
        for story in batch.stories {
            if let index = stories.firstIndex(where: { $0.id == story.id }) {
                stories[index] = story
            } else {
                stories.append(story)
            }
        }
        drift.append(contentsOf: batch.driftPoints)
    }

    public func alertHistory(alert: String?, limit: Int) throws -> [AlertHistoryEntry] {
        let matching = history.enumerated()
            .filter { alert == nil || $0.element.alert == alert }
            .sorted { ($0.element.time, $0.offset) < ($1.element.time, $1.offset) }
            .map(\.element)
        return Array(matching.suffix(Swift.max(0, limit)))
    }

    public func loadAlertStates() throws -> [PersistedAlertState] {
        states.sorted { $0.alert < $1.alert }
    }

    public func loadStories(limit: Int) throws -> [CTStory] {
        Array(stories.sorted { $0.id < $1.id }.suffix(Swift.max(0, limit)))
    }

    public func driftHistory(monitor: String, feature: String?, since: SimTime?) throws -> [DriftRollup] {
        drift.enumerated()
            .filter { point in
                point.element.monitor == monitor && (feature == nil || point.element.feature == feature)
                    && since.map { point.element.time >= $0 } ?? true
            }
            .sorted { ($0.element.time, $0.offset) < ($1.element.time, $1.offset) }
            .map(\.element)
    }

    @discardableResult
    public func pruneDrift(before: SimTime) throws -> Int {
        try checkFailure()
        let count = drift.count
        drift.removeAll { $0.time < before }
        return count - drift.count
    }

    public func publish(monitors: [MonitorSummary], alerts: [AlertSummary], stories: [CTStory], at time: SimTime) throws {
        published = PublishedMonitoringStatus(at: time, monitors: monitors, alerts: alerts, stories: stories)
    }

    public func publishedStatus() throws -> PublishedMonitoringStatus? { published }
}
