import GRDB
import XCTest
@testable import Engine

/// The command channel: other processes queue commands in `state.db`, the
/// engine holding the state directory applies them in order and records
/// the results.
final class CommandChannelTests: XCTestCase {
    private var temporary: TemporaryDirectory!

    override func setUpWithError() throws {
        temporary = try TemporaryDirectory()
    }

    override func tearDown() {
        temporary?.remove()
    }

    /// One of every case, with optional and default fields set and unset.
    static let everyCommand: [EngineCommand] = {
        let identity = DecisionIdentity(user: "alice", sshClient: "10.0.0.7", wallTime: "2026-03-01T14:05:09Z")
        let evidence = [EvidenceItem(metric: "auc", candidate: 0.91, champion: nil), EvidenceItem(metric: "loss", candidate: 0.2, champion: 0.25)]
        return [
            .pause, .resume, .togglePause, .setSpeed(.multiplier(60)), .setSpeed(.max), .faster, .slower,
            .trigger(pipeline: "retrain", params: [ParamBinding(name: "rows", value: "500"), ParamBinding(name: "lr", value: "0.1")], by: "bob"),
            .trigger(pipeline: "retrain", params: [], by: nil),
            .cancelRun(RunID(3), by: "alice"), .cancelRun(RunID(4)),
            .rerunFromFailure(RunID(5), by: nil), .rerunFromFailure(RunID(6), by: "carol"),
            .clearStep(RunID(7), step: "train", by: "dave"),
            .markStep(RunID(8), step: "evaluate", succeeded: true, by: nil),
            .markStep(RunID(8), step: "evaluate", succeeded: false, by: "erin"),
            .approve(model: "churn", version: 2, reason: "better auc", identity: identity, evidence: evidence),
            .approve(model: "churn", version: 2, reason: "ok", identity: DecisionIdentity(user: "x", wallTime: "")),
            .reject(model: "churn", version: 3, reason: "worse", identity: identity, evidence: evidence),
            .moveAlias(model: "churn", alias: "champion", version: 2, by: "alice", reason: "promote"),
            .moveAlias(model: "churn", alias: "challenger", version: nil, by: "alice", reason: "remove"),
            .promote(model: "churn", version: 2, by: "alice"),
            .archive(model: "churn", version: 1, by: "alice"),
            .decommission(model: "churn", version: 1, by: "alice"),
            .cleanupRegistry(by: "alice"),
        ]
    }()

    func testEveryCommandRoundTripsThroughItsPayload() throws {
        for command in Self.everyCommand {
            let payload = try CommandChannel.encode(command)
            XCTAssertEqual(try CommandChannel.decode(payload), command, payload)
            XCTAssertEqual(try CommandChannel.encode(CommandChannel.decode(payload)), payload, "encoding is stable")
        }
        XCTAssertEqual(Set(try Self.everyCommand.map(CommandChannel.encode)).count, Self.everyCommand.count, "distinct commands, distinct payloads")
    }

    func testPayloadsHaveSortedKeys() throws {
        let payload = try CommandChannel.encode(.moveAlias(model: "m", alias: "champion", version: 2, by: "alice", reason: "r"))
        XCTAssertEqual(payload, #"{"moveAlias":{"alias":"champion","by":"alice","model":"m","reason":"r","version":2}}"#)
    }

    private func project() -> ProjectSpec {
        PT.project([PipelineSpec(id: "p", steps: [PT.sim("a", 60)])])
    }

    func testPendingCommandsAreAppliedInOrderAndTheirResultsRecorded() throws {
        let directory = try StateDirectory(path: temporary.file("state"))
        defer { directory.close() }
        let store = try SQLiteRunStore(directory: directory)
        defer { try? store.close() }
        let engine = try PT.engine(project(), store: store)
        let engineChannel = CommandChannel(sharing: store)
        XCTAssertEqual(engine.applyPendingChannelCommands(from: engineChannel), 0)

        let submitter = CommandChannel(databasePath: directory.databasePath)
        let trigger = try submitter.submit(.trigger(pipeline: "p", params: [], by: "bob"), submitter: "bob", wallTime: "2026-03-01T14:05:09Z")
        let cancel = try submitter.submit(.cancelRun(RunID(1), by: "bob"), submitter: "bob", wallTime: "2026-03-01T14:05:10Z")
        let cancelAgain = try submitter.submit(.cancelRun(RunID(1), by: "bob"), submitter: "bob", wallTime: "2026-03-01T14:05:11Z")
        let unknown = try submitter.submit(.trigger(pipeline: "nope", params: [], by: "bob"), submitter: "bob", wallTime: "2026-03-01T14:05:12Z")
        XCTAssertEqual([cancel, cancelAgain, unknown], [trigger + 1, trigger + 2, trigger + 3])

        XCTAssertEqual(try submitter.outcome(id: trigger), CommandOutcome(id: trigger, state: .pending, message: "", handledAt: nil))
        XCTAssertNil(try submitter.waitForResult(id: trigger, timeoutMilliseconds: 100), "nobody applies it yet")
        let pending = try engineChannel.pendingCommands()
        XCTAssertEqual(pending.map(\.id), [trigger, cancel, cancelAgain, unknown])
        XCTAssertEqual(pending.first, ChannelCommand(id: trigger, submitter: "bob", submittedWall: "2026-03-01T14:05:09Z",
                                                     payload: .command(.trigger(pipeline: "p", params: [], by: "bob"))))

        engine.advance(to: PT.t(5))
        XCTAssertEqual(engine.applyPendingChannelCommands(from: engineChannel), 4)
        XCTAssertNil(engine.storeError)
        XCTAssertEqual(engine.runs(pipeline: "p").map(\.state), [.cancelled], "triggered, then cancelled: applied in id order")
        XCTAssertEqual(try engineChannel.pendingCommands(), [])
        XCTAssertEqual(engine.applyPendingChannelCommands(from: engineChannel), 0, "each command is applied once")

        let outcomes = try [trigger, cancel, cancelAgain, unknown].map { try XCTUnwrap(submitter.waitForResult(id: $0, timeoutMilliseconds: 0)) }
        XCTAssertEqual(outcomes.map(\.state), [.applied, .applied, .unchanged, .rejected])
        XCTAssertEqual(outcomes.map(\.handledAt), Array(repeating: PT.t(5), count: 4))
        XCTAssertEqual(outcomes[1].message, "cancelled p run 1 (#1)")
        XCTAssertTrue(outcomes[3].message.contains("nope"), outcomes[3].message)
        XCTAssertThrowsError(try submitter.waitForResult(id: 999, timeoutMilliseconds: 0))
    }

    func testAChannelCommandCarriesItsOriginToThePolicyAndTheAudit() throws {
        let directory = try StateDirectory(path: temporary.file("state"))
        defer { directory.close() }
        let store = try SQLiteRunStore(directory: directory)
        defer { try? store.close() }
        let engine = try PT.engine(project(), store: store)
        engine.accessPolicy = AccessPolicy(grants: [AccessGrant(right: .trigger, principals: [.user("alice")])], isDeclared: true)
        let submitter = CommandChannel(databasePath: directory.databasePath)
        let origin = CommandOrigin(user: "bob", groups: ["ml"], sshClient: "10.1.2.3", source: .cli, wallTime: "2026-11-22T06:00:00Z")
        let id = try submitter.submit(.trigger(pipeline: "p", params: [], by: "bob"), origin: origin)
        let pending = try CommandChannel(sharing: store).pendingCommands()
        var expected = origin
        expected.source = .channel
        XCTAssertEqual(pending.map(\.origin), [expected], "stored with source channel")
        XCTAssertEqual(engine.applyPendingChannelCommands(from: CommandChannel(sharing: store)), 1)
        let outcome = try XCTUnwrap(submitter.outcome(id: id))
        XCTAssertEqual(outcome.state, .rejected)
        XCTAssertEqual(outcome.message, "bob may not trigger: allowed for alice")
        XCTAssertEqual(engine.recentAudit.elements.map(\.sshClient), ["10.1.2.3"])
        XCTAssertEqual(engine.recentAudit.elements.map(\.source), [.channel])
    }

    func testWaitForResultSeesAResultRecordedWhileItPolls() throws {
        let directory = try StateDirectory(path: temporary.file("state"))
        defer { directory.close() }
        let store = try SQLiteRunStore(directory: directory)
        defer { try? store.close() }
        let submitter = CommandChannel(databasePath: directory.databasePath)
        let id = try submitter.submit(.pause, submitter: "bob", wallTime: "w")
        let engineChannel = CommandChannel(sharing: store)
        let recorder = Thread {
            usleep(200_000)
            try? engineChannel.recordResult(id: id, result: .applied("paused at d0 00:00:01"), at: PT.t(1))
        }
        recorder.start()
        let outcome = try submitter.waitForResult(id: id, timeoutMilliseconds: 30_000)
        XCTAssertEqual(outcome, CommandOutcome(id: id, state: .applied, message: "paused at d0 00:00:01", handledAt: PT.t(1)))
    }

    func testAMalformedPayloadIsRecordedInvalidAndTheRestStillApplied() throws {
        let directory = try StateDirectory(path: temporary.file("state"))
        defer { directory.close() }
        let store = try SQLiteRunStore(directory: directory)
        defer { try? store.close() }
        let engine = try PT.engine(project(), store: store)
        let channel = CommandChannel(sharing: store)
        let queue = try DatabaseQueue(path: directory.databasePath)
        try queue.write { db in
            try db.execute(sql: "INSERT INTO commands (submitted_wall, submitter, payload, state) VALUES ('w', 'mallory', '{\"explode\":{}}', 'pending')")
            try db.execute(sql: "INSERT INTO commands (submitted_wall, submitter, payload, state) VALUES ('w', 'mallory', 'not json', 'pending')")
        }
        try queue.close()
        let good = try CommandChannel(databasePath: directory.databasePath).submit(.pause, submitter: "bob", wallTime: "w")

        XCTAssertEqual(engine.applyPendingChannelCommands(from: channel), 3)
        XCTAssertTrue(engine.isPaused)
        let outcomes = try [good - 2, good - 1, good].map { try XCTUnwrap(channel.outcome(id: $0)) }
        XCTAssertEqual(outcomes.map(\.state), [.invalid, .invalid, .applied])
        XCTAssertTrue(outcomes[0].message.hasPrefix("payload does not decode as a command"), outcomes[0].message)
        XCTAssertTrue(outcomes[1].message.hasPrefix("payload does not decode as a command"), outcomes[1].message)
    }

    func testSubmittingWhileTheStateDirectoryIsLocked() throws {
        let statePath = temporary.file("state")
        let directory = try StateDirectory(path: statePath)
        defer { directory.close() }
        let store = try SQLiteRunStore(directory: directory)
        defer { try? store.close() }
        let engine = try PT.engine(project(), store: store)
        engine.apply(.trigger(pipeline: "p", params: [], by: nil))   // the engine writes through its own pool

        XCTAssertThrowsError(try StateDirectory(path: statePath)) { error in
            guard case .locked? = error as? StateDirectoryError else { return XCTFail("not locked: \(error)") }
        }
        let submitter = CommandChannel(databasePath: directory.databasePath)
        let id = try submitter.submit(.setSpeed(.multiplier(60)), submitter: "bob", wallTime: "w")
        XCTAssertEqual(engine.applyPendingChannelCommands(from: CommandChannel(sharing: store)), 1)
        XCTAssertEqual(engine.speed, .multiplier(60))
        XCTAssertEqual(try submitter.outcome(id: id)?.state, .applied)
        XCTAssertEqual(try store.runs(pipeline: "p", limit: nil).count, 1)
    }
}
