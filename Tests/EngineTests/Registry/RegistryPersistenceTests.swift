import GRDB
import XCTest
@testable import Engine

/// The registry in SQLite: round trip, restart, append-only tables, and the
/// same answers as the in-memory store.
final class RegistryPersistenceTests: XCTestCase {
    private var directory: TemporaryDirectory!

    override func setUpWithError() throws {
        directory = try TemporaryDirectory()
    }

    override func tearDown() {
        directory.remove()
    }

    private let specs = [
        ModelSpec(id: "fraud", description: "Fraud", policy: .twoPerson, approvalTimeout: .hours(24), retention: RetentionSpec(keepLast: 1)),
        ModelSpec(id: "churn"),
    ]

    /// A history touching every kind of change.
    private func exercise(_ registry: ModelRegistry) throws {
        RT.champion(registry, "fraud", auc: 0.8, at: RT.hours(1))
        RT.candidate(registry, "fraud", auc: 0.85, at: RT.hours(2))
        _ = try registry.decide(model: "fraud", version: 2, approve: true, identity: RT.identity("ana"), reason: "first", at: RT.hours(3)).get()
        RT.candidate(registry, "fraud", auc: 0.6, at: RT.hours(4))
        _ = try registry.decide(model: "fraud", version: 3, approve: false,
                                identity: DecisionIdentity(user: "bo", wallTime: "2026-03-01T10:00:00Z"), reason: "bad",
                                evidence: [EvidenceItem(metric: "auc", candidate: 0.6, champion: nil)], at: RT.hours(4)).get()
        RT.candidate(registry, "fraud", auc: .nan, at: RT.hours(5))
        _ = try registry.decide(model: "fraud", version: 4, approve: false, identity: RT.identity("bo"), reason: "nan", at: RT.hours(5)).get()
        RT.candidate(registry, "fraud", auc: 0.7, at: RT.hours(6))
        _ = try registry.decide(model: "fraud", version: 5, approve: false, identity: RT.identity("bo"), reason: "low", at: RT.hours(6)).get()
        _ = try registry.moveAlias(model: "fraud", alias: "challenger", version: 2, by: "ana", reason: "shadow", at: RT.hours(6)).get()
        _ = registry.cleanup(at: RT.hours(7))
        RT.candidate(registry, "churn", auc: 0.7, at: RT.hours(7))
        try registry.save()
    }

    private func assertSameState(_ a: ModelRegistry, _ b: ModelRegistry, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(a.modelIDs, b.modelIDs, file: file, line: line)
        for model in a.modelIDs {
            // NaN != NaN: compare the text form of what holds metrics.
            XCTAssertEqual("\(a.versions(model))", "\(b.versions(model))", model, file: file, line: line)
            XCTAssertEqual(a.aliasHistory(model), b.aliasHistory(model), file: file, line: line)
            XCTAssertEqual("\(a.requests(model))", "\(b.requests(model))", file: file, line: line)
            XCTAssertEqual("\(a.decisions(model))", "\(b.decisions(model))", file: file, line: line)
        }
        XCTAssertEqual("\(a.summaries())", "\(b.summaries())", file: file, line: line)
        XCTAssertEqual(a.nextTimeoutAt, b.nextTimeoutAt, file: file, line: line)
    }

    func testRestartOnSQLiteRestoresEverything() throws {
        let path = directory.file("state.db")
        let first = try RT.registry(specs, store: try SQLiteRegistryStore(path: path))
        try exercise(first)
        XCTAssertEqual(first.version("fraud", 3)?.state, .archived, "retention ran")

        let reopened = try RT.registry(specs, store: try SQLiteRegistryStore(path: path))
        assertSameState(first, reopened)
        XCTAssertEqual(reopened.unsavedChanges, [], "declared models were saved already")
        XCTAssertEqual(reopened.version("fraud", 3)?.artifactDroppedAt, RT.hours(7))
        XCTAssertEqual(reopened.decisions("fraud", version: 3).first?.identity.sshClient, nil)
        XCTAssertEqual(reopened.decisions("fraud", version: 2).first?.identity, RT.identity("ana"))
        XCTAssertTrue(reopened.version("fraud", 4)?.metric("auc")?.isNaN ?? false)
        XCTAssertEqual(reopened.version("fraud", 1)?.lineage, RT.lineage())

        // The restarted registry carries on: numbering, two_person state, sequences.
        _ = try reopened.decide(model: "fraud", version: 2, approve: true, identity: RT.identity("bo"), reason: "second", at: RT.hours(8)).get()
        XCTAssertEqual(reopened.version("fraud", 2)?.state, .approved)
        XCTAssertEqual(RT.candidate(reopened, "fraud", auc: 0.9, at: RT.hours(9)).version, 6)
        XCTAssertEqual(try reopened.moveAlias(model: "fraud", alias: "challenger", version: 6, by: "ana", reason: "r", at: RT.hours(9)).get()?.sequence,
                       first.aliasHistory("fraud").count + first.aliasHistory("churn").count)
        try reopened.save()
        assertSameState(reopened, try RT.registry(specs, store: try SQLiteRegistryStore(path: path)))
    }

    func testSQLiteAndInMemoryStoresAnswerTheSame() throws {
        let sqlite = try SQLiteRegistryStore(path: directory.file("state.db"))
        let memory = InMemoryRegistryStore()
        try exercise(try RT.registry(specs, store: sqlite))
        try exercise(try RT.registry(specs, store: memory))
        XCTAssertEqual("\(try sqlite.loadRegistry())", "\(try memory.loadRegistry())")
        XCTAssertEqual("\(try sqlite.versions(model: "fraud", limit: 2))", "\(try memory.versions(model: "fraud", limit: 2))")
        XCTAssertEqual(try sqlite.versions(model: "fraud", limit: 2).map(\.version), [5, 4])
        XCTAssertEqual(try sqlite.aliasHistory(model: "fraud"), try memory.aliasHistory(model: "fraud"))
        XCTAssertEqual(try sqlite.decisions(model: "fraud", version: 2), try memory.decisions(model: "fraud", version: 2))
        for hour in Int64(0)...8 {
            XCTAssertEqual(try sqlite.aliasAt(model: "fraud", alias: "champion", time: RT.hours(hour)),
                           try memory.aliasAt(model: "fraud", alias: "champion", time: RT.hours(hour)))
        }
        XCTAssertEqual(try sqlite.aliasAt(model: "fraud", alias: "champion", time: RT.hours(1)), 1)
    }

    func testAliasMovesApprovalsAndDecisionsAreAppendOnlyInTheDatabase() throws {
        let path = directory.file("state.db")
        try exercise(try RT.registry(specs, store: try SQLiteRegistryStore(path: path)))
        let queue = try DatabaseQueue(path: path)
        for sql in ["UPDATE alias_moves SET version = 9", "DELETE FROM alias_moves",
                    "UPDATE approvals SET policy = 'manual'", "DELETE FROM approvals",
                    "UPDATE decisions SET reason = 'edited'", "DELETE FROM decisions"] {
            XCTAssertThrowsError(try queue.write { try $0.execute(sql: sql) }, sql) { error in
                XCTAssertTrue("\(error)".contains("append-only"), "\(error)")
            }
        }
        try queue.close()
    }

    func testSharesTheRunHistoryDatabase() throws {
        let state = try StateDirectory(path: directory.file("state"))
        defer { state.close() }
        let runs = try SQLiteRunStore(directory: state)
        let registryStore = SQLiteRegistryStore(sharing: runs)
        let registry = try RT.registry(specs, store: registryStore)
        RT.candidate(registry, auc: 0.8, at: .zero)
        try registry.save()
        XCTAssertEqual(registryStore.path, state.databasePath)
        // A second connection on the same file (as another process would open it) sees it.
        let other = try SQLiteRegistryStore(path: state.databasePath)
        XCTAssertEqual(try other.versions(model: "fraud", limit: nil).map(\.version), [1])
        XCTAssertEqual(try runs.loadHistory().runs, [])
    }

    func testAFailedAppendKeepsTheChangesForTheNextSave() throws {
        let store = InMemoryRegistryStore()
        let registry = try RT.registry(specs, store: store)
        RT.candidate(registry, auc: 0.8, at: .zero)
        store.failNextAppend = StoreError(path: "x", operation: "append", message: "disk full")
        XCTAssertThrowsError(try registry.save())
        XCTAssertFalse(registry.unsavedChanges.isEmpty)
        try registry.save()
        XCTAssertEqual(registry.unsavedChanges, [])
        XCTAssertEqual(try store.versions(model: "fraud", limit: nil).map(\.version), [1])
    }
}
