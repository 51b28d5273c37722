import Foundation
import GRDB
import XCTest
@testable import Engine

/// A full disk, made deterministic with `PRAGMA max_page_count` on the
/// engine's writer connection (SQLite then answers SQLITE_FULL to any write
/// that needs a new page, as it does on ENOSPC): a clear error, nothing of a
/// failed transaction in the store, the changes kept in memory and written
/// when space returns, and a channel command acknowledged only once its
/// change is stored.
final class DiskFullTests: XCTestCase {
    private var temporary: TemporaryDirectory!

    override func setUpWithError() throws {
        temporary = try TemporaryDirectory()
    }

    override func tearDown() {
        temporary.remove()
    }

    /// The embedded demo on SQLite stores in a state directory, as
    /// `flightdeck serve` opens it (real shell steps in `work/`).
    private struct Opened {
        let engine: Engine
        let store: SQLiteRunStore
        let directory: StateDirectory
    }

    private func openDemo() throws -> Opened {
        let directory = try StateDirectory(path: temporary.file("state"))
        let store = try SQLiteRunStore(directory: directory)
        let spec = try ProjectLoader.embeddedDemo(builtins: BuiltinRegistry.standard.names).get()
        let work = temporary.file("work")
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        let engine = try Engine(
            configuration: EngineConfiguration(projectName: spec.name, seed: spec.seed), project: spec, store: store,
            shell: ProcessShellLauncher(), artifactHasher: FileArtifactHasher(), workingDirectory: work,
            registryStore: SQLiteRegistryStore(sharing: store), artifactRemover: FileArtifactRemover(baseDirectory: work),
            servingStore: SQLiteServingStore(sharing: store), monitoringStore: SQLiteMonitoringStore(sharing: store))
        return Opened(engine: engine, store: store, directory: directory)
    }

    /// No page beyond the database's current size: the disk is "full".
    private func fillDisk(_ store: SQLiteRunStore) throws {
        try store.pool.write { db in
            let pages = try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 1
            try db.execute(sql: "PRAGMA max_page_count = \(pages)")
        }
    }

    private func freeDisk(_ store: SQLiteRunStore) throws {
        try store.pool.write { db in try db.execute(sql: "PRAGMA max_page_count = 1073741823") }
    }

    /// Row counts through a separate read-only connection (another process's view).
    private func counts(_ path: String) throws -> [String: Int] {
        let queue = try DatabaseQueue(path: path, configuration: { var c = Configuration(); c.readonly = true; return c }())
        defer { try? queue.close() }
        return try queue.read { db in
            var result: [String: Int] = [:]
            for table in ["runs", "steps", "attempts", "logs", "alias_moves", "decisions", "traffic_changes", "alert_history"] {
                result[table] = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)") ?? 0
            }
            return result
        }
    }

    private static let runTables = ["runs", "steps", "attempts", "logs"]

    /// Advances 15 minutes at a time until a run-history write fails;
    /// returns the run tables' counts after the last write that succeeded.
    @discardableResult
    private func advanceUntilRunHistoryFails(_ engine: Engine, database: String, hours: Int = 48) throws -> [String: Int] {
        var lastWritten = try counts(database)
        for _ in 0..<(hours * 4) {
            engine.advance(to: engine.now + .minutes(15))
            if engine.storeError != nil { break }
            lastWritten = try counts(database)
        }
        return lastWritten.filter { Self.runTables.contains($0.key) }
    }

    func testAFullDiskGivesAClearErrorKeepsTheStoreAsItWasAndWritesEverythingWhenSpaceReturns() throws {
        let opened = try openDemo()
        defer { opened.directory.close() }
        let engine = opened.engine
        let database = opened.directory.databasePath
        engine.advance(to: engine.now + .hours(2))
        XCTAssertNil(engine.pendingWriteError)
        let before = try counts(database)

        try fillDisk(opened.store)
        let lastWritten = try advanceUntilRunHistoryFails(engine, database: database)
        let error = try XCTUnwrap(engine.storeError, "the run history never needed a new page")
        XCTAssertTrue(error.contains("could not write the run history: state database \(database): cannot append"), error)
        XCTAssertTrue(error.contains("disk is full (SQLITE_FULL)"), error)
        XCTAssertEqual(engine.writeError, error)
        XCTAssertTrue(engine.eventLog.elements.contains { $0.kind == .storeError && $0.message == error })
        // The failed batch left nothing behind, and neither do the next
        // ones while the disk stays full (each holds everything kept so far).
        XCTAssertEqual(try counts(database).filter { Self.runTables.contains($0.key) }, lastWritten)
        for _ in 0..<8 {
            engine.advance(to: engine.now + .minutes(15))
            XCTAssertNotNil(engine.storeError)
            XCTAssertEqual(try counts(database).filter { Self.runTables.contains($0.key) }, lastWritten)
        }
        XCTAssertFalse(engine.flushPendingWrites(), "still full")

        try freeDisk(opened.store)
        XCTAssertTrue(engine.flushPendingWrites())
        XCTAssertNil(engine.pendingWriteError)
        XCTAssertNil(engine.snapshot().writeError)
        // Everything the engine holds is in the store now.
        let reader = try SQLiteRunStore(path: database, readOnly: true)
        defer { try? reader.close() }
        XCTAssertEqual(try reader.runs(pipeline: nil, limit: nil), engine.runs())
        for run in engine.runs() {
            let stored = try reader.steps(run: run.id).filter { $0.state != .pending }.sorted { $0.step < $1.step }
            let held = try engine.steps(run: run.id).filter { $0.state != .pending }.sorted { $0.step < $1.step }
            XCTAssertEqual(stored, held, "run \(run.id)")
        }
        XCTAssertGreaterThan(try counts(database)["logs"] ?? 0, lastWritten["logs"] ?? 0)
        XCTAssertGreaterThanOrEqual(lastWritten["logs"] ?? 0, before["logs"] ?? 0)
    }

    func testAChannelCommandIsAcknowledgedOnlyOnceItsChangeIsStoredAndAppliedOnce() throws {
        let opened = try openDemo()
        defer { opened.directory.close() }
        let engine = opened.engine
        engine.advance(to: engine.now + .hours(1))
        let channel = CommandChannel(sharing: opened.store)
        let submitter = CommandChannel(databasePath: opened.directory.databasePath)

        try fillDisk(opened.store)
        try advanceUntilRunHistoryFails(engine, database: opened.directory.databasePath)
        XCTAssertNotNil(engine.storeError)
        let move = EngineCommand.moveAlias(model: "fraud", alias: "challenger", version: 1, by: "ana", reason: "shadow test")
        // The submitter's own connection has no page limit (another process).
        let id = try submitter.submit(move, origin: CommandOrigin(user: "ana", source: .cli, wallTime: "2026-11-22T06:00:00Z"))

        XCTAssertEqual(engine.applyPendingChannelCommands(from: channel), 0)
        XCTAssertEqual(try submitter.outcome(id: id)?.state, .pending, "not acknowledged while its change cannot be written")
        XCTAssertEqual(engine.applyPendingChannelCommands(from: channel), 0)

        try freeDisk(opened.store)
        XCTAssertEqual(engine.applyPendingChannelCommands(from: channel), 1)
        let outcome = try XCTUnwrap(submitter.outcome(id: id))
        XCTAssertEqual(outcome.state, .applied, outcome.message)
        XCTAssertNil(engine.pendingWriteError)
        let moves = try DatabaseQueue(path: opened.directory.databasePath).read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM alias_moves WHERE model = 'fraud' AND alias = 'challenger'") ?? 0
        }
        XCTAssertEqual(moves, 1, "applied once, stored once")
        XCTAssertEqual(engine.recentAudit.elements.filter { $0.action == "move-alias" }.count, 1, "applied once")
    }

    func testSQLiteFullIsExplainedInWords() throws {
        let queue = try DatabaseQueue(path: temporary.file("tiny.db"))
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE t (x TEXT)")
            let pages = try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 1
            try db.execute(sql: "PRAGMA max_page_count = \(pages)")
        }
        XCTAssertThrowsError(try queue.write { db in
            try db.execute(sql: "INSERT INTO t VALUES (?)", arguments: [String(repeating: "x", count: 100_000)])
        }) { error in
            let wrapped = StoreError(path: "/s/state.db", operation: "append 1 changes", underlying: error)
            XCTAssertEqual(wrapped.description, "state database /s/state.db: cannot append 1 changes: "
                + "disk is full (SQLITE_FULL): free space where the state directory is; nothing of this write was kept")
        }
        XCTAssertEqual(try queue.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM t") }, 0)
    }
}
