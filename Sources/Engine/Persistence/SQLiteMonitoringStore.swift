import Foundation
import SimKernel
import GRDB

/// The monitoring state in SQLite: the tables of migration `5 monitoring`
/// in the state directory's `state.db` (see ``MonitoringSchema``), sharing
/// the run store's connection pool. Each call is one transaction; errors
/// are ``StoreError``s saying what failed.
public final class SQLiteMonitoringStore: MonitoringStore, Sendable {
    /// The database file.
    public let path: String
    private let writer: any DatabaseWriter

    /// Uses the run store's connection pool (already migrated).
    public init(sharing runStore: SQLiteRunStore) {
        path = runStore.path
        writer = runStore.pool
    }

    /// Opens `state.db` read-only (for the CLI while an engine holds the
    /// state directory); it must exist and be migrated.
    public init(readingDatabaseAt path: String) throws {
        self.path = path
        writer = try ReadOnlyStateDatabase.open(path)
    }

    public func write(_ batch: MonitoringWrite) throws {
        guard !batch.isEmpty else { return }
        do {
            try writer.write { db in
                for entry in batch.history {
                    try db.cachedStatement(sql: MonitoringSchema.insertHistory).execute(arguments: [
                        entry.alert, entry.time.milliseconds, try RegistryJSON.encode(entry),
                    ])
                }
                for state in batch.alertStates {
                    try db.cachedStatement(sql: MonitoringSchema.upsertAlertState).execute(arguments: [state.alert, state.json])
                }
                for story in batch.stories {
                    try db.cachedStatement(sql: MonitoringSchema.upsertStory).execute(arguments: [story.id, try RegistryJSON.encode(story)])
                }
                for point in batch.driftPoints {
                    try db.cachedStatement(sql: MonitoringSchema.insertDrift).execute(arguments: [
                        point.monitor, point.feature, point.time.milliseconds, point.method.rawValue, point.value,
                        point.state.rawValue, point.referenceCount, point.currentCount,
                    ])
                }
            }
        } catch {
            throw StoreError(path: path, operation: "write \(Self.describe(batch))", underlying: error)
        }
    }

    public func alertHistory(alert: String?, limit: Int) throws -> [AlertHistoryEntry] {
        try read("read the alert history\(alert.map { " of \($0)" } ?? "")") { db in
            let filter = alert == nil ? "" : "WHERE alert = ? "
            let arguments: StatementArguments = alert.map { [$0, max(0, limit)] } ?? [max(0, limit)]
            let newestFirst = try Row.fetchAll(db, sql: """
                SELECT entry FROM alert_history \(filter)ORDER BY at DESC, sequence DESC LIMIT ?
                """, arguments: arguments).map { try RegistryJSON.decode(AlertHistoryEntry.self, $0[0]) }
            return newestFirst.reversed()
        }
    }

    public func loadAlertStates() throws -> [PersistedAlertState] {
        try read("load the alert states") { db in
            try Row.fetchAll(db, sql: "SELECT alert, state FROM alert_states ORDER BY alert").map {
                PersistedAlertState(alert: $0[0], json: $0[1])
            }
        }
    }

    public func loadStories(limit: Int) throws -> [CTStory] {
        try read("load the CT stories") { db in
            let newestFirst = try Row.fetchAll(db, sql: "SELECT story FROM ct_stories ORDER BY id DESC LIMIT ?",
                                               arguments: [max(0, limit)]).map { try RegistryJSON.decode(CTStory.self, $0[0]) }
            return newestFirst.reversed()
        }
    }

    public func driftHistory(monitor: String, feature: String?, since: SimTime?) throws -> [DriftRollup] {
        try read("read the drift history of \(monitor)\(feature.map { ".\($0)" } ?? "")") { db in
            var conditions = ["monitor = ?"]
            var arguments: StatementArguments = [monitor]
            if let feature {
                conditions.append("feature = ?")
                arguments += [feature]
            }
            if let since {
                conditions.append("at >= ?")
                arguments += [since.milliseconds]
            }
            return try Row.fetchAll(db, sql: """
                SELECT \(MonitoringSchema.driftColumns) FROM drift_rollups WHERE \(conditions.joined(separator: " AND "))
                ORDER BY at, sequence
                """, arguments: arguments).map { row in
                let methodText: String = row[3], stateText: String = row[5]
                guard let method = DriftMethod(rawValue: methodText), let state = DriftState(rawValue: stateText) else {
                    throw StoreError(path: "", operation: "", message: "unknown drift method '\(methodText)' or state '\(stateText)'")
                }
                return DriftRollup(monitor: row[0], feature: row[1], time: SimTime(milliseconds: row[2]), method: method,
                                   value: row[4], state: state, referenceCount: row[6], currentCount: row[7])
            }
        }
    }

    @discardableResult
    public func pruneDrift(before: SimTime) throws -> Int {
        do {
            return try writer.write { db in
                try db.execute(sql: "DELETE FROM drift_rollups WHERE at < ?", arguments: [before.milliseconds])
                return db.changesCount
            }
        } catch {
            throw StoreError(path: path, operation: "prune drift rollups before \(before)", underlying: error)
        }
    }

    public func publish(monitors: [MonitorSummary], alerts: [AlertSummary], stories: [CTStory], at time: SimTime) throws {
        do {
            let status = PublishedMonitoringStatus(at: time, monitors: monitors, alerts: alerts, stories: stories)
            let json = try RegistryJSON.encode(status)
            try writer.write { db in
                try db.cachedStatement(sql: MonitoringSchema.upsertStatus).execute(arguments: [time.milliseconds, json])
            }
        } catch {
            throw StoreError(path: path, operation: "publish the monitoring status", underlying: error)
        }
    }

    public func publishedStatus() throws -> PublishedMonitoringStatus? {
        try read("read the published monitoring status") { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT status FROM monitoring_status WHERE id = 1") else { return nil }
            return try RegistryJSON.decode(PublishedMonitoringStatus.self, row[0])
        }
    }

    /// `3 alert history entries, 1 alert state`.
    private static func describe(_ batch: MonitoringWrite) -> String {
        let parts: [(Int, String, String)] = [
            (batch.history.count, "alert history entry", "alert history entries"),
            (batch.alertStates.count, "alert state", "alert states"),
            (batch.stories.count, "CT story", "CT stories"),
            (batch.driftPoints.count, "drift rollup", "drift rollups"),
        ]
        return parts.filter { $0.0 > 0 }.map { "\($0.0) \($0.0 == 1 ? $0.1 : $0.2)" }.joined(separator: ", ")
    }

    private func read<T>(_ operation: String, _ body: (Database) throws -> T) throws -> T {
        do {
            return try writer.read(body)
        } catch {
            throw StoreError(path: path, operation: operation, underlying: error)
        }
    }
}
