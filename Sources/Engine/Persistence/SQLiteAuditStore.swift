import Foundation
import GRDB
import SimKernel

/// The audit log in SQLite: the `audit_log` table of migration `7 audit` in
/// the state directory's `state.db` (see ``AuditSchema``), sharing the run
/// store's connection pool, plus the head file `audit.head` next to it
/// (see ``AuditHeadFile``).
///
/// Each append is one write transaction that reads the newest entry's
/// number and hash, chains the new entry to it (``AuditChain``) and inserts
/// it; after the commit the head file is replaced. Errors are
/// ``StoreError``s saying what failed.
public final class SQLiteAuditStore: AuditSink, Sendable {
    /// The database file.
    public let path: String
    /// The head file (`audit.head` in the database's directory).
    public let headPath: String
    private let writer: any DatabaseWriter
    private let readOnly: Bool

    /// Uses the run store's connection pool (already migrated); the head
    /// file lives next to the database unless `headPath` says otherwise.
    public init(sharing runStore: SQLiteRunStore, headPath: String? = nil) {
        path = runStore.path
        self.headPath = headPath ?? Self.defaultHeadPath(forDatabase: runStore.path)
        writer = runStore.pool
        readOnly = false
    }

    /// Opens `state.db` read-only (for the CLI while an engine holds the
    /// state directory); it must exist. A database from before migration
    /// `7 audit` reads as an empty log.
    public init(readingDatabaseAt path: String, headPath: String? = nil) throws {
        self.path = path
        self.headPath = headPath ?? Self.defaultHeadPath(forDatabase: path)
        writer = try ReadOnlyStateDatabase.open(path)
        readOnly = true
    }

    /// `audit.head` in the directory of `database`.
    public static func defaultHeadPath(forDatabase database: String) -> String {
        guard let slash = database.lastIndex(of: "/") else { return AuditHeadFile.fileName }
        return String(database[...slash]) + AuditHeadFile.fileName
    }

    public func append(_ record: AuditRecord) throws {
        guard !readOnly else { throw StoreError(path: path, operation: "append to the audit log", message: "opened read-only") }
        let entry: AuditEntry
        do {
            entry = try writer.write { db in
                let previous = try Row.fetchOne(db, sql: AuditSchema.lastEntry).map { AuditHead(seq: $0[0], hash: $0[1]) }
                let entry = AuditEntry.chained(record, after: previous)
                try db.cachedStatement(sql: AuditSchema.insert).execute(arguments: [
                    entry.seq, record.wallTime, record.simTime.milliseconds, record.user, record.sshClient,
                    record.source.rawValue, record.action, record.target, record.reason, record.result, record.message,
                    entry.prevHash, entry.hash,
                ])
                return entry
            }
        } catch {
            throw StoreError(path: path, operation: "append to the audit log (\(record.action) \(record.target))", underlying: error)
        }
        try AuditHeadFile.write(entry.head, to: headPath)
    }

    /// The newest `limit` entries (all with nil), of `user` only when given,
    /// oldest first.
    public func entries(limit: Int? = nil, user: String? = nil) throws -> [AuditEntry] {
        try read("read the audit log") { db in
            guard try db.tableExists("audit_log") else { return [] }
            var sql = "SELECT \(AuditSchema.columns) FROM audit_log"
            var arguments: StatementArguments = []
            if let user {
                sql += " WHERE user = ?"
                arguments += [user]
            }
            sql += " ORDER BY seq DESC"
            if let limit {
                sql += " LIMIT ?"
                arguments += [Swift.max(0, limit)]
            }
            return try Row.fetchAll(db, sql: sql, arguments: arguments).map { try Self.entry($0).get() }.reversed()
        }
    }

    /// How many entries the log has.
    public func count() throws -> Int {
        try read("count the audit log") { db in
            guard try db.tableExists("audit_log") else { return 0 }
            return try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM audit_log") ?? 0
        }
    }

    /// What the head file says.
    public func storedHead() -> StoredAuditHead {
        AuditHeadFile.read(headPath)
    }

    /// Verifies the whole log against the head file (read first, so entries
    /// an engine appends meanwhile only make the head look behind, which is
    /// accepted when its hash matches).
    public func verify() throws -> AuditVerification {
        let head = storedHead()
        let (entries, unreadable) = try read("read the audit log") { db -> ([AuditEntry], (seq: Int64, reason: String)?) in
            guard try db.tableExists("audit_log") else { return ([], nil) }
            var entries: [AuditEntry] = []
            let cursor = try Row.fetchCursor(db, sql: "SELECT \(AuditSchema.columns) FROM audit_log ORDER BY seq")
            while let row = try cursor.next() {
                switch Self.entry(row) {
                case .success(let entry): entries.append(entry)
                case .failure(let error): return (entries, (row[0], error.message))
                }
            }
            return (entries, nil)
        }
        return AuditVerifier.verify(entries, head: head, unreadable: unreadable)
    }

    private static func entry(_ row: Row) -> Result<AuditEntry, StoreError> {
        let seq: Int64 = row[0]
        let sourceText: String = row[5]
        guard let source = CommandSource(rawValue: sourceText) else {
            return .failure(StoreError(path: "", operation: "", message: "audit entry \(seq) has an unknown source '\(sourceText)'"))
        }
        let record = AuditRecord(simTime: SimTime(milliseconds: row[2]), wallTime: row[1], user: row[3], sshClient: row[4],
                                 source: source, action: row[6], target: row[7], reason: row[8], result: row[9], message: row[10])
        return .success(AuditEntry(seq: seq, record: record, prevHash: row[11], hash: row[12]))
    }

    private func read<T>(_ operation: String, _ body: (Database) throws -> T) throws -> T {
        do {
            return try writer.read(body)
        } catch let error as StoreError {
            throw StoreError(path: path, operation: operation, message: error.message)
        } catch {
            throw StoreError(path: path, operation: operation, underlying: error)
        }
    }
}
