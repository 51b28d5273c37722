import GRDB

/// The registry tables (migration `2 registry`), in the same `state.db` as
/// the run history.
///
/// `model_versions` is keyed by (model, version) without a rowid, so
/// listing a model's versions newest first is a range scan of the primary
/// key. `alias_moves` has an index on (model, alias, at, sequence): "which
/// version was champion at time T" is one index seek. Lists inside a row
/// (tags, params, metrics, evidence) are JSON text. Alias moves, approval
/// requests and decisions are append-only: triggers refuse UPDATE and
/// DELETE on them.
enum RegistrySchema {
    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("2 registry") { db in
            try db.execute(sql: version2)
        }
    }

    static let version2 = """
        CREATE TABLE models (
            id TEXT PRIMARY KEY,
            description TEXT,
            policy TEXT NOT NULL
        ) WITHOUT ROWID;

        CREATE TABLE model_versions (
            model TEXT NOT NULL,
            version INTEGER NOT NULL,
            description TEXT,
            tags TEXT NOT NULL,
            state TEXT NOT NULL,
            state_note TEXT NOT NULL,
            run_id INTEGER,
            step TEXT,
            dataset_hash TEXT,
            dataset_rows INTEGER,
            params TEXT NOT NULL,
            metrics TEXT NOT NULL,
            code_version TEXT,
            flightdeck_version TEXT NOT NULL,
            swift_version TEXT NOT NULL,
            os TEXT NOT NULL,
            artifact_path TEXT,
            artifact_sha256 TEXT,
            artifact_size INTEGER,
            artifact_dropped_at INTEGER,
            created_at INTEGER NOT NULL,
            PRIMARY KEY (model, version)
        ) WITHOUT ROWID;

        CREATE TABLE alias_moves (
            sequence INTEGER PRIMARY KEY,
            model TEXT NOT NULL,
            alias TEXT NOT NULL,
            version INTEGER,
            at INTEGER NOT NULL,
            by TEXT NOT NULL,
            reason TEXT NOT NULL
        );
        CREATE INDEX alias_moves_at_time ON alias_moves (model, alias, at, sequence);
        CREATE INDEX alias_moves_by_model ON alias_moves (model, sequence);

        CREATE TABLE approvals (
            id INTEGER PRIMARY KEY,
            model TEXT NOT NULL,
            version INTEGER NOT NULL,
            requested_at INTEGER NOT NULL,
            deadline INTEGER,
            on_timeout TEXT NOT NULL,
            approvals_needed INTEGER NOT NULL,
            policy TEXT NOT NULL,
            evidence TEXT NOT NULL
        );
        CREATE INDEX approvals_by_version ON approvals (model, version, id);

        CREATE TABLE decisions (
            sequence INTEGER PRIMARY KEY,
            request_id INTEGER NOT NULL REFERENCES approvals (id) DEFERRABLE INITIALLY DEFERRED,
            model TEXT NOT NULL,
            version INTEGER NOT NULL,
            approve INTEGER NOT NULL,
            kind TEXT NOT NULL,
            user TEXT NOT NULL,
            ssh_client TEXT,
            wall_time TEXT NOT NULL,
            reason TEXT NOT NULL,
            evidence TEXT NOT NULL,
            at INTEGER NOT NULL
        );
        CREATE INDEX decisions_by_version ON decisions (model, version, sequence);

        CREATE TRIGGER alias_moves_no_update BEFORE UPDATE ON alias_moves BEGIN SELECT RAISE(ABORT, 'alias history is append-only'); END;
        CREATE TRIGGER alias_moves_no_delete BEFORE DELETE ON alias_moves BEGIN SELECT RAISE(ABORT, 'alias history is append-only'); END;
        CREATE TRIGGER approvals_no_update BEFORE UPDATE ON approvals BEGIN SELECT RAISE(ABORT, 'approval requests are append-only'); END;
        CREATE TRIGGER approvals_no_delete BEFORE DELETE ON approvals BEGIN SELECT RAISE(ABORT, 'approval requests are append-only'); END;
        CREATE TRIGGER decisions_no_update BEFORE UPDATE ON decisions BEGIN SELECT RAISE(ABORT, 'decisions are append-only'); END;
        CREATE TRIGGER decisions_no_delete BEFORE DELETE ON decisions BEGIN SELECT RAISE(ABORT, 'decisions are append-only'); END;
        """

    static let upsertModel = """
        INSERT INTO models (id, description, policy) VALUES (?, ?, ?)
        ON CONFLICT (id) DO UPDATE SET description = excluded.description, policy = excluded.policy
        """

    static let versionColumns = """
        model, version, description, tags, state, state_note, run_id, step, dataset_hash, dataset_rows, params, metrics, \
        code_version, flightdeck_version, swift_version, os, artifact_path, artifact_sha256, artifact_size, \
        artifact_dropped_at, created_at
        """

    static let upsertVersion = """
        INSERT INTO model_versions (\(versionColumns))
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (model, version) DO UPDATE SET
            description = excluded.description, tags = excluded.tags, state = excluded.state,
            state_note = excluded.state_note, run_id = excluded.run_id, step = excluded.step,
            dataset_hash = excluded.dataset_hash, dataset_rows = excluded.dataset_rows, params = excluded.params,
            metrics = excluded.metrics, code_version = excluded.code_version,
            flightdeck_version = excluded.flightdeck_version, swift_version = excluded.swift_version, os = excluded.os,
            artifact_path = excluded.artifact_path, artifact_sha256 = excluded.artifact_sha256,
            artifact_size = excluded.artifact_size, artifact_dropped_at = excluded.artifact_dropped_at,
            created_at = excluded.created_at
        """

    static let moveColumns = "sequence, model, alias, version, at, by, reason"
    static let insertMove = "INSERT INTO alias_moves (\(moveColumns)) VALUES (?, ?, ?, ?, ?, ?, ?)"

    static let requestColumns = "id, model, version, requested_at, deadline, on_timeout, approvals_needed, policy, evidence"
    static let insertRequest = "INSERT INTO approvals (\(requestColumns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"

    static let decisionColumns = "sequence, request_id, model, version, approve, kind, user, ssh_client, wall_time, reason, evidence, at"
    static let insertDecision = "INSERT INTO decisions (\(decisionColumns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
}
