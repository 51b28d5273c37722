import Foundation
import GRDB

/// The run history in SQLite (`state.db` in the state directory), through a
/// GRDB `DatabasePool` in WAL mode with foreign keys on.
///
/// `append` writes one batch in one transaction with cached prepared
/// statements: after it returns, the batch survives a crash of the process.
/// With `synchronous = NORMAL` (the default) a power loss or OS crash may
/// lose the last transactions but never corrupts the file; `FULL` syncs the
/// WAL on every commit and survives that too, at the cost of one fsync per
/// `append`.
public final class SQLiteRunStore: RunStore, Sendable {
    /// SQLite's `PRAGMA synchronous` level.
    public enum Synchronous: String, Sendable {
        /// Safe against process crashes; the last commits may be lost on power loss.
        case normal = "NORMAL"
        /// Also safe against power loss: fsync on every commit.
        case full = "FULL"
    }

    /// The database file.
    public let path: String
    let pool: DatabasePool

    /// Opens (creating and migrating) `state.db` in a locked state directory,
    /// with mode 0600 on the database and its WAL files.
    public convenience init(directory: StateDirectory, synchronous: Synchronous = .normal) throws {
        let path = try directory.secureFile(named: StateDirectory.databaseFileName)
        try self.init(path: path, synchronous: synchronous)
        for suffix in ["-wal", "-shm"] {
            try directory.restrictIfPresent(named: StateDirectory.databaseFileName + suffix)
        }
    }

    /// Opens the database at `path`. Read-only stores (for other processes
    /// that only look) are not migrated and refuse `append`.
    public init(path: String, synchronous: Synchronous = .normal, readOnly: Bool = false) throws {
        self.path = path
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.readonly = readOnly
        configuration.busyMode = .timeout(5)
        configuration.label = "flightdeck.runs"
        let level = synchronous.rawValue
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = \(level)")
        }
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
            if !readOnly {
                try RunHistorySchema.migrator.migrate(pool)
            }
        } catch {
            throw StoreError(path: path, operation: "open", underlying: error)
        }
    }

    /// Closes the database; later calls throw.
    public func close() throws {
        do {
            try pool.close()
        } catch {
            throw StoreError(path: path, operation: "close", underlying: error)
        }
    }

    // MARK: - Writing

    /// Writes the batch in one transaction: runs, steps, attempts and meta
    /// are upserted by key (repeats within the batch folded into their last
    /// value first), log lines and artifacts inserted. On error nothing of
    /// the batch is kept.
    public func append(_ changes: [RunChange]) throws {
        try write(changes, folded: false)
    }

    /// ``append(_:)`` without looking for repeated step and attempt records
    /// (see ``RunStore/appendFolded(_:)``).
    public func appendFolded(_ changes: [RunChange]) throws {
        try write(changes, folded: true)
    }

    private func write(_ changes: [RunChange], folded: Bool) throws {
        guard !changes.isEmpty else { return }
        do {
            let batch = CoalescedBatch(changes, stepsAndAttemptsFolded: folded)
            try pool.write { db in
                try BatchWriter.write(batch, to: db)
            }
        } catch {
            throw StoreError(path: path, operation: "append \(changes.count) changes", underlying: error)
        }
    }

    // MARK: - Reading

    public func loadHistory() throws -> RunHistory {
        try read("load history") { db in
            RunHistory(
                runs: try RowDecoding.runs(db, sql: "SELECT \(RowDecoding.runColumns) FROM runs ORDER BY id"),
                steps: try RowDecoding.steps(db, sql: "SELECT \(RowDecoding.stepColumns) FROM steps ORDER BY run_id, ordinal"),
                attempts: try RowDecoding.attempts(db, sql: """
                    SELECT \(RowDecoding.attemptColumns) FROM attempts a
                    LEFT JOIN steps s ON s.run_id = a.run_id AND s.step = a.step
                    ORDER BY a.run_id, s.ordinal IS NULL, s.ordinal, a.step, a.attempt
                    """),
                artifacts: try RowDecoding.artifacts(db, sql: "SELECT \(RowDecoding.artifactColumns) FROM artifacts ORDER BY id"),
                meta: try Row.fetchAll(db, sql: "SELECT key, value FROM meta ORDER BY key").map {
                    MetaEntry(key: $0[0], value: $0[1])
                })
        }
    }

    public func runs(pipeline: String?, limit: Int?) throws -> [RunRecord] {
        try read("read runs") { db in
            let limitClause = limit.map { " LIMIT \(max(0, $0))" } ?? ""
            if let pipeline {
                return try RowDecoding.runs(
                    db, sql: "SELECT \(RowDecoding.runColumns) FROM runs WHERE pipeline = ? ORDER BY id DESC\(limitClause)",
                    arguments: [pipeline])
            }
            return try RowDecoding.runs(db, sql: "SELECT \(RowDecoding.runColumns) FROM runs ORDER BY id DESC\(limitClause)")
        }
    }

    public func steps(run: RunID) throws -> [StepRecord] {
        try read("read steps of run \(run)") { db in
            try RowDecoding.steps(
                db, sql: "SELECT \(RowDecoding.stepColumns) FROM steps WHERE run_id = ? ORDER BY ordinal",
                arguments: [run.value])
        }
    }

    public func attempts(run: RunID) throws -> [StepAttemptRecord] {
        try read("read attempts of run \(run)") { db in
            try RowDecoding.attempts(db, sql: """
                SELECT \(RowDecoding.attemptColumns) FROM attempts a
                LEFT JOIN steps s ON s.run_id = a.run_id AND s.step = a.step
                WHERE a.run_id = ?
                ORDER BY s.ordinal IS NULL, s.ordinal, a.step, a.attempt
                """, arguments: [run.value])
        }
    }

    public func logs(run: RunID, step: String, attempt: Int?) throws -> [LogLine] {
        try read("read logs of run \(run) step \(step)") { db in
            if let attempt {
                return try RowDecoding.logs(db, sql: """
                    SELECT \(RowDecoding.logColumns) FROM logs
                    WHERE run_id = ? AND step = ? AND attempt = ? ORDER BY sequence
                    """, arguments: [run.value, step, attempt])
            }
            return try RowDecoding.logs(db, sql: """
                SELECT \(RowDecoding.logColumns) FROM logs
                WHERE run_id = ? AND step = ? ORDER BY attempt, sequence
                """, arguments: [run.value, step])
        }
    }

    public func artifacts(run: RunID) throws -> [ArtifactRecord] {
        try read("read artifacts of run \(run)") { db in
            try RowDecoding.artifacts(
                db, sql: "SELECT \(RowDecoding.artifactColumns) FROM artifacts WHERE run_id = ? ORDER BY id",
                arguments: [run.value])
        }
    }

    private func read<T>(_ operation: String, _ body: (Database) throws -> T) throws -> T {
        do {
            return try pool.read(body)
        } catch {
            throw StoreError(path: path, operation: operation, underlying: error)
        }
    }
}
