#if canImport(GRDBSQLite)
import GRDBSQLite
#else
import SQLite3
#endif
import GRDB

/// Writes one coalesced batch inside the `append` transaction: one cached
/// prepared statement per table, rebound for every record.
///
/// Values are bound with the SQLite C API on GRDB's cached statement
/// (`Statement.sqliteStatement`), and GRDB executes it (error reporting,
/// transaction bookkeeping). Building a `StatementArguments` array of
/// existentials per row cost about as much as SQLite's own insert.
enum BatchWriter {
    static func write(_ batch: CoalescedBatch, to db: Database) throws {
        if !batch.runs.isEmpty {
            let statement = try prepared(db, RunHistorySchema.upsertRun)
            for record in batch.runs {
                var row = Binder(statement)
                row.bind(record.id.value)
                row.bind(record.pipeline)
                row.bind(Int64(record.number))
                row.bind(record.state.rawValue)
                row.bind(record.reason)
                row.bind(record.trigger)
                row.bind(try ParamsJSON.encode(record.params))
                row.bind(record.codeVersion)
                row.bind(record.queuedAt.milliseconds)
                row.bind(record.startedAt?.milliseconds)
                row.bind(record.endedAt?.milliseconds)
                try row.check()
                try statement.execute()
            }
        }
        if !batch.steps.isEmpty {
            let statement = try prepared(db, RunHistorySchema.upsertStep)
            for record in batch.steps {
                var row = Binder(statement)
                row.bind(record.run.value)
                row.bind(record.step)
                row.bind(record.state.rawValue)
                row.bind(record.reason)
                row.bind(Int64(record.attempts))
                try row.check()
                try statement.execute()
            }
        }
        if !batch.attempts.isEmpty {
            let statement = try prepared(db, RunHistorySchema.upsertAttempt)
            for record in batch.attempts {
                var row = Binder(statement)
                row.bind(record.key.run.value)
                row.bind(record.key.step)
                row.bind(Int64(record.key.attempt))
                row.bind(record.state.rawValue)
                row.bind(record.startedAt.milliseconds)
                row.bind(record.endedAt?.milliseconds)
                row.bind(record.exitCode.map(Int64.init))
                row.bind(record.reason)
                try row.check()
                try statement.execute()
            }
        }
        if !batch.logs.isEmpty {
            let statement = try prepared(db, RunHistorySchema.insertLog)
            for line in batch.logs {
                var row = Binder(statement)
                row.bind(line.key.run.value)
                row.bind(line.key.step)
                row.bind(Int64(line.key.attempt))
                row.bind(Int64(line.sequence))
                row.bind(line.time.milliseconds)
                row.bind(line.realOffsetMilliseconds)
                row.bind(line.stream.rawValue)
                row.bind(line.text)
                try row.check()
                try statement.execute()
            }
        }
        if !batch.artifacts.isEmpty {
            let statement = try prepared(db, RunHistorySchema.insertArtifact)
            for record in batch.artifacts {
                var row = Binder(statement)
                row.bind(record.key.run.value)
                row.bind(record.key.step)
                row.bind(Int64(record.key.attempt))
                row.bind(record.path)
                row.bind(record.sha256)
                row.bind(record.size)
                row.bind(record.time.milliseconds)
                try row.check()
                try statement.execute()
            }
        }
        if !batch.meta.isEmpty {
            let statement = try prepared(db, RunHistorySchema.upsertMeta)
            for entry in batch.meta {
                var row = Binder(statement)
                row.bind(entry.key)
                row.bind(entry.value)
                try row.check()
                try statement.execute()
            }
        }
    }

    /// The cached statement, marked as having its arguments bound so that
    /// `execute()` only resets it (keeping the values bound through the C
    /// API) before stepping.
    private static func prepared(_ db: Database, _ sql: String) throws -> Statement {
        let statement = try db.cachedStatement(sql: sql)
        // Clear a previous failure first: GRDB's reset treats it as fatal here.
        _ = sqlite3_reset(statement.sqliteStatement)
        statement.setUncheckedArguments(StatementArguments())
        return statement
    }
}

/// Binds one row's values in order, starting at parameter 1, on a statement
/// it first resets (SQLite refuses bindings on a statement that has run and
/// not been reset). Text is copied by SQLite (`SQLITE_TRANSIENT`), so the
/// Swift strings need not outlive the call. `check()` throws the first
/// binding error.
private struct Binder {
    private let handle: OpaquePointer
    private var index: Int32 = 1
    private var failure: Int32 = SQLITE_OK

    init(_ statement: Statement) {
        handle = statement.sqliteStatement
        // An error of the previous execution is reported again by reset;
        // it was thrown then.
        _ = sqlite3_reset(handle)
    }

    func check() throws {
        guard failure == SQLITE_OK else {
            throw StoreError(path: "", operation: "bind", message: "SQLite could not bind parameter (code \(failure))")
        }
    }

    private mutating func record(_ code: Int32) {
        if code != SQLITE_OK && failure == SQLITE_OK { failure = code }
        index += 1
    }

    mutating func bind(_ value: Int64) {
        record(sqlite3_bind_int64(handle, index, value))
    }

    mutating func bind(_ value: Int64?) {
        if let value {
            record(sqlite3_bind_int64(handle, index, value))
        } else {
            record(sqlite3_bind_null(handle, index))
        }
    }

    mutating func bind(_ value: String) {
        var text = value
        let handle = handle, index = index
        let code = text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else {
                // Empty text, not NULL.
                return sqlite3_bind_text(handle, index, "", 0, transient)
            }
            return base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                sqlite3_bind_text(handle, index, $0, Int32(bytes.count), transient)
            }
        }
        record(code)
    }

    mutating func bind(_ value: String?) {
        if let value {
            bind(value)
        } else {
            record(sqlite3_bind_null(handle, index))
        }
    }
}

private let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)
