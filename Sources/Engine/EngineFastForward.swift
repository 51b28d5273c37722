import SimKernel

/// What a fast-forward driver (`flightdeck simulate`) reads between events:
/// cheap views of the engine's state, the drift rollups and their pruning.
extension Engine {
    /// Every alert's current state, in the project's order (no snapshot built).
    public func currentAlerts() -> [AlertSummary] {
        alertSummaries()
    }

    /// Every monitor's current summary, in the project's order.
    public func currentMonitors() -> [MonitorSummary] {
        monitorSummaries()
    }

    /// Every deployment's summary with totals, routing and state only (no
    /// window percentiles: ``DeploymentMetricsScope/none``).
    public func currentDeployments() -> [DeploymentSummary] {
        deploymentSummaries(metrics: .none)
    }

    /// The cumulative figures of every version a deployment has served,
    /// retired ones included, in the order they were first deployed (empty
    /// for an unknown deployment).
    public func versionTotals(deployment: String) -> [VersionTotals] {
        guard let simulator = servingHost?.runtime(deployment)?.simulator else { return [] }
        return simulator.versions.map(simulator.totals(version:))
    }

    /// The ids of the project's monitors, in the project's order.
    public var monitorIDs: [String] {
        monitorHost?.monitors.map(\.spec.id) ?? []
    }

    /// A monitor's drift rollups at or after `since` (see
    /// ``MonitoringStore/driftHistory(monitor:feature:since:)``); empty
    /// without monitors. Rollups still waiting for the next flush are not
    /// included.
    public func driftHistory(monitor: String, since: SimTime?) throws -> [DriftRollup] {
        guard let host = monitorHost else { return [] }
        return try host.store.driftHistory(monitor: monitor, feature: nil, since: since)
    }

    /// Deletes the stored drift rollups older than `before` (keeping the
    /// store's size bounded over a long run); returns how many went.
    @discardableResult
    public func pruneDriftHistory(before: SimTime) throws -> Int {
        guard let host = monitorHost else { return 0 }
        return try host.store.pruneDrift(before: before)
    }
}
