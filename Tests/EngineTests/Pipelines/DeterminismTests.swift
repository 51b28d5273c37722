import XCTest
@testable import Engine

final class DeterminismTests: XCTestCase {
    private func journal(seed: UInt64) throws -> [RunChange] {
        let steps = [
            StepSpec(id: "a", action: .simulate(duration: try DurationDistribution(parsing: "lognormal(30s, 0.5)"), failureProbability: 0.3),
                     retries: 2, backoff: .exponential(cap: .minutes(5), jitter: 0.2)),
            StepSpec(id: "b", needs: ["a"], action: .simulate(duration: try DurationDistribution(parsing: "uniform(10s, 60s)"), failureProbability: 0.2),
                     retries: 1, pool: "cpu"),
            StepSpec(id: "c", needs: ["a"], action: .simulate(duration: .exponential(mean: .seconds(20)), failureProbability: 0.2), pool: "cpu"),
            StepSpec(id: "d", needs: ["b", "c"], action: .builtin("noop"), triggerRule: .allDone),
        ]
        let project = PT.project([PipelineSpec(id: "p", schedule: .every(.minutes(5)), maxActiveRuns: 2, steps: steps)],
                                 pools: [PoolSpec(id: "cpu", size: 1)], seed: seed)
        let store = InMemoryRunStore(keepsJournal: true)
        let engine = try PT.engine(project, store: store, seed: seed)
        _ = engine.triggerRun("p")
        engine.runUntilIdle(maxTime: SimTime(sinceEpoch: .hours(6)), waitForShell: false)
        return store.journal
    }

    func testSameSeedSameJournal() throws {
        let first = try journal(seed: 42)
        XCTAssertGreaterThan(first.count, 500)
        XCTAssertEqual(first, try journal(seed: 42))
        XCTAssertNotEqual(first, try journal(seed: 43))
    }
}
