import SimKernel

/// Where monitoring keeps what must survive a restart: the alert history
/// (every transition with its value and threshold), each alert's evaluator
/// state, the CT stories, drift values over time, and the running engine's
/// published status for other processes.
///
/// Every write is one transaction: all of it is kept or none of it. The
/// single-purpose writes (``appendAlertHistory(_:)`` and the others below)
/// are ``write(_:)`` with one part filled in; combine parts in one
/// ``MonitoringWrite`` when they must land together (an alert's transition
/// and its new state).
public protocol MonitoringStore: AnyObject {
    /// Writes the batch in one transaction (all or nothing).
    func write(_ batch: MonitoringWrite) throws
    /// The newest `limit` history entries of one alert (nil: of all alerts),
    /// oldest first (newest last); ordered by time, then by insertion.
    func alertHistory(alert: String?, limit: Int) throws -> [AlertHistoryEntry]
    /// Every saved alert state, by alert id.
    func loadAlertStates() throws -> [PersistedAlertState]
    /// The newest `limit` stories, oldest first (by id).
    func loadStories(limit: Int) throws -> [CTStory]
    /// One monitor's drift rollups at or after `since` (nil: all), for one
    /// feature (nil: every feature), ordered by time, then by insertion.
    func driftHistory(monitor: String, feature: String?, since: SimTime?) throws -> [DriftRollup]
    /// Deletes the drift rollups older than `before`; returns how many.
    @discardableResult
    func pruneDrift(before: SimTime) throws -> Int
    /// Replaces the published status (the running engine's summaries, so
    /// other processes can show live figures).
    func publish(monitors: [MonitorSummary], alerts: [AlertSummary], stories: [CTStory], at time: SimTime) throws
    /// The last published status (nil when none).
    func publishedStatus() throws -> PublishedMonitoringStatus?
}

extension MonitoringStore {
    /// Appends history entries (one transaction).
    public func appendAlertHistory(_ entries: [AlertHistoryEntry]) throws {
        guard !entries.isEmpty else { return }
        try write(MonitoringWrite(history: entries))
    }

    /// Saves alert states, replacing the saved state of the same alerts (one transaction).
    public func saveAlertStates(_ states: [PersistedAlertState]) throws {
        guard !states.isEmpty else { return }
        try write(MonitoringWrite(alertStates: states))
    }

    /// Inserts a story, or replaces the one with its id.
    public func saveStory(_ story: CTStory) throws {
        try write(MonitoringWrite(stories: [story]))
    }

    /// Appends drift rollups (one transaction).
    public func appendDriftPoints(_ points: [DriftRollup]) throws {
        guard !points.isEmpty else { return }
        try write(MonitoringWrite(driftPoints: points))
    }
}

/// What one ``MonitoringStore/write(_:)`` stores together.
public struct MonitoringWrite: Sendable, Hashable {
    /// Appended to the alert history.
    public var history: [AlertHistoryEntry]
    /// Replace the saved state of their alerts.
    public var alertStates: [PersistedAlertState]
    /// Inserted, or replace the story with the same id.
    public var stories: [CTStory]
    /// Appended to the drift rollups.
    public var driftPoints: [DriftRollup]

    public init(history: [AlertHistoryEntry] = [], alertStates: [PersistedAlertState] = [], stories: [CTStory] = [],
                driftPoints: [DriftRollup] = []) {
        self.history = history
        self.alertStates = alertStates
        self.stories = stories
        self.driftPoints = driftPoints
    }

    /// Whether there is nothing to write.
    public var isEmpty: Bool { history.isEmpty && alertStates.isEmpty && stories.isEmpty && driftPoints.isEmpty }
}
