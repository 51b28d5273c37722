import Engine
import GRDB
import XCTest

final class SQLiteRunStoreTests: XCTestCase {
    typealias F = RunHistoryFixtures
    private var temporary: TemporaryDirectory!
    private var directory: StateDirectory!
    private var store: SQLiteRunStore!

    override func setUpWithError() throws {
        temporary = try TemporaryDirectory()
        directory = try StateDirectory(path: temporary.file("state"))
        store = try SQLiteRunStore(directory: directory)
    }

    override func tearDownWithError() throws {
        try? store?.close()
        directory?.close()
        temporary?.remove()
    }

    func testEveryRecordTypeRoundTrips() throws {
        let running = F.run(1)
        let finished = F.run(2, pipeline: "report", state: .failed, finished: true)
        let steps = [F.step(1, "sample", state: .succeeded, attempts: 1), F.step(2, "build", state: .failed, attempts: 2)]
        let attempts = [
            F.attempt(1, "sample", 1, state: .succeeded, ended: true, exitCode: 0),
            F.attempt(2, "build", 1, state: .timedOut, ended: true, exitCode: nil),
            F.attempt(2, "build", 2, state: .running),
        ]
        let logs = [
            F.log(2, "build", 1, 0, stream: .stdout, text: "plain"),
            F.log(2, "build", 1, 1, stream: .stderr, text: "\u{1B}[31mred\u{1B}[0m and ünïcödé\ttab, nul \u{0} byte", realOffset: nil),
            F.log(2, "build", 1, 2, stream: .system, text: "", realOffset: 0),
        ]
        let artifacts = [F.artifact(1, "sample", 1, path: "data/sample.csv")]
        var changes: [RunChange] = [.run(running), .run(finished)]
        changes += steps.map(RunChange.step) + attempts.map(RunChange.attempt)
        changes += logs.map(RunChange.log) + artifacts.map(RunChange.artifact)
        changes += [.meta(key: "clock", value: "86400000"), .meta(key: "next_run_id", value: "3")]
        try store.append(changes)

        let history = try store.loadHistory()
        XCTAssertEqual(history, RunHistory(
            runs: [running, finished], steps: steps, attempts: attempts, artifacts: artifacts,
            meta: [MetaEntry(key: "clock", value: "86400000"), MetaEntry(key: "next_run_id", value: "3")]))
        XCTAssertEqual(try store.runs(pipeline: nil, limit: nil), [finished, running])
        XCTAssertEqual(try store.steps(run: RunID(2)), [steps[1]])
        XCTAssertEqual(try store.attempts(run: RunID(2)), Array(attempts[1...]))
        XCTAssertEqual(try store.logs(run: RunID(2), step: "build", attempt: 1), logs)
        XCTAssertEqual(try store.logs(run: RunID(2), step: "build", attempt: 2), [])
        XCTAssertEqual(try store.artifacts(run: RunID(1)), artifacts)
        XCTAssertEqual(try store.artifacts(run: RunID(2)), [])
    }

    func testParamsAreStoredAsJSONInDeclaredOrder() throws {
        try store.append([.run(F.run(1))])
        let stored = try DatabaseQueue(path: directory.databasePath).read { db in
            try String.fetchOne(db, sql: "SELECT params FROM runs WHERE id = 1")
        }
        XCTAssertEqual(stored, #"[{"name":"rows","value":"20000"},{"name":"label","value":"a \"quoted\" / value"}]"#)
    }

    func testUpsertsReplaceRecordsAndKeepStepOrder() throws {
        try store.append([
            .run(F.run(1)), .step(F.step(1, "b")), .step(F.step(1, "a")),
            .attempt(F.attempt(1, "b", 1)), .meta(key: "clock", value: "1"),
        ])
        let finishedRun = F.run(1, state: .succeeded, finished: true)
        let updatedStep = F.step(1, "b", state: .succeeded, attempts: 1)
        let endedAttempt = F.attempt(1, "b", 1, state: .succeeded, ended: true, exitCode: 0)
        try store.append([
            .run(finishedRun), .step(updatedStep), .attempt(endedAttempt), .meta(key: "clock", value: "2"),
        ])
        let history = try store.loadHistory()
        XCTAssertEqual(history.runs, [finishedRun])
        XCTAssertEqual(history.steps, [updatedStep, F.step(1, "a")], "an update keeps the step's first position")
        XCTAssertEqual(history.attempts, [endedAttempt])
        XCTAssertEqual(history.meta, [MetaEntry(key: "clock", value: "2")])
    }

    func testRepeatsWithinOneBatchKeepTheLastValueAndTheFirstPosition() throws {
        let finalB = F.step(1, "b", state: .succeeded, attempts: 1)
        let endedAttempt = F.attempt(1, "b", 1, state: .failed, ended: true, exitCode: 2)
        try store.append([
            .run(F.run(1)), .step(F.step(1, "b", state: .queued)), .step(F.step(1, "a")),
            .attempt(F.attempt(1, "b", 1)), .step(F.step(1, "b", state: .running, attempts: 1)),
            .log(F.log(1, "b", 1, 1)), .log(F.log(1, "b", 1, 0)),
            .meta(key: "clock", value: "1"), .run(F.run(1, state: .succeeded, finished: true)),
            .attempt(endedAttempt), .step(finalB), .meta(key: "clock", value: "2"),
            .artifact(F.artifact(1, "b", 1, path: "second")), .artifact(F.artifact(1, "a", 1, path: "first")),
        ])
        let history = try store.loadHistory()
        XCTAssertEqual(history.runs, [F.run(1, state: .succeeded, finished: true)])
        XCTAssertEqual(history.steps, [finalB, F.step(1, "a")])
        XCTAssertEqual(history.attempts, [endedAttempt])
        XCTAssertEqual(history.meta, [MetaEntry(key: "clock", value: "2")])
        XCTAssertEqual(history.artifacts.map(\.path), ["second", "first"])
        XCTAssertEqual(try store.logs(run: RunID(1), step: "b", attempt: 1).map(\.sequence), [0, 1])
    }

    func testRunsAreNewestFirstFilteredAndLimited() throws {
        try store.append([
            .run(F.run(1, pipeline: "a", number: 1)), .run(F.run(2, pipeline: "b", number: 1)),
            .run(F.run(3, pipeline: "a", number: 2)), .run(F.run(4, pipeline: "a", number: 3)),
        ])
        XCTAssertEqual(try store.runs(pipeline: nil, limit: nil).map(\.id.value), [4, 3, 2, 1])
        XCTAssertEqual(try store.runs(pipeline: "a", limit: nil).map(\.number), [3, 2, 1])
        XCTAssertEqual(try store.runs(pipeline: "a", limit: 2).map(\.id.value), [4, 3])
        XCTAssertEqual(try store.runs(pipeline: nil, limit: 1).map(\.id.value), [4])
        XCTAssertEqual(try store.runs(pipeline: "b", limit: 0), [])
        XCTAssertEqual(try store.runs(pipeline: "missing", limit: nil), [])
    }

    func testHistoryIsOrderedByRunThenInsertionOrder() throws {
        // Run 2's steps are written before run 1's; names are not in
        // alphabetical order; attempts and logs arrive out of order.
        try store.append([
            .run(F.run(2)), .run(F.run(1)),
            .step(F.step(2, "zeta")), .step(F.step(2, "alpha")),
            .step(F.step(1, "mid")),
            .attempt(F.attempt(2, "alpha", 2)), .attempt(F.attempt(2, "zeta", 1)), .attempt(F.attempt(2, "alpha", 1)),
            .attempt(F.attempt(1, "mid", 1)),
            .log(F.log(2, "alpha", 2, 0)), .log(F.log(2, "alpha", 1, 1)), .log(F.log(2, "alpha", 1, 0)),
            .meta(key: "b", value: "2"), .meta(key: "a", value: "1"),
        ])
        try store.append([.step(F.step(1, "first")), .artifact(F.artifact(2, "zeta", 1, path: "z")),
                          .artifact(F.artifact(1, "mid", 1, path: "m")), .artifact(F.artifact(2, "alpha", 1, path: "a"))])
        let history = try store.loadHistory()
        XCTAssertEqual(history.runs.map(\.id.value), [1, 2])
        XCTAssertEqual(history.steps.map { "\($0.run) \($0.step)" }, ["1 mid", "1 first", "2 zeta", "2 alpha"])
        XCTAssertEqual(history.attempts.map(\.key.description),
                       ["run 1 mid #1", "run 2 zeta #1", "run 2 alpha #1", "run 2 alpha #2"])
        XCTAssertEqual(history.artifacts.map(\.path), ["z", "m", "a"], "artifacts in the order they were written")
        XCTAssertEqual(history.meta.map(\.key), ["a", "b"])
        XCTAssertEqual(try store.steps(run: RunID(2)).map(\.step), ["zeta", "alpha"])
        XCTAssertEqual(try store.attempts(run: RunID(2)).map(\.key.description),
                       ["run 2 zeta #1", "run 2 alpha #1", "run 2 alpha #2"])
        XCTAssertEqual(try store.logs(run: RunID(2), step: "alpha", attempt: nil).map { "\($0.key.attempt).\($0.sequence)" },
                       ["1.0", "1.1", "2.0"])
        XCTAssertEqual(try store.artifacts(run: RunID(2)).map(\.path), ["z", "a"])
    }

    func testReopeningKeepsEverything() throws {
        let changes: [RunChange] = [
            .run(F.run(1, state: .succeeded, finished: true)), .step(F.step(1, "only", state: .succeeded, attempts: 1)),
            .attempt(F.attempt(1, "only", 1, state: .succeeded, ended: true, exitCode: 0)),
            .log(F.log(1, "only", 1, 0)), .artifact(F.artifact(1, "only", 1, path: "out")),
            .meta(key: "clock", value: "42"),
        ]
        try store.append(changes)
        let before = try store.loadHistory()
        try store.close()
        directory.close()

        directory = try StateDirectory(path: temporary.file("state"))
        store = try SQLiteRunStore(directory: directory)
        XCTAssertEqual(try store.loadHistory(), before)
        XCTAssertEqual(before.runs.count, 1)
        XCTAssertEqual(try store.logs(run: RunID(1), step: "only", attempt: nil), [F.log(1, "only", 1, 0)])
        try store.append([.run(F.run(2))])
        XCTAssertEqual(try store.runs(pipeline: nil, limit: nil).map(\.id.value), [2, 1])
    }

    func testLargeBatchInOneAppend() throws {
        // 1 run, 2,000 steps, each with an attempt opened and closed, a step
        // update and 26 log lines: 60,001 changes.
        var changes: [RunChange] = [.run(F.run(1))]
        changes.reserveCapacity(60_001)
        for index in 0..<2_000 {
            let name = "step-\(index)"
            changes.append(.step(F.step(1, name, state: .running, attempts: 1)))
            changes.append(.attempt(F.attempt(1, name, 1)))
            for sequence in 0..<26 { changes.append(.log(F.log(1, name, 1, sequence))) }
            changes.append(.attempt(F.attempt(1, name, 1, state: .succeeded, ended: true, exitCode: 0)))
            changes.append(.step(F.step(1, name, state: .succeeded, attempts: 1)))
        }
        XCTAssertEqual(changes.count, 60_001)
        try store.append(changes)
        let history = try store.loadHistory()
        XCTAssertEqual(history.steps.count, 2_000)
        XCTAssertEqual(history.steps.first?.step, "step-0")
        XCTAssertEqual(history.steps.last?.step, "step-1999")
        XCTAssertTrue(history.steps.allSatisfy { $0.state == .succeeded })
        XCTAssertEqual(history.attempts.count, 2_000)
        XCTAssertTrue(history.attempts.allSatisfy { $0.state == .succeeded && $0.exitCode == 0 })
        XCTAssertEqual(try store.logs(run: RunID(1), step: "step-1234", attempt: 1).map(\.sequence), Array(0..<26))
        let logCount = try DatabaseQueue(path: directory.databasePath).read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM logs")
        }
        XCTAssertEqual(logCount, 52_000)
    }

    func testFailedAppendRollsBackTheWholeBatch() throws {
        // Runs as root too (where chmod does not stop writes): a trigger,
        // added through a second connection, makes the log insert fail in
        // the middle of the batch, after the run and step rows were written.
        try store.append([.run(F.run(1)), .step(F.step(1, "s")), .meta(key: "clock", value: "1")])
        let before = try store.loadHistory()
        try DatabaseQueue(path: directory.databasePath).write { db in
            try db.execute(sql: """
                CREATE TRIGGER refuse_logs BEFORE INSERT ON logs
                BEGIN SELECT RAISE(ABORT, 'database or disk is full (simulated)'); END
                """)
        }
        XCTAssertThrowsError(try store.append([
            .run(F.run(1, state: .succeeded, finished: true)), .run(F.run(2)), .step(F.step(2, "t")),
            .meta(key: "clock", value: "2"), .log(F.log(2, "t", 1, 0)),
        ])) { error in
            guard let error = error as? StoreError else { return XCTFail("not a StoreError: \(error)") }
            XCTAssertEqual(error.path, self.directory.databasePath)
            XCTAssertEqual(error.operation, "append 5 changes")
            XCTAssertTrue(error.message.contains("database or disk is full (simulated)"), error.message)
            XCTAssertTrue(error.description.hasPrefix("state database \(self.directory.databasePath): cannot append 5 changes: "))
        }
        XCTAssertEqual(try store.loadHistory(), before, "nothing of the failed batch is visible")
        // The store stays usable once the cause is gone.
        try DatabaseQueue(path: directory.databasePath).write { db in
            try db.execute(sql: "DROP TRIGGER refuse_logs")
        }
        try store.append([.run(F.run(2)), .step(F.step(2, "t")), .log(F.log(2, "t", 1, 0))])
        XCTAssertEqual(try store.logs(run: RunID(2), step: "t", attempt: nil).count, 1)
    }

    func testInconsistentBatchIsRefusedAtCommit() throws {
        // Foreign keys are checked at commit: order inside a batch is free,
        // but a step of a run that never appears is refused, with the rest.
        try store.append([.step(F.step(1, "before-its-run")), .run(F.run(1))])
        XCTAssertEqual(try store.steps(run: RunID(1)).map(\.step), ["before-its-run"])
        XCTAssertThrowsError(try store.append([.run(F.run(2)), .step(F.step(3, "orphan"))])) { error in
            XCTAssertTrue(String(describing: error).contains("FOREIGN KEY constraint failed"), "\(error)")
        }
        XCTAssertEqual(try store.runs(pipeline: nil, limit: nil).map(\.id.value), [1])
        XCTAssertThrowsError(try store.append([.log(F.log(1, "no-such-step", 1, 0))]))
        XCTAssertThrowsError(try store.append([.artifact(F.artifact(1, "no-such-step", 1, path: "x"))]))
    }

    func testDuplicateLogLineIsAnError() throws {
        try store.append([.run(F.run(1)), .step(F.step(1, "s")), .log(F.log(1, "s", 1, 0))])
        XCTAssertThrowsError(try store.append([.log(F.log(1, "s", 1, 1)), .log(F.log(1, "s", 1, 0, text: "again"))]))
        XCTAssertEqual(try store.logs(run: RunID(1), step: "s", attempt: 1), [F.log(1, "s", 1, 0)])
    }

    func testReadOnlyStoreRefusesWrites() throws {
        try store.append([.run(F.run(1))])
        let reader = try SQLiteRunStore(path: directory.databasePath, readOnly: true)
        defer { try? reader.close() }
        XCTAssertEqual(try reader.runs(pipeline: nil, limit: nil).map(\.id.value), [1])
        XCTAssertThrowsError(try reader.append([.run(F.run(2))])) { error in
            guard let error = error as? StoreError else { return XCTFail("not a StoreError: \(error)") }
            XCTAssertTrue(error.message.contains("readonly"), error.message)
        }
        XCTAssertEqual(try store.runs(pipeline: nil, limit: nil).map(\.id.value), [1])
    }

    func testEmptyAppendWritesNothing() throws {
        try store.append([])
        XCTAssertEqual(try store.loadHistory(), RunHistory())
    }

    func testDatabaseSettings() throws {
        let settings = try DatabaseQueue(path: directory.databasePath).read { db in
            (try String.fetchOne(db, sql: "PRAGMA journal_mode"),
             try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"))
        }
        XCTAssertEqual(settings.0, "wal")
        XCTAssertEqual(settings.1, ["alert_history", "alert_states", "alias_moves", "approvals", "artifacts", "attempts", "audit_log", "commands",
                                    "ct_stories", "decisions", "deployment_states", "deployment_status", "drift_rollups", "grdb_migrations",
                                    "live_snapshot", "logs", "meta", "model_versions", "models", "monitoring_status", "runs", "sqlite_sequence", "steps",
                                    "traffic_changes", "viewers"])
    }

    func testDatabaseFilesAreOwnerOnly() throws {
        try store.append([.run(F.run(1))])
        for name in ["state.db", "state.db-wal", "state.db-shm"] {
            XCTAssertEqual(permissionBits(directory.path + "/" + name), 0o600, name)
        }
    }

    func testUnopenableDatabaseNamesThePath() throws {
        let path = temporary.file("missing-dir/state.db")
        XCTAssertThrowsError(try SQLiteRunStore(path: path)) { error in
            guard let error = error as? StoreError else { return XCTFail("not a StoreError: \(error)") }
            XCTAssertEqual(error.path, path)
            XCTAssertEqual(error.operation, "open")
            XCTAssertTrue(error.description.contains(path))
        }
    }
}
