import GRDB
import XCTest
@testable import Engine

/// Hostile rows in the command channel: garbage JSON, a 1 MB reason,
/// control characters. Each is recorded `invalid` with a message, logged as
/// a `command-rejected` event and audited `invalid`; the engine carries on.
final class ChannelValidationTests: XCTestCase {
    private var temporary: TemporaryDirectory!

    override func setUpWithError() throws {
        temporary = try TemporaryDirectory()
    }

    override func tearDown() {
        temporary?.remove()
    }

    func testHostileRowsAreRejectedLoggedAndAudited() throws {
        let directory = try StateDirectory(path: temporary.file("state"))
        defer { directory.close() }
        let store = try SQLiteRunStore(directory: directory)
        defer { try? store.close() }
        let engine = try PT.engine(PT.project([PipelineSpec(id: "p", steps: [PT.sim("a", 60)])]), store: store)
        let submitter = CommandChannel(databasePath: directory.databasePath)
        let identity = DecisionIdentity(user: "bob", wallTime: "w")
        let megabyte = try CommandChannel.encode(.approve(model: "m", version: 1, reason: String(repeating: "y", count: 1 << 20), identity: identity))
        let control = try CommandChannel.encode(.trigger(pipeline: "p\u{1B}]0;owned\u{07}", params: [], by: "bob"))
        let rows: [(payload: String, submitter: String)] = [
            ("{not json at all", "bob"),
            ("{\"\\u001b[2J\": {}}", "eve\u{1B}[2J"),
            ("\u{0}\u{1}\u{FF}garbage", "bob"),
            (megabyte, "bob"),
            (control, "bob"),
        ]
        let queue = try DatabaseQueue(path: directory.databasePath)
        var ids: [Int64] = []
        for row in rows {
            try queue.write { db in
                try db.execute(sql: "INSERT INTO commands (submitted_wall, submitter, payload, state) VALUES ('w', ?, ?, 'pending')",
                               arguments: [row.submitter, row.payload])
                ids.append(db.lastInsertedRowID)
            }
        }
        try queue.close()
        let good = try submitter.submit(.trigger(pipeline: "p", params: [], by: "bob"), submitter: "bob", wallTime: "w")

        XCTAssertEqual(engine.applyPendingChannelCommands(from: CommandChannel(sharing: store)), rows.count + 1)
        XCTAssertNil(engine.storeError)
        let outcomes = try ids.map { try XCTUnwrap(submitter.outcome(id: $0)) }
        XCTAssertEqual(outcomes.map(\.state), Array(repeating: .invalid, count: rows.count))
        XCTAssertTrue(outcomes[0].message.hasPrefix("payload does not decode as a command"), outcomes[0].message)
        XCTAssertTrue(outcomes[3].message.contains("the reason is 1048576 characters long; expected at most 500"), outcomes[3].message)
        XCTAssertTrue(outcomes[4].message.contains("the pipeline name holds a control character (U+001B)"), outcomes[4].message)
        for outcome in outcomes {
            XCTAssertFalse(outcome.message.unicodeScalars.contains { $0.value < 0x20 }, outcome.message)
            XCTAssertLessThan(outcome.message.count, 1000)
        }

        let rejected = engine.snapshot(recentEventLimit: 100).recentEvents.filter { $0.kind == .commandRejected }
        XCTAssertEqual(rejected.count, rows.count)
        XCTAssertTrue(rejected[0].message.hasPrefix("rejected command \(ids[0]) from bob: payload does not decode"), rejected[0].message)
        XCTAssertTrue(rejected[1].message.hasPrefix("rejected command \(ids[1]) from eve[2J: "), rejected[1].message)
        XCTAssertTrue(rejected[3].message.hasPrefix("rejected approve from bob: invalid command: "), rejected[3].message)
        let invalid = engine.recentAudit.elements.filter { $0.result == "invalid" }
        XCTAssertEqual(invalid.count, rows.count)
        XCTAssertEqual(invalid.map(\.source), Array(repeating: .channel, count: rows.count))
        XCTAssertTrue(invalid.allSatisfy { ($0.reason ?? "").count <= CommandLimits.reasonLength })

        // The engine carries on: the well-formed command after them is applied.
        XCTAssertEqual(try submitter.outcome(id: good)?.state, .applied)
        XCTAssertEqual(engine.runs(pipeline: "p").count, 1)
    }
}
