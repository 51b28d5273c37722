import SimKernel

/// The monitors, alerts and CT stories as a running engine last published
/// them (for `flightdeck alerts` and `flightdeck drift` in another process).
public struct PublishedMonitoringStatus: Sendable, Hashable, Codable {
    /// The simulated time of the publication.
    public var at: SimTime
    public var monitors: [MonitorSummary]
    public var alerts: [AlertSummary]
    public var stories: [CTStory]

    public init(at: SimTime, monitors: [MonitorSummary], alerts: [AlertSummary], stories: [CTStory]) {
        self.at = at
        self.monitors = monitors
        self.alerts = alerts
        self.stories = stories
    }
}
