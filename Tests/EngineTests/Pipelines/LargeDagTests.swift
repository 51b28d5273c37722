import XCTest
@testable import Engine

/// Correctness on 10,000-step DAGs (timing is measured by the benchmarks).
final class LargeDagTests: XCTestCase {
    func testTenThousandStepChain() throws {
        let steps = (0..<10_000).map { StepSpec(id: "s\($0)", needs: $0 == 0 ? [] : ["s\($0 - 1)"], action: .builtin("noop")) }
        let store = InMemoryRunStore()
        let engine = try PT.engine(PT.project([PipelineSpec(id: "chain", steps: steps)]), store: store)
        let run = engine.triggerRun("chain")
        engine.runUntilIdle(maxTime: PT.t(10), waitForShell: false)
        XCTAssertEqual(engine.run(run)?.state, .succeeded)
        let stored = try store.steps(run: run)
        XCTAssertEqual(stored.count, 10_000)
        XCTAssertTrue(stored.allSatisfy { $0.state == .succeeded && $0.attempts == 1 })
    }

    func testTenThousandStepChainFailingAtTheStartPropagatesWithoutRecursion() throws {
        var steps = (0..<10_000).map { StepSpec(id: "s\($0)", needs: $0 == 0 ? [] : ["s\($0 - 1)"], action: .builtin("noop")) }
        steps[0] = PT.sim("s0", 1, fail: 1)
        let engine = try PT.engine(PT.project([PipelineSpec(id: "chain", steps: steps)]))
        let run = engine.triggerRun("chain")
        engine.advance(to: PT.t(5))
        XCTAssertEqual(engine.run(run)?.state, .failed)
        XCTAssertEqual(engine.step(run, "s9999")?.reason, "upstream_failed: s0 failed: simulated failure")
    }

    func testOneToManyToOneFan() throws {
        var steps = [StepSpec(id: "start", action: .builtin("noop"))]
        for index in 0..<9_998 {
            steps.append(StepSpec(id: "f\(index)", needs: ["start"],
                                  action: .simulate(duration: .uniform(min: .seconds(1), max: .seconds(100)), failureProbability: 0)))
        }
        steps.append(StepSpec(id: "join", needs: steps.dropFirst().map(\.id), action: .builtin("noop")))
        let store = InMemoryRunStore()
        let engine = try PT.engine(PT.project([PipelineSpec(id: "fan", steps: steps)]), store: store)
        let run = engine.triggerRun("fan")
        engine.runUntilIdle(maxTime: PT.t(1000), waitForShell: false)
        XCTAssertEqual(engine.run(run)?.state, .succeeded)
        let join = try XCTUnwrap(engine.step(run, "join"))
        let lastFan = engine.summary(run).steps.dropFirst().dropLast().compactMap { $0.attemptSpans.first?.end }.max()
        XCTAssertEqual(join.attemptSpans.first?.start, lastFan, "the join starts when the last fan step ends")
        XCTAssertEqual(try store.steps(run: run).filter { $0.state == .succeeded }.count, 10_000)
    }
}
