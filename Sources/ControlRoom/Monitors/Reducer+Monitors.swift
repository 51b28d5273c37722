import Engine

extension Reducer {
    /// The Monitors screen's actions; nil when `action` is not one of its
    /// own (the general reducer handles it). Up/Down select a feature of
    /// the selected monitor, [ and ] switch monitor, Tab visits the next
    /// monitor and after the last one goes on to the next screen (Shift-Tab
    /// the same backwards), Enter opens the monitor's deployment on the
    /// Deployments screen.
    static func reduceMonitors(_ action: Action, state: inout UIState, data: MonitorsData) -> [EngineCommand]? {
        guard state.mode == .normal else { return nil }
        switch action {
        case .moveSelection(let delta):
            selectFeature(&state, data: data, index: data.selectedFeatureIndex + delta)
        case .selectFirst:
            selectFeature(&state, data: data, index: 0)
        case .selectLast:
            selectFeature(&state, data: data, index: data.features.count - 1)
        case .moveMonitorSelection(let delta):
            guard data.monitors.count > 1 else {
                state.status = StatusMessage(data.monitors.isEmpty ? noMonitorText(data) : "only one monitor: nothing to switch to", isError: true)
                return []
            }
            selectMonitor(&state, data: data, index: max(0, min(data.monitors.count - 1, data.selectedIndex + delta)))
        case .cycleMonitors(let delta):
            let index = data.selectedIndex + delta
            guard data.monitors.count > 1, index >= 0, index < data.monitors.count else {
                state.screen = delta > 0 ? state.screen.next : state.screen.previous
                return []
            }
            selectMonitor(&state, data: data, index: index)
        case .openMonitorDeployment:
            guard let monitor = data.selected else {
                state.status = StatusMessage(noMonitorText(data), isError: true)
                return []
            }
            state.monitors.monitor = monitor.id
            state.screen = .deployments
            state.filters[.deployments] = nil
            if state.deployments.deployment != monitor.deployment { state.deployments.arm = nil }
            state.deployments.deployment = monitor.deployment
        default:
            return nil
        }
        return []
    }

    private static func noMonitorText(_ data: MonitorsData) -> String {
        data.total == 0 ? "no monitors: add a monitors: section to flightdeck.yaml" : "no monitor matches the filter (Esc clears it)"
    }

    private static func selectFeature(_ state: inout UIState, data: MonitorsData, index: Int) {
        guard !data.features.isEmpty, let monitor = data.selected else { return }
        state.monitors.monitor = monitor.id
        state.monitors.feature = data.features[max(0, min(index, data.features.count - 1))].feature
    }

    /// Selects a monitor; its first feature is selected (features differ
    /// between monitors).
    private static func selectMonitor(_ state: inout UIState, data: MonitorsData, index: Int) {
        let id = data.monitors[index].id
        if id != data.selected?.id { state.monitors.feature = nil }
        state.monitors.monitor = id
    }
}
