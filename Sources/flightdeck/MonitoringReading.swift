import ArgumentParser
import Engine
import Foundation

/// What the CLI can see of monitoring: the running engine's status (fresh
/// from its live snapshot, else as it last published it), or (with no
/// engine running) only what is persisted.
enum MonitoringView {
    /// An engine holds the state directory; `store` reads its tables.
    case live(PublishedMonitoringStatus, store: SQLiteMonitoringStore)
    /// No engine runs; `store` is nil when there is no state yet.
    case stopped(store: SQLiteMonitoringStore?)
}

extension Workspace {
    /// Calls `body` with the monitoring view of the state directory. With no
    /// engine running it holds the directory's lock while `body` reads (and
    /// brings `state.db` to the current schema, as an engine would); it
    /// creates nothing when there is no state yet.
    func withMonitoringView<T>(_ body: (MonitoringView) throws -> T) throws -> T {
        try readStateDatabase(
            missing: { try body(.stopped(store: nil)) },
            held: { database in
                let store = try userFacing { try SQLiteMonitoringStore(readingDatabaseAt: database) }
                if let live = (try? liveSnapshot()) ?? nil {
                    let snapshot = live.snapshot
                    let status = PublishedMonitoringStatus(at: snapshot.now, monitors: snapshot.monitors,
                                                           alerts: snapshot.alerts, stories: snapshot.stories)
                    return try body(.live(status, store: store))
                }
                guard let published = try userFacing({ try store.publishedStatus() }) else {
                    throw cliFailure("the running engine has not published its monitoring status yet; try again in a second")
                }
                return try body(.live(published, store: store))
            },
            stopped: { runs in try body(.stopped(store: SQLiteMonitoringStore(sharing: runs))) })
    }

    /// Fails with status 2 and the known alerts when `id` is not an alert of the project.
    func requireAlert(_ id: String) throws {
        let known = spec.alerts.map(\.id)
        guard !known.contains(id) else { return }
        let hint = DidYouMean.suggestion(for: id, among: known).map { "did you mean '\($0)'? " } ?? ""
        throw cliFailure("unknown alert '\(id)'; \(hint)known: \(known.isEmpty ? "none (add alerts: to the project file)" : known.joined(separator: ", "))")
    }
}

/// The line printed when monitoring needs a running engine and none runs.
func noEngineLine(statePath: String) -> String {
    "no engine is running on \(statePath) (monitors and alerts are evaluated by a running flightdeck, run or simulate --state)"
}
