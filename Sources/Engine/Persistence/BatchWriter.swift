#if canImport(GRDBSQLite)
import GRDBSQLite
#else
import SQLite3
#endif
import GRDB

/// Writes one coalesced batch inside the `append` transaction: per table,
/// cached prepared statements of ``rowsPerStatement`` rows each (see
/// ``RunHistorySchema/RowWrite``), the rest one row per statement.
///
/// Values are bound with the SQLite C API on GRDB's cached statement
/// (`Statement.sqliteStatement`), and GRDB executes it (error reporting,
/// transaction bookkeeping). Building a `StatementArguments` array of
/// existentials per row cost about as much as SQLite's own insert. Text is
/// copied once into a buffer owned by the writer and bound in place
/// (`SQLITE_STATIC`) rather than copied by SQLite value by value.
enum BatchWriter {
    /// Rows per multi-row statement (at most 11 columns: 352 parameters,
    /// under SQLite's oldest default limit of 999).
    static let rowsPerStatement = 32

    static func write(_ batch: CoalescedBatch, to db: Database) throws {
        var binder = Binder()
        try binder.write(batch.runs, RunHistorySchema.upsertRun, db) { row, record in
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
        }
        try binder.write(batch.steps, RunHistorySchema.upsertStep, db) { row, record in
            row.bind(record.run.value)
            row.bind(record.step)
            row.bind(record.state.rawValue)
            row.bind(record.reason)
            row.bind(Int64(record.attempts))
        }
        // In key order: where they go in the table (and which steps their
        // foreign keys look up) is then sequential rather than scattered over
        // the B-trees, which on a 10,000-step run cost about a third more
        // time for the same instructions. Their order has no other effect.
        let attempts = Self.inKeyOrder(batch.attempts)
        try binder.write(attempts, RunHistorySchema.upsertAttempt, db) { row, record in
            row.bind(record.key.run.value)
            row.bind(record.key.step)
            row.bind(Int64(record.key.attempt))
            row.bind(record.state.rawValue)
            row.bind(record.startedAt.milliseconds)
            row.bind(record.endedAt?.milliseconds)
            row.bind(record.exitCode.map(Int64.init))
            row.bind(record.reason)
        }
        try binder.write(batch.logs, RunHistorySchema.insertLog, db) { row, line in
            row.bind(line.key.run.value)
            row.bind(line.key.step)
            row.bind(Int64(line.key.attempt))
            row.bind(Int64(line.sequence))
            row.bind(line.time.milliseconds)
            row.bind(line.realOffsetMilliseconds)
            row.bind(line.stream.rawValue)
            row.bind(line.text)
        }
        try binder.write(batch.artifacts, RunHistorySchema.insertArtifact, db) { row, record in
            row.bind(record.key.run.value)
            row.bind(record.key.step)
            row.bind(Int64(record.key.attempt))
            row.bind(record.path)
            row.bind(record.sha256)
            row.bind(record.size)
            row.bind(record.time.milliseconds)
        }
        try binder.write(batch.meta, RunHistorySchema.upsertMeta, db) { row, entry in
            row.bind(entry.key)
            row.bind(entry.value)
        }
    }

    /// Attempt records in the attempts table's key order (run, step,
    /// attempt), step ids compared by their UTF-8 bytes as SQLite's BINARY
    /// collation does. Sorted through a compact key (run and the step id's
    /// first 8 bytes) so that most comparisons never touch the strings.
    static func inKeyOrder(_ records: [StepAttemptRecord]) -> [StepAttemptRecord] {
        guard records.count > 1 else { return records }
        var keys: [(run: Int64, prefix: UInt64, position: Int)] = []
        keys.reserveCapacity(records.count)
        for (position, record) in records.enumerated() {
            keys.append((record.key.run.value, prefix(record.key.step), position))
        }
        keys.sort { a, b in
            if a.run != b.run { return a.run < b.run }
            if a.prefix != b.prefix { return a.prefix < b.prefix }
            let left = records[a.position].key, right = records[b.position].key
            if left.step != right.step { return left.step.utf8.lexicographicallyPrecedes(right.step.utf8) }
            return left.attempt < right.attempt
        }
        return keys.map { records[$0.position] }
    }

    /// The first 8 bytes of `text`'s UTF-8, big-endian, zero-padded: ordered
    /// as the texts are, except that equal prefixes say nothing.
    private static func prefix(_ text: String) -> UInt64 {
        var text = text
        return text.withUTF8 { bytes in
            var value: UInt64 = 0
            for index in 0..<8 {
                value = value << 8 | UInt64(index < bytes.count ? bytes[index] : 0)
            }
            return value
        }
    }
}

/// Binds rows' values in order, starting at parameter 1 of a statement it
/// first resets (SQLite refuses bindings on a statement that has run and
/// not been reset), then executes it. Integers and NULLs are bound at once;
/// text is appended to `text` and bound, pointing into that buffer, just
/// before the statement runs (the buffer must not move while SQLite holds
/// the pointers), and the bindings are cleared afterwards. Binding errors
/// are thrown before the statement runs.
private struct Binder {
    private var handle: OpaquePointer?
    private var index: Int32 = 1
    private var failure: Int32 = SQLITE_OK
    /// The UTF-8 of the pending rows' text values, back to back.
    private var text: [UInt8] = []
    /// Pending text bindings: parameter, offset in `text`, byte count.
    private var texts: [(parameter: Int32, offset: Int, count: Int)] = []

    init() {}

    /// Writes `records` with `write`'s statements, `bindRow` binding one
    /// record's columns in order.
    mutating func write<Record>(_ records: [Record], _ write: RunHistorySchema.RowWrite, _ db: Database,
                                _ bindRow: (inout Binder, Record) throws -> Void) throws {
        guard !records.isEmpty else { return }
        let chunk = BatchWriter.rowsPerStatement
        var start = 0
        if records.count >= chunk {
            let statement = try prepared(db, write.sql(rows: chunk))
            while records.count - start >= chunk {
                begin(statement)
                for record in records[start..<(start + chunk)] { try bindRow(&self, record) }
                try execute(statement)
                start += chunk
            }
        }
        guard start < records.count else { return }
        let statement = try prepared(db, write.sql(rows: 1))
        for record in records[start...] {
            begin(statement)
            try bindRow(&self, record)
            try execute(statement)
        }
    }

    /// The cached statement, marked as having its arguments bound so that
    /// `execute()` only resets it (keeping the values bound through the C
    /// API) before stepping.
    private func prepared(_ db: Database, _ sql: String) throws -> Statement {
        let statement = try db.cachedStatement(sql: sql)
        // Clear a previous failure first: GRDB's reset treats it as fatal here.
        _ = sqlite3_reset(statement.sqliteStatement)
        statement.setUncheckedArguments(StatementArguments())
        return statement
    }

    private mutating func begin(_ statement: Statement) {
        handle = statement.sqliteStatement
        index = 1
        failure = SQLITE_OK
        text.removeAll(keepingCapacity: true)
        texts.removeAll(keepingCapacity: true)
        // An error of the previous execution is reported again by reset;
        // it was thrown then.
        _ = sqlite3_reset(handle)
    }

    private mutating func execute(_ statement: Statement) throws {
        let handle = handle
        defer { _ = sqlite3_clear_bindings(handle) }
        var failure = failure
        let texts = texts
        try text.withUnsafeBufferPointer { buffer in
            for pending in texts {
                let pointer = buffer.baseAddress.map { UnsafeRawPointer($0 + pending.offset) } ?? UnsafeRawPointer(emptyText.utf8Start)
                // Empty text is bound as empty text, not NULL (the pointer is never nil).
                let code = sqlite3_bind_text(handle, pending.parameter, pointer.assumingMemoryBound(to: CChar.self),
                                             Int32(pending.count), nil)
                if code != SQLITE_OK && failure == SQLITE_OK { failure = code }
            }
            guard failure == SQLITE_OK else {
                throw StoreError(path: "", operation: "bind", message: "SQLite could not bind parameter (code \(failure))")
            }
            try statement.execute()
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
        let offset = text.count
        var value = value
        value.withUTF8 { text.append(contentsOf: $0) }
        texts.append((index, offset, text.count - offset))
        index += 1
    }

    mutating func bind(_ value: String?) {
        if let value {
            bind(value)
        } else {
            record(sqlite3_bind_null(handle, index))
        }
    }
}

/// Text bound for empty strings when the buffer is empty (a nil destructor,
/// `SQLITE_STATIC`, tells SQLite not to copy or free bound text).
private let emptyText: StaticString = ""
