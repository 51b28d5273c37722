import XCTest
@testable import Engine

final class InMemoryRunStoreTests: XCTestCase {
    private func run(_ id: Int64, _ pipeline: String, state: RunState = .running) -> RunRecord {
        RunRecord(id: RunID(id), pipeline: pipeline, number: Int(id), state: state, reason: "", trigger: "manual", params: [],
                  codeVersion: nil, queuedAt: .zero)
    }

    func testUpsertsOrderingAndQueries() throws {
        let store = InMemoryRunStore()
        let key = { (step: String, attempt: Int) in AttemptKey(run: RunID(1), step: step, attempt: attempt) }
        try store.append([
            .run(run(1, "a")), .run(run(2, "b")),
            .step(StepRecord(run: RunID(1), step: "z", state: .running, reason: "", attempts: 1)),
            .step(StepRecord(run: RunID(1), step: "y", state: .pending, reason: "", attempts: 0)),
            .attempt(StepAttemptRecord(key: key("y", 2), state: .running, startedAt: .zero)),
            .attempt(StepAttemptRecord(key: key("z", 1), state: .running, startedAt: .zero)),
            .attempt(StepAttemptRecord(key: key("y", 1), state: .failed, startedAt: .zero)),
            .log(LogLine(key: key("y", 2), sequence: 0, time: .zero, stream: .stdout, text: "second")),
            .log(LogLine(key: key("y", 1), sequence: 1, time: .zero, stream: .stdout, text: "b")),
            .log(LogLine(key: key("y", 1), sequence: 0, time: .zero, stream: .stdout, text: "a")),
            .meta(key: "zeta", value: "1"), .meta(key: "alpha", value: "2"),
        ])
        try store.append([
            .run(run(1, "a", state: .succeeded)),
            .step(StepRecord(run: RunID(1), step: "z", state: .succeeded, reason: "done", attempts: 1)),
            .attempt(StepAttemptRecord(key: key("z", 1), state: .succeeded, startedAt: .zero)),
            .meta(key: "zeta", value: "3"),
        ])
        XCTAssertEqual(store.appendCount, 2)
        XCTAssertEqual(try store.runs(pipeline: nil, limit: nil).map(\.id.value), [2, 1])
        XCTAssertEqual(try store.runs(pipeline: "a", limit: 5).map(\.state), [.succeeded])
        XCTAssertEqual(try store.runs(pipeline: nil, limit: 1).map(\.id.value), [2])
        XCTAssertEqual(try store.steps(run: RunID(1)).map(\.step), ["z", "y"])
        XCTAssertEqual(try store.steps(run: RunID(1)).first?.reason, "done")
        let attempts = try store.attempts(run: RunID(1))
        XCTAssertEqual(attempts.map(\.key.step), ["z", "y", "y"])
        XCTAssertEqual(attempts.map(\.key.attempt), [1, 1, 2])
        XCTAssertEqual(attempts.first?.state, .succeeded)
        XCTAssertEqual(try store.logs(run: RunID(1), step: "y", attempt: nil).map(\.text), ["a", "b", "second"])
        XCTAssertEqual(try store.logs(run: RunID(1), step: "y", attempt: 2).map(\.text), ["second"])
        let history = try store.loadHistory()
        XCTAssertEqual(history.runs.map(\.id.value), [1, 2])
        XCTAssertEqual(history.meta, [MetaEntry(key: "alpha", value: "2"), MetaEntry(key: "zeta", value: "3")])
        XCTAssertEqual(history.steps.count, 2)
        XCTAssertEqual(history.attempts.count, 3)
    }

    func testFailedAppendStoresNothing() throws {
        struct Boom: Error {}
        let store = InMemoryRunStore(keepsJournal: true)
        store.failNextAppend = Boom()
        XCTAssertThrowsError(try store.append([.run(run(1, "a"))]))
        XCTAssertTrue(try store.runs(pipeline: nil, limit: nil).isEmpty)
        XCTAssertTrue(store.journal.isEmpty)
        try store.append([.run(run(1, "a"))])
        XCTAssertEqual(store.journal.count, 1)
    }
}
