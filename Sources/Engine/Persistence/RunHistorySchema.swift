import GRDB

/// The run history tables, created by numbered migrations.
///
/// Times are integer milliseconds of simulated time. `steps.ordinal` is the
/// table's rowid, so it grows with each new step record and is kept by
/// upserts: ordering by it gives insertion order. (`run_id, step`) is the
/// steps' unique key that upserts and the other tables refer to. Foreign
/// keys are deferred to commit, so the changes of one batch may come in any
/// order as long as the batch as a whole is consistent.
enum RunHistorySchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("1 run history") { db in
            try db.execute(sql: version1)
        }
        RegistrySchema.register(in: &migrator)
        CommandChannelSchema.register(in: &migrator)
        ServingSchema.register(in: &migrator)
        MonitoringSchema.register(in: &migrator)
        AuditSchema.register(in: &migrator)
        LiveSnapshotSchema.register(in: &migrator)
        return migrator
    }

    static let version1 = """
        CREATE TABLE runs (
            id INTEGER PRIMARY KEY,
            pipeline TEXT NOT NULL,
            number INTEGER NOT NULL,
            state TEXT NOT NULL,
            reason TEXT NOT NULL,
            "trigger" TEXT NOT NULL,
            params TEXT NOT NULL,
            code_version TEXT,
            queued_at INTEGER NOT NULL,
            started_at INTEGER,
            ended_at INTEGER
        );
        CREATE INDEX runs_by_pipeline ON runs (pipeline, id);

        CREATE TABLE steps (
            ordinal INTEGER PRIMARY KEY,
            run_id INTEGER NOT NULL REFERENCES runs (id) DEFERRABLE INITIALLY DEFERRED,
            step TEXT NOT NULL,
            state TEXT NOT NULL,
            reason TEXT NOT NULL,
            attempts INTEGER NOT NULL,
            UNIQUE (run_id, step)
        );

        CREATE TABLE attempts (
            run_id INTEGER NOT NULL,
            step TEXT NOT NULL,
            attempt INTEGER NOT NULL,
            state TEXT NOT NULL,
            started_at INTEGER NOT NULL,
            ended_at INTEGER,
            exit_code INTEGER,
            reason TEXT NOT NULL,
            PRIMARY KEY (run_id, step, attempt),
            FOREIGN KEY (run_id, step) REFERENCES steps (run_id, step) DEFERRABLE INITIALLY DEFERRED
        ) WITHOUT ROWID;

        CREATE TABLE logs (
            run_id INTEGER NOT NULL,
            step TEXT NOT NULL,
            attempt INTEGER NOT NULL,
            sequence INTEGER NOT NULL,
            time INTEGER NOT NULL,
            real_offset_ms INTEGER,
            stream TEXT NOT NULL,
            text TEXT NOT NULL,
            PRIMARY KEY (run_id, step, attempt, sequence),
            FOREIGN KEY (run_id, step) REFERENCES steps (run_id, step) DEFERRABLE INITIALLY DEFERRED
        ) WITHOUT ROWID;

        CREATE TABLE artifacts (
            id INTEGER PRIMARY KEY,
            run_id INTEGER NOT NULL,
            step TEXT NOT NULL,
            attempt INTEGER NOT NULL,
            path TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            size INTEGER NOT NULL,
            time INTEGER NOT NULL,
            FOREIGN KEY (run_id, step) REFERENCES steps (run_id, step) DEFERRABLE INITIALLY DEFERRED
        );
        CREATE INDEX artifacts_by_run ON artifacts (run_id, id);

        CREATE TABLE meta (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        ) WITHOUT ROWID;
        """

    /// Writes of one table: `INSERT INTO ... VALUES (?, ...)` with one
    /// placeholder group per row, then the conflict clause. Several rows per
    /// statement spread SQLite's per-statement work (statement journal,
    /// halt, reset) over them; with distinct keys (the batch is folded
    /// first) the result is that of one statement per row.
    struct RowWrite {
        let head: String
        let columns: Int
        let tail: String

        func sql(rows: Int) -> String {
            let group = "(" + Array(repeating: "?", count: columns).joined(separator: ", ") + ")"
            return head + " VALUES " + Array(repeating: group, count: rows).joined(separator: ", ") + tail
        }
    }

    static let upsertRun = RowWrite(
        head: """
            INSERT INTO runs (id, pipeline, number, state, reason, "trigger", params, code_version, queued_at, started_at, ended_at)
            """,
        columns: 11,
        tail: """

            ON CONFLICT (id) DO UPDATE SET
                pipeline = excluded.pipeline, number = excluded.number, state = excluded.state,
                reason = excluded.reason, "trigger" = excluded."trigger", params = excluded.params,
                code_version = excluded.code_version, queued_at = excluded.queued_at,
                started_at = excluded.started_at, ended_at = excluded.ended_at
            """)

    static let upsertStep = RowWrite(
        head: "INSERT INTO steps (run_id, step, state, reason, attempts)",
        columns: 5,
        tail: """

            ON CONFLICT (run_id, step) DO UPDATE SET
                state = excluded.state, reason = excluded.reason, attempts = excluded.attempts
            """)

    static let upsertAttempt = RowWrite(
        head: "INSERT INTO attempts (run_id, step, attempt, state, started_at, ended_at, exit_code, reason)",
        columns: 8,
        tail: """

            ON CONFLICT (run_id, step, attempt) DO UPDATE SET
                state = excluded.state, started_at = excluded.started_at, ended_at = excluded.ended_at,
                exit_code = excluded.exit_code, reason = excluded.reason
            """)

    static let insertLog = RowWrite(
        head: "INSERT INTO logs (run_id, step, attempt, sequence, time, real_offset_ms, stream, text)", columns: 8, tail: "")

    static let insertArtifact = RowWrite(
        head: "INSERT INTO artifacts (run_id, step, attempt, path, sha256, size, time)", columns: 7, tail: "")

    static let upsertMeta = RowWrite(
        head: "INSERT INTO meta (key, value)", columns: 2, tail: " ON CONFLICT (key) DO UPDATE SET value = excluded.value")
}
