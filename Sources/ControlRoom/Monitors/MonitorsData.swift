import Engine

/// The Monitors screen's lists, derived from a snapshot and the UI state:
/// the reducer moves the selections through them and the views draw them.
///
/// The filter keeps a monitor whose id or deployment matches (with all its
/// features) or which has a matching feature (name, method or state; then
/// only those features are listed).
public struct MonitorsData: Sendable, Equatable {
    /// The monitors after the filter, in project-file order.
    public var monitors: [MonitorSummary]
    /// How many monitors the project has (before the filter).
    public var total: Int
    public var selected: MonitorSummary?
    /// The selected monitor's features after the filter, in schema order.
    public var features: [FeatureDriftSummary]
    public var selectedFeature: FeatureDriftSummary?

    public init(snapshot: EngineSnapshot, state: MonitorsUIState, filter: String) {
        let needle = filter.lowercased()
        let listed = snapshot.monitors.filter { MonitorsData.matchesMonitor($0, needle) || $0.features.contains { MonitorsData.matches($0, needle) } }
        let selected = state.monitor.flatMap { id in listed.first { $0.id == id } } ?? listed.first
        self.monitors = listed
        self.total = snapshot.monitors.count
        self.selected = selected
        let features: [FeatureDriftSummary]
        if let selected, !MonitorsData.matchesMonitor(selected, needle) {
            features = selected.features.filter { MonitorsData.matches($0, needle) }
        } else {
            features = selected?.features ?? []
        }
        self.features = features
        self.selectedFeature = state.feature.flatMap { name in features.first { $0.feature == name } } ?? features.first
    }

    static func matchesMonitor(_ monitor: MonitorSummary, _ needle: String) -> Bool {
        needle.isEmpty || "\(monitor.id) \(monitor.deployment)".lowercased().contains(needle)
    }

    static func matches(_ feature: FeatureDriftSummary, _ needle: String) -> Bool {
        needle.isEmpty || "\(feature.feature) \(feature.method.rawValue) \(feature.state.rawValue)".lowercased().contains(needle)
    }

    /// Index of the selected monitor in the list.
    var selectedIndex: Int { monitors.firstIndex { $0.id == selected?.id } ?? 0 }
    /// Index of the selected feature in the list.
    var selectedFeatureIndex: Int { features.firstIndex { $0.feature == selectedFeature?.feature } ?? 0 }
}
