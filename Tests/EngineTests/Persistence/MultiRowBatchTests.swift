import Engine
import XCTest

/// Batches larger than one multi-row statement per table (and not a
/// multiple of it) read back exactly as written, in the documented orders,
/// through both `append` and `appendFolded`.
final class MultiRowBatchTests: XCTestCase {
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

    /// Three runs of 70 steps each, steps written in an order unlike their
    /// ids' sort order, two attempts for every fifth step, log lines with
    /// empty text and NUL bytes, 75 artifacts and 40 meta entries.
    private func batch() -> (changes: [RunChange], expected: RunHistory) {
        var changes: [RunChange] = []
        var expected = RunHistory()
        for run in Int64(1)...3 {
            let record = F.run(run, number: Int(run), state: run == 2 ? .failed : .running, finished: run == 2)
            changes.append(.run(record))
            expected.runs.append(record)
        }
        for run in Int64(1)...3 {
            let names = (0..<70).map { "step-\(($0 * 37) % 70)" }
            for name in names {
                let step = F.step(run, name, state: .succeeded, attempts: name.hasSuffix("5") ? 2 : 1)
                changes.append(.step(step))
                expected.steps.append(step)
            }
            for name in names {
                for attempt in 1...(name.hasSuffix("5") ? 2 : 1) {
                    let record = F.attempt(run, name, attempt, state: .succeeded, ended: true, exitCode: attempt == 2 ? 1 : 0)
                    changes.append(.attempt(record))
                    expected.attempts.append(record)
                }
            }
            for (sequence, text) in ["", "a\u{0}b", "plain", "ünïcödé"].enumerated() {
                changes.append(.log(F.log(run, names[0], 1, sequence, text: text)))
            }
        }
        for index in 0..<75 {
            let artifact = F.artifact(Int64(index % 3 + 1), "step-\(index % 70)", 1, path: "out/\(74 - index).bin")
            changes.append(.artifact(artifact))
            expected.artifacts.append(artifact)
        }
        for index in 0..<40 {
            changes.append(.meta(key: "key-\(index)", value: index % 7 == 0 ? "" : "value \(index)"))
        }
        expected.meta = (0..<40).map { MetaEntry(key: "key-\($0)", value: $0 % 7 == 0 ? "" : "value \($0)") }
            .sorted { $0.key < $1.key }
        return (changes, expected)
    }

    func testLargeBatchRoundTripsThroughAppend() throws {
        let (changes, expected) = batch()
        try store.append(changes)
        XCTAssertEqual(try store.loadHistory(), expected)
        XCTAssertEqual(try store.logs(run: RunID(2), step: "step-0", attempt: 1).map(\.text), ["", "a\u{0}b", "plain", "ünïcödé"])
    }

    func testFoldedBatchRoundTripsTheSame() throws {
        let (changes, expected) = batch()
        try store.appendFolded(changes)
        XCTAssertEqual(try store.loadHistory(), expected)
        XCTAssertEqual(try store.attempts(run: RunID(3)), expected.attempts.filter { $0.key.run == RunID(3) })
    }

    func testRepeatsAcrossStatementBoundariesKeepTheLastValueAndFirstPosition() throws {
        var changes: [RunChange] = [.run(F.run(1))]
        for index in 0..<100 { changes.append(.step(F.step(1, "s\(index)", state: .running, attempts: 1))) }
        for index in stride(from: 99, through: 0, by: -3) {
            changes.append(.step(F.step(1, "s\(index)", state: .failed, attempts: 1)))
        }
        try store.append(changes)
        let steps = try store.steps(run: RunID(1))
        XCTAssertEqual(steps.map(\.step), (0..<100).map { "s\($0)" })
        XCTAssertEqual(steps.map(\.state), (0..<100).map { $0 % 3 == 0 ? .failed : .running })
    }
}
