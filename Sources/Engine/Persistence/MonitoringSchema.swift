import GRDB

/// The monitoring tables (migration `5 monitoring`), in the same `state.db`:
/// `alert_states` one row per alert (the evaluator's state as opaque JSON),
/// `alert_history` append-only transitions, `ct_stories` one row per story
/// (JSON, replaced as it grows), `drift_rollups` one row per feature and
/// evaluation (pruned by time), and `monitoring_status` the running
/// engine's latest published summaries (one row).
enum MonitoringSchema {
    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("5 monitoring") { db in
            try db.execute(sql: version5)
        }
    }

    static let version5 = """
        CREATE TABLE alert_states (
            alert TEXT PRIMARY KEY,
            state BLOB NOT NULL
        );
        CREATE TABLE alert_history (
            sequence INTEGER PRIMARY KEY AUTOINCREMENT,
            alert TEXT NOT NULL,
            at INTEGER NOT NULL,
            entry TEXT NOT NULL
        );
        CREATE INDEX alert_history_by_alert ON alert_history (alert, at, sequence);
        CREATE INDEX alert_history_by_time ON alert_history (at, sequence);
        CREATE TABLE ct_stories (
            id INTEGER PRIMARY KEY,
            story TEXT NOT NULL
        );
        CREATE TABLE drift_rollups (
            sequence INTEGER PRIMARY KEY AUTOINCREMENT,
            monitor TEXT NOT NULL,
            feature TEXT NOT NULL,
            at INTEGER NOT NULL,
            method TEXT NOT NULL,
            value REAL,
            state TEXT NOT NULL,
            reference_count INTEGER NOT NULL,
            current_count INTEGER NOT NULL
        );
        CREATE INDEX drift_rollups_by_feature ON drift_rollups (monitor, feature, at, sequence);
        CREATE INDEX drift_rollups_by_time ON drift_rollups (at);
        CREATE TABLE monitoring_status (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            at INTEGER NOT NULL,
            status TEXT NOT NULL
        );
        """

    static let upsertAlertState = """
        INSERT INTO alert_states (alert, state) VALUES (?, ?)
        ON CONFLICT(alert) DO UPDATE SET state = excluded.state
        """
    static let insertHistory = "INSERT INTO alert_history (alert, at, entry) VALUES (?, ?, ?)"
    static let upsertStory = """
        INSERT INTO ct_stories (id, story) VALUES (?, ?)
        ON CONFLICT(id) DO UPDATE SET story = excluded.story
        """
    static let insertDrift = """
        INSERT INTO drift_rollups (monitor, feature, at, method, value, state, reference_count, current_count)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        """
    static let driftColumns = "monitor, feature, at, method, value, state, reference_count, current_count"
    static let upsertStatus = """
        INSERT INTO monitoring_status (id, at, status) VALUES (1, ?, ?)
        ON CONFLICT(id) DO UPDATE SET at = excluded.at, status = excluded.status
        """
}
