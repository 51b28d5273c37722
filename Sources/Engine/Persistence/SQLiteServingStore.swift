import SimKernel
import GRDB

/// The serving history in SQLite: the tables of migration `4 serving` in the
/// state directory's `state.db` (see ``ServingSchema``), sharing the run
/// store's connection pool. `append` writes one batch in one transaction.
public final class SQLiteServingStore: ServingStore, Sendable {
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

    public func append(_ changes: [ServingChange]) throws {
        guard !changes.isEmpty else { return }
        do {
            try writer.write { db in
                for change in changes {
                    switch change {
                    case .traffic(let traffic):
                        try db.cachedStatement(sql: ServingSchema.insertTraffic).execute(arguments: [
                            traffic.deployment, traffic.time.milliseconds, try RegistryJSON.encode(traffic.routing), traffic.why, traffic.who,
                        ])
                    case .deployment(let state):
                        try db.cachedStatement(sql: ServingSchema.upsertState).execute(arguments: [
                            state.deployment, state.stableVersion, try RegistryJSON.encode(state.triedVersions), state.rolloutJSON,
                            state.updatedAt.milliseconds,
                        ])
                    }
                }
            }
        } catch {
            throw StoreError(path: path, operation: "append \(changes.count) serving changes", underlying: error)
        }
    }

    public func deploymentStates() throws -> [DeploymentState] {
        try read("load deployment states") { db in
            try Row.fetchAll(db, sql: """
                SELECT deployment, stable_version, tried_versions, rollout, updated_at FROM deployment_states ORDER BY deployment
                """).map {
                DeploymentState(deployment: $0[0], stableVersion: $0[1], triedVersions: try RegistryJSON.decode([Int].self, $0[2]),
                                rolloutJSON: $0[3], updatedAt: SimTime(milliseconds: $0[4]))
            }
        }
    }

    public func trafficChanges(deployment: String, limit: Int?) throws -> [TrafficChange] {
        try read("read traffic changes of \(deployment)") { db in
            let limitClause = limit.map { " LIMIT \(max(0, $0))" } ?? ""
            let newestFirst = try Self.changes(db, sql: """
                SELECT \(ServingSchema.trafficColumns) FROM traffic_changes WHERE deployment = ? ORDER BY sequence DESC\(limitClause)
                """, arguments: [deployment])
            return newestFirst.reversed()
        }
    }

    public func trafficChange(deployment: String, at time: SimTime) throws -> TrafficChange? {
        try read("read the routing of \(deployment) at \(time)") { db in
            try Self.changes(db, sql: """
                SELECT \(ServingSchema.trafficColumns) FROM traffic_changes WHERE deployment = ? AND at <= ?
                ORDER BY at DESC, sequence DESC LIMIT 1
                """, arguments: [deployment, time.milliseconds]).first
        }
    }

    public func publish(_ summaries: [DeploymentSummary], at time: SimTime) throws {
        do {
            try writer.write { db in
                try db.execute(sql: "DELETE FROM deployment_status")
                for (position, summary) in summaries.enumerated() {
                    try db.cachedStatement(sql: ServingSchema.upsertStatus).execute(arguments: [
                        summary.id, position, time.milliseconds, try RegistryJSON.encode(summary),
                    ])
                }
            }
        } catch {
            throw StoreError(path: path, operation: "publish the deployments' status", underlying: error)
        }
    }

    public func publishedStatus() throws -> PublishedServingStatus? {
        try read("read the published deployments' status") { db in
            let rows = try Row.fetchAll(db, sql: "SELECT at, summary FROM deployment_status ORDER BY position")
            guard let first = rows.first else { return nil }
            return PublishedServingStatus(at: SimTime(milliseconds: first[0]),
                                          deployments: try rows.map { try RegistryJSON.decode(DeploymentSummary.self, $0[1]) })
        }
    }

    private static func changes(_ db: Database, sql: String, arguments: StatementArguments) throws -> [TrafficChange] {
        try Row.fetchAll(db, sql: sql, arguments: arguments).map {
            TrafficChange(deployment: $0[0], time: SimTime(milliseconds: $0[1]),
                          routing: try RegistryJSON.decode(RoutingTable.self, $0[2]), why: $0[3], who: $0[4])
        }
    }

    private func read<T>(_ operation: String, _ body: (Database) throws -> T) throws -> T {
        do {
            return try writer.read(body)
        } catch {
            throw StoreError(path: path, operation: operation, underlying: error)
        }
    }
}
