import GRDB

/// The serving tables (migration `4 serving`), in the same `state.db`:
/// `traffic_changes` is append-only (every routing change with its time,
/// reason and author), `deployment_states` holds one row per deployment
/// (stable version, tried candidates, rollout state as JSON), and
/// `deployment_status` the running engine's latest published summaries (for
/// `flightdeck rollout status` from another process).
enum ServingSchema {
    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("4 serving") { db in
            try db.execute(sql: version4)
        }
    }

    static let version4 = """
        CREATE TABLE traffic_changes (
            sequence INTEGER PRIMARY KEY AUTOINCREMENT,
            deployment TEXT NOT NULL,
            at INTEGER NOT NULL,
            routing TEXT NOT NULL,
            why TEXT NOT NULL,
            who TEXT NOT NULL
        );
        CREATE INDEX traffic_changes_by_time ON traffic_changes (deployment, at, sequence);
        CREATE TABLE deployment_states (
            deployment TEXT PRIMARY KEY,
            stable_version INTEGER,
            tried_versions TEXT NOT NULL,
            rollout TEXT,
            updated_at INTEGER NOT NULL
        );
        CREATE TABLE deployment_status (
            deployment TEXT PRIMARY KEY,
            position INTEGER NOT NULL,
            at INTEGER NOT NULL,
            summary TEXT NOT NULL
        );
        """

    static let insertTraffic = "INSERT INTO traffic_changes (deployment, at, routing, why, who) VALUES (?, ?, ?, ?, ?)"
    static let upsertState = """
        INSERT INTO deployment_states (deployment, stable_version, tried_versions, rollout, updated_at) VALUES (?, ?, ?, ?, ?)
        ON CONFLICT(deployment) DO UPDATE SET stable_version = excluded.stable_version,
            tried_versions = excluded.tried_versions, rollout = excluded.rollout, updated_at = excluded.updated_at
        """
    static let upsertStatus = """
        INSERT INTO deployment_status (deployment, position, at, summary) VALUES (?, ?, ?, ?)
        ON CONFLICT(deployment) DO UPDATE SET position = excluded.position, at = excluded.at, summary = excluded.summary
        """
    static let trafficColumns = "deployment, at, routing, why, who"
}
