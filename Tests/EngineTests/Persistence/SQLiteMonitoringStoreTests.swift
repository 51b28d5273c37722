import XCTest
@testable import Engine

/// The SQLite monitoring store keeps everything across a close and reopen
/// (a restart), shows a reader what the engine published, rolls a failed
/// write back whole, and says what failed.
final class SQLiteMonitoringStoreTests: XCTestCase {
    private typealias F = MonitoringStoreFixtures
    private var temporary: TemporaryDirectory!

    override func setUpWithError() throws {
        temporary = try TemporaryDirectory()
    }

    override func tearDown() {
        temporary.remove()
    }

    func testEverythingSurvivesARestart() throws {
        let statePath = temporary.file("state")
        do {
            let directory = try StateDirectory(path: statePath)
            let runs = try SQLiteRunStore(directory: directory)
            let store = SQLiteMonitoringStore(sharing: runs)
            try store.write(MonitoringWrite(history: [F.entry("amount-drift", at: 10, .fired), F.entry("amount-drift", at: 70, .resolved)],
                                            alertStates: [try PersistedAlertState(alert: "amount-drift",
                                                                                  encoding: F.EvaluatorState(level: "ok", pendingSince: nil, lastValue: 0.1))],
                                            stories: [F.story(1, chapters: 5, closed: true)],
                                            driftPoints: [F.rollup("amount", at: 60, value: 0.25, state: .drift)]))
            try store.publish(monitors: [F.monitor()], alerts: [F.alert("amount-drift", state: .resolved)], stories: [], at: SimTime(milliseconds: 70_000))
            try runs.close()
            directory.close()
        }
        let directory = try StateDirectory(path: statePath)
        let runs = try SQLiteRunStore(directory: directory)
        defer { try? runs.close(); directory.close() }
        let reopened = SQLiteMonitoringStore(sharing: runs)
        XCTAssertEqual(try reopened.alertHistory(alert: "amount-drift", limit: 10).map(\.transition), [.fired, .resolved])
        XCTAssertEqual(try reopened.loadAlertStates().first?.decode(F.EvaluatorState.self),
                       F.EvaluatorState(level: "ok", pendingSince: nil, lastValue: 0.1))
        XCTAssertEqual(try reopened.loadStories(limit: 5), [F.story(1, chapters: 5, closed: true)])
        XCTAssertEqual(try reopened.driftHistory(monitor: "fraud-monitor", feature: "amount", since: nil),
                       [F.rollup("amount", at: 60, value: 0.25, state: .drift)])
        XCTAssertEqual(try reopened.publishedStatus()?.alerts.map(\.state), [.resolved])
    }

    func testAReaderSeesWhatTheEngineHoldingTheDirectoryPublished() throws {
        let directory = try StateDirectory(path: temporary.file("state"))
        let runs = try SQLiteRunStore(directory: directory)
        defer { try? runs.close(); directory.close() }
        let engineSide = SQLiteMonitoringStore(sharing: runs)
        let reader = try SQLiteMonitoringStore(readingDatabaseAt: directory.databasePath)
        XCTAssertNil(try reader.publishedStatus())
        try engineSide.publish(monitors: [F.monitor()], alerts: [F.alert("amount-drift", state: .firing)], stories: [F.story(1, chapters: 2)],
                               at: SimTime(milliseconds: 1_000))
        try engineSide.appendAlertHistory([F.entry("amount-drift", at: 1, .fired)])
        let status = try XCTUnwrap(try reader.publishedStatus())
        XCTAssertEqual(status.at, SimTime(milliseconds: 1_000))
        XCTAssertEqual(status.monitors, [F.monitor()])
        XCTAssertEqual(status.alerts.map(\.id), ["amount-drift"])
        XCTAssertEqual(status.stories.map(\.id), [1])
        XCTAssertEqual(try reader.alertHistory(alert: nil, limit: 5), [F.entry("amount-drift", at: 1, .fired)])

        // The reader cannot write, and says what it was doing.
        XCTAssertThrowsError(try reader.appendAlertHistory([F.entry("x", at: 2, .fired), F.entry("x", at: 3, .resolved)])) { error in
            let storeError = error as? StoreError
            XCTAssertEqual(storeError?.operation, "write 2 alert history entries")
            XCTAssertEqual(storeError?.path, directory.databasePath)
        }
        XCTAssertEqual(try reader.alertHistory(alert: "x", limit: 5), [])
    }

    func testAFailedWriteKeepsNothingOfItsBatch() throws {
        let directory = try StateDirectory(path: temporary.file("state"))
        let runs = try SQLiteRunStore(directory: directory)
        defer { try? runs.close(); directory.close() }
        let store = SQLiteMonitoringStore(sharing: runs)
        // The last part of the batch fails inside the transaction.
        try runs.pool.write { db in
            try db.execute(sql: "CREATE TRIGGER refuse_drift BEFORE INSERT ON drift_rollups BEGIN SELECT RAISE(ABORT, 'no room'); END")
        }
        XCTAssertThrowsError(try store.write(MonitoringWrite(history: [F.entry("a", at: 1, .fired)],
                                                             alertStates: [PersistedAlertState(alert: "a", json: Data("{}".utf8))],
                                                             stories: [F.story(1, chapters: 1)],
                                                             driftPoints: [F.rollup("amount", at: 1, value: 0.1)]))) { error in
            let storeError = error as? StoreError
            XCTAssertEqual(storeError?.operation, "write 1 alert history entry, 1 alert state, 1 CT story, 1 drift rollup")
            XCTAssertTrue(storeError?.message.contains("no room") ?? false, "\(String(describing: storeError))")
        }
        XCTAssertEqual(try store.alertHistory(alert: nil, limit: 5), [])
        XCTAssertEqual(try store.loadAlertStates(), [])
        XCTAssertEqual(try store.loadStories(limit: 5), [])
        try runs.pool.write { db in try db.execute(sql: "DROP TRIGGER refuse_drift") }
        try store.appendDriftPoints([F.rollup("amount", at: 1, value: 0.1)])
        XCTAssertEqual(try store.driftHistory(monitor: "fraud-monitor", feature: nil, since: nil).count, 1)
    }

    func testReadingADatabaseThatIsNotThereFails() {
        XCTAssertThrowsError(try SQLiteMonitoringStore(readingDatabaseAt: temporary.file("missing.db")).publishedStatus()) { error in
            XCTAssertNotNil(error as? StoreError)
        }
    }
}
