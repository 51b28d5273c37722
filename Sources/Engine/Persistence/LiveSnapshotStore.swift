import Foundation
import GRDB

/// A snapshot as the engine holding a state directory published it.
public struct PublishedSnapshot: Sendable, Hashable {
    /// Grows by one with each publication (a reader redraws when it changes).
    public var sequence: Int64
    /// The engine's process.
    public var pid: Int32
    /// The user the engine runs as.
    public var user: String
    /// The publisher's wall clock, milliseconds since 1970.
    public var publishedWallMilliseconds: Int64
    /// The engine's state.
    public var snapshot: EngineSnapshot
}

/// An operator attached to a running engine, as its heartbeats say.
public struct ViewerPresence: Sendable, Hashable, Codable {
    /// The attached process.
    public var pid: Int32
    /// Its login name.
    public var user: String
    /// Its SSH client, nil outside SSH.
    public var sshClient: String?
    /// Whether it runs `--read-only`.
    public var readOnly: Bool
    /// When it attached and when it was last seen (wall clock, ms since 1970).
    public var sinceWallMilliseconds: Int64
    public var seenWallMilliseconds: Int64

    /// A presence with the given fields.
    public init(pid: Int32, user: String, sshClient: String?, readOnly: Bool, sinceWallMilliseconds: Int64, seenWallMilliseconds: Int64) {
        self.pid = pid
        self.user = user
        self.sshClient = sshClient
        self.readOnly = readOnly
        self.sinceWallMilliseconds = sinceWallMilliseconds
        self.seenWallMilliseconds = seenWallMilliseconds
    }
}

/// The live view of a running engine for other processes: the engine
/// publishes its ``EngineSnapshot`` into `state.db` (one row, replaced);
/// attached operators read it and send heartbeats, so the engine knows who
/// watches and publishes at frame rate while someone does.
///
/// Wall-clock times here are the host processes' (the engine never reads
/// the clock); they only tell how fresh a publication or a heartbeat is.
public final class LiveSnapshotStore: Sendable {
    /// The database file.
    public let path: String
    private let writer: any DatabaseWriter

    /// The engine's side, on its run store's pool.
    public init(sharing runStore: SQLiteRunStore) {
        path = runStore.path
        writer = runStore.pool
    }

    /// An attached operator's side: its own connection to `state.db`, which
    /// must exist (an engine created it).
    public init(attachingTo path: String) throws {
        self.path = path
        var configuration = Configuration()
        configuration.busyMode = .timeout(5)
        configuration.label = "flightdeck.attach"
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            try RunHistorySchema.migrator.migrate(queue)
            writer = queue
        } catch {
            throw StoreError(path: path, operation: "open", underlying: error)
        }
    }

    /// A read-only reader (the CLI): it must exist and be migrated.
    public init(readingDatabaseAt path: String) throws {
        self.path = path
        writer = try ReadOnlyStateDatabase.open(path)
    }

    // MARK: - Engine side

    /// Replaces the published snapshot; returns its sequence number.
    @discardableResult
    public func publish(_ snapshot: EngineSnapshot, pid: Int32, user: String, wallMilliseconds: Int64) throws -> Int64 {
        let text = try RegistryJSON.encode(snapshot)
        return try write("publish the engine's snapshot") { db in
            let previous = try Int64.fetchOne(db, sql: "SELECT sequence FROM live_snapshot WHERE id = 1") ?? 0
            try db.execute(
                sql: """
                    INSERT INTO live_snapshot (id, sequence, pid, user, published_wall_ms, snapshot) VALUES (1, ?, ?, ?, ?, ?)
                    ON CONFLICT (id) DO UPDATE SET sequence = excluded.sequence, pid = excluded.pid, user = excluded.user,
                        published_wall_ms = excluded.published_wall_ms, snapshot = excluded.snapshot
                    """,
                arguments: [previous + 1, pid, user, wallMilliseconds, text])
            return previous + 1
        }
    }

    /// The operators seen since `wallMilliseconds`, oldest attachment first.
    public func viewers(seenSince wallMilliseconds: Int64) throws -> [ViewerPresence] {
        try read("read the attached operators") { db in
            try Row.fetchAll(db, sql: """
                SELECT pid, user, ssh_client, read_only, since_wall_ms, seen_wall_ms FROM viewers
                WHERE seen_wall_ms >= ? ORDER BY since_wall_ms, pid
                """, arguments: [wallMilliseconds]).map {
                ViewerPresence(pid: $0[0], user: $0[1], sshClient: $0[2], readOnly: $0[3], sinceWallMilliseconds: $0[4], seenWallMilliseconds: $0[5])
            }
        }
    }

    // MARK: - Reader side

    /// The newest publication's sequence number (cheap: a reader polls it).
    public func latestSequence() throws -> Int64? {
        try read("read the published snapshot") { db in
            try Int64.fetchOne(db, sql: "SELECT sequence FROM live_snapshot WHERE id = 1")
        }
    }

    /// The newest publication, nil before the first.
    public func latest() throws -> PublishedSnapshot? {
        try read("read the published snapshot") { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT sequence, pid, user, published_wall_ms, snapshot FROM live_snapshot WHERE id = 1") else {
                return nil
            }
            return PublishedSnapshot(sequence: row[0], pid: row[1], user: row[2], publishedWallMilliseconds: row[3],
                                     snapshot: try RegistryJSON.decode(EngineSnapshot.self, row[4]))
        }
    }

    /// Records that `viewer` is attached and watching now.
    public func heartbeat(_ viewer: ViewerPresence) throws {
        try write("record an attached operator") { db in
            try db.execute(sql: """
                INSERT INTO viewers (pid, user, ssh_client, read_only, since_wall_ms, seen_wall_ms) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (pid) DO UPDATE SET user = excluded.user, ssh_client = excluded.ssh_client,
                    read_only = excluded.read_only, seen_wall_ms = excluded.seen_wall_ms
                """, arguments: [viewer.pid, viewer.user, viewer.sshClient, viewer.readOnly, viewer.sinceWallMilliseconds, viewer.seenWallMilliseconds])
        }
    }

    /// Forgets an operator that detached.
    public func leave(pid: Int32) throws {
        try write("record a detached operator") { db in
            try db.execute(sql: "DELETE FROM viewers WHERE pid = ?", arguments: [pid])
        }
    }

    private func write<T>(_ operation: String, _ body: (Database) throws -> T) throws -> T {
        do {
            return try writer.write(body)
        } catch {
            throw StoreError(path: path, operation: operation, underlying: error)
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
