import XCTest
@testable import Engine

final class RetryTests: XCTestCase {
    func testFixedDelayTimingAndReasons() throws {
        let step = PT.sim("train", 10, fail: 1, retries: 2, retryDelay: .seconds(30))
        let engine = try PT.engine(PT.project([PipelineSpec(id: "p", steps: [step])]))
        let run = engine.triggerRun("p")
        XCTAssertEqual(engine.step(run, "train")?.reason, "running (attempt 1/3)")
        engine.advance(to: PT.t(10))
        XCTAssertEqual(engine.step(run, "train")?.state, .retrying)
        XCTAssertEqual(engine.step(run, "train")?.reason, "retrying in 30s (attempt 2/3)")
        engine.advance(to: PT.t(200))
        let train = try XCTUnwrap(engine.step(run, "train"))
        XCTAssertEqual(train.state, .failed)
        XCTAssertEqual(train.attempts, 3)
        // 0-10, wait 30, 40-50, wait 30, 80-90.
        XCTAssertEqual(train.attemptSpans.map(\.start), [PT.t(0), PT.t(40), PT.t(80)])
        XCTAssertEqual(train.attemptSpans.map(\.end), [PT.t(10), PT.t(50), PT.t(90)])
        XCTAssertEqual(try engine.attempts(run: run).map(\.key.attempt), [1, 2, 3])
        XCTAssertEqual(try engine.logs(run: run, step: "train").map(\.stream), [.system, .system], "each retry is noted in the log")
    }

    func testExponentialBackoffWithoutJitterIsExactAndCapped() throws {
        let step = PT.sim("train", 10, fail: 1, retries: 4, retryDelay: .seconds(30), backoff: .exponential(cap: .seconds(100), jitter: 0))
        let engine = try PT.engine(PT.project([PipelineSpec(id: "p", steps: [step])]))
        let run = engine.triggerRun("p")
        engine.advance(to: PT.t(10))
        XCTAssertEqual(engine.step(run, "train")?.reason, "retrying in 30s (attempt 2/5)")
        engine.advance(to: PT.t(2000))
        // Waits 30, 60, 100 (capped from 120), 100 (capped from 240).
        XCTAssertEqual(engine.step(run, "train")?.attemptSpans.map(\.start), [PT.t(0), PT.t(40), PT.t(110), PT.t(220), PT.t(330)])
    }

    func testJitterStaysInBoundsAndIsDeterministicPerSeed() throws {
        func starts(seed: UInt64) throws -> [SimTime] {
            let step = PT.sim("train", 10, fail: 1, retries: 3, retryDelay: .seconds(30), backoff: .exponential(cap: .hours(1), jitter: 0.5))
            let engine = try PT.engine(PT.project([PipelineSpec(id: "p", steps: [step])]), seed: seed)
            let run = engine.triggerRun("p")
            engine.advance(to: PT.t(5000))
            return engine.step(run, "train")?.attemptSpans.map(\.start) ?? []
        }
        let first = try starts(seed: 7)
        XCTAssertEqual(first, try starts(seed: 7))
        XCTAssertNotEqual(first, try starts(seed: 8))
        XCTAssertEqual(first.count, 4)
        let bases: [Int64] = [30_000, 60_000, 120_000]
        for retry in 0..<3 {
            let wait = first[retry + 1].milliseconds - first[retry].milliseconds - 10_000
            XCTAssertGreaterThanOrEqual(wait, bases[retry])
            XCTAssertLessThan(wait, bases[retry] + bases[retry] / 2)
        }
    }

    func testRetryDelayFormula() {
        var generator = Xoshiro256StarStar(seed: 1)
        let fixed = PT.sim("a", retryDelay: .seconds(40))
        XCTAssertEqual(fixed.retryDelay(forRetry: 3, random: &generator), .seconds(40))
        let exponential = PT.sim("a", retryDelay: .seconds(40), backoff: .exponential(cap: .minutes(5), jitter: 0))
        XCTAssertEqual((1...5).map { exponential.retryDelay(forRetry: $0, random: &generator) },
                       [.seconds(40), .seconds(80), .seconds(160), .minutes(5), .minutes(5)])
    }

    func testSuccessOnARetrySucceedsTheStep() throws {
        let shell = FakeShellLauncher()
        shell.script("flaky", .init(outcome: ShellOutcome(exitCode: 1)))
        let engine = try PT.engine(PT.project([PipelineSpec(id: "p", steps: [PT.shell("flaky", "./flaky.sh", retries: 1)])]), shell: shell)
        let run = engine.triggerRun("p")
        engine.advance(to: PT.t(1))
        XCTAssertEqual(engine.step(run, "flaky")?.reason, "retrying in 10s (attempt 2/2)")
        shell.script("flaky", .init(outcome: ShellOutcome(exitCode: 0)))
        engine.advance(to: PT.t(11))
        engine.advance(to: PT.t(12))
        XCTAssertEqual(engine.step(run, "flaky")?.state, .succeeded)
        XCTAssertEqual(engine.run(run)?.state, .succeeded)
        XCTAssertEqual(shell.launched.map(\.key.attempt), [1, 2])
    }
}
