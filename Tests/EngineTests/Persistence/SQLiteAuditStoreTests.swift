import GRDB
import XCTest
@testable import Engine

/// The SQLite audit log chains its entries across restarts, keeps the head
/// in `audit.head` (0600), reads while an engine holds the directory, and
/// its verification catches tampering with the table: an edited reason, a
/// deleted middle entry, a deleted newest entry, two swapped entries.
final class SQLiteAuditStoreTests: XCTestCase {
    private var temporary: TemporaryDirectory!
    private var directory: StateDirectory!
    private var runs: SQLiteRunStore!
    private var store: SQLiteAuditStore!

    override func setUpWithError() throws {
        temporary = try TemporaryDirectory()
        directory = try StateDirectory(path: temporary.file("state"))
        runs = try SQLiteRunStore(directory: directory)
        store = SQLiteAuditStore(sharing: runs)
    }

    override func tearDown() {
        try? runs?.close()
        directory?.close()
        temporary.remove()
    }

    private func append(_ count: Int) throws {
        for index in 1...count {
            try store.append(AuditChainTests.record("action-\(index)", user: index % 2 == 0 ? "bob" : "alice", at: Int64(index)))
        }
    }

    private func tamper(_ sql: String) throws {
        try runs.pool.write { db in try db.execute(sql: sql) }
    }

    func testAppendsChainAndTheHeadFileFollows() throws {
        try append(3)
        let entries = try store.entries()
        XCTAssertEqual(entries.map(\.seq), [1, 2, 3])
        XCTAssertEqual(entries.map(\.record.action), ["action-1", "action-2", "action-3"])
        XCTAssertEqual(entries[0].record, AuditChainTests.record("action-1", user: "alice", at: 1), "every field round-trips")
        XCTAssertEqual(entries[1].prevHash, entries[0].hash)
        XCTAssertEqual(store.storedHead(), .present(entries[2].head))
        XCTAssertEqual(store.headPath, directory.path + "/audit.head")
        XCTAssertEqual(permissionBits(store.headPath), 0o600)
        let verification = try store.verify()
        XCTAssertTrue(verification.isIntact, verification.summary)
        XCTAssertEqual(verification.summary, "audit log intact: 3 entries, head \(entries[2].hash.prefix(12))")
    }

    func testListingFiltersByUserAndLimitsToTheNewest() throws {
        try append(5)
        XCTAssertEqual(try store.entries(limit: 2).map(\.seq), [4, 5])
        XCTAssertEqual(try store.entries(user: "bob").map(\.seq), [2, 4])
        XCTAssertEqual(try store.entries(limit: 1, user: "alice").map(\.seq), [5])
        XCTAssertEqual(try store.count(), 5)
    }

    func testTheChainContinuesAfterARestart() throws {
        try append(2)
        try runs.close()
        runs = try SQLiteRunStore(directory: directory)
        store = SQLiteAuditStore(sharing: runs)
        try append(1)
        XCTAssertEqual(try store.entries().map(\.seq), [1, 2, 3])
        XCTAssertTrue(try store.verify().isIntact)
    }

    func testAReaderListsAndVerifiesWhileTheEngineHoldsTheDirectory() throws {
        try append(2)
        let reader = try SQLiteAuditStore(readingDatabaseAt: directory.databasePath)
        XCTAssertEqual(try reader.entries().map(\.seq), [1, 2])
        XCTAssertTrue(try reader.verify().isIntact)
        XCTAssertThrowsError(try reader.append(AuditChainTests.record()))
    }

    func testAnEditedReasonIsDetected() throws {
        try append(4)
        let stored = try store.entries()[1].hash
        try tamper("UPDATE audit_log SET reason = 'nothing to see' WHERE seq = 2")
        let problem = try XCTUnwrap(try store.verify().problem)
        guard case .altered(seq: 2, let storedHash, _) = problem else { return XCTFail(problem.message) }
        XCTAssertEqual(storedHash, stored)
        XCTAssertTrue(problem.message.hasPrefix("entry 2 was altered: its stored hash \(stored.prefix(12))"), problem.message)
    }

    func testADeletedMiddleEntryIsDetected() throws {
        try append(4)
        try tamper("DELETE FROM audit_log WHERE seq = 2")
        XCTAssertEqual(try store.verify().problem?.message, "entry 2 is missing: the log jumps from 1 to 3")
    }

    func testADeletedNewestEntryIsDetectedByTheHead() throws {
        try append(4)
        try tamper("DELETE FROM audit_log WHERE seq = 4")
        XCTAssertEqual(try store.verify().problem?.message,
                       "the newest entries are missing: audit.head records entry 4 but the log ends at 3 (entries 4 to 4 deleted)")
    }

    func testSwappedEntriesAreDetected() throws {
        try append(4)
        try tamper("""
            UPDATE audit_log SET seq = -1 WHERE seq = 2;
            UPDATE audit_log SET seq = 2 WHERE seq = 3;
            UPDATE audit_log SET seq = 3 WHERE seq = -1;
            """)
        XCTAssertEqual(try store.verify().problem?.message, "entry 2 holds the entry written as 3: entries were reordered")
    }

    func testAnUnknownSourceIsReportedNotThrown() throws {
        try append(3)
        try tamper("UPDATE audit_log SET source = 'robot' WHERE seq = 3")
        XCTAssertEqual(try store.verify().problem, .unreadable(seq: 3, reason: "audit entry 3 has an unknown source 'robot'"))
    }

    func testADeletedHeadFileIsReported() throws {
        try append(2)
        XCTAssertEqual(unlink(store.headPath), 0)
        XCTAssertEqual(try store.verify().problem, .headMissing(lastSeq: 2))
    }

    func testADatabaseWithoutTheAuditTableReadsAsEmpty() throws {
        try tamper("DROP TABLE audit_log")
        XCTAssertEqual(try store.entries(), [])
        XCTAssertTrue(try store.verify().isIntact)
    }
}
