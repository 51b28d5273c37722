import GRDB

/// The audit log (migration `7 audit`), in the same `state.db`: one row per
/// entry, append-only, `seq` from 1 without gaps, each row hash-chained to
/// the one before it (see ``AuditChain``). `sim_time_ms` is simulated time,
/// `wall_time` the submitter's ISO-8601 UTC time.
enum AuditSchema {
    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("7 audit") { db in
            try db.execute(sql: version7)
        }
    }

    static let version7 = """
        CREATE TABLE audit_log (
            seq INTEGER PRIMARY KEY,
            wall_time TEXT,
            sim_time_ms INTEGER NOT NULL,
            user TEXT NOT NULL,
            ssh_client TEXT,
            source TEXT NOT NULL,
            action TEXT NOT NULL,
            target TEXT NOT NULL,
            reason TEXT,
            result TEXT NOT NULL,
            message TEXT NOT NULL,
            prev_hash TEXT NOT NULL,
            hash TEXT NOT NULL
        );
        CREATE INDEX audit_log_by_user ON audit_log (user, seq);
        """

    static let columns = "seq, wall_time, sim_time_ms, user, ssh_client, source, action, target, reason, result, message, prev_hash, hash"
    static let insert = "INSERT INTO audit_log (\(columns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
    static let lastEntry = "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1"
}
