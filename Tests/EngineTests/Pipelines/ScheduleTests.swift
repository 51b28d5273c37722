import XCTest
@testable import Engine

final class ScheduleTests: XCTestCase {
    func testEveryFiresOneIntervalAfterStartThenRepeatedly() throws {
        let pipeline = PipelineSpec(id: "p", schedule: .every(.minutes(10)), steps: [PT.sim("a", 60)])
        let engine = try PT.engine(PT.project([pipeline]))
        XCTAssertEqual(engine.snapshot().pipelines.first?.nextScheduledAt, PT.t(600))
        XCTAssertEqual(engine.snapshot().pipelines.first?.scheduleText, "every 10m")
        engine.advance(to: PT.t(599))
        XCTAssertTrue(engine.runs().isEmpty)
        engine.advance(to: PT.t(1800))
        let runs = engine.runs().reversed().map { $0 }
        XCTAssertEqual(runs.map(\.queuedAt), [PT.t(600), PT.t(1200), PT.t(1800)])
        XCTAssertEqual(runs.first?.trigger, "schedule 2026-01-01 00:10")
        XCTAssertEqual(engine.snapshot().pipelines.first?.nextScheduledAt, PT.t(2400))
    }

    func testCronFiresOnSimulatedUTCTime() throws {
        let cron = try CronExpression(parsing: "0 */6 * * *")
        let pipeline = PipelineSpec(id: "p", schedule: .cron(cron), steps: [PT.sim("a", 60)])
        let engine = try PT.engine(PT.project([pipeline]))
        engine.advance(to: SimTime(sinceEpoch: .hours(24)))
        XCTAssertEqual(engine.runs().reversed().map(\.queuedAt), [6, 12, 18, 24].map { SimTime(sinceEpoch: .hours($0)) })
        XCTAssertEqual(engine.runs().last?.trigger, "schedule 2026-01-01 06:00")
    }

    func testRestartGapWithCatchupRunsEveryMissedIntervalInOrder() throws {
        let store = InMemoryRunStore()
        let pipeline = PipelineSpec(id: "p", schedule: .every(.minutes(10)), maxActiveRuns: 1, catchup: true, steps: [PT.sim("a", 60)])
        do {
            let engine = try PT.engine(PT.project([pipeline]), store: store)
            engine.advance(to: PT.t(700))   // one run at 600
        }
        // Down for an hour: restart at 01:10.
        let engine = try PT.engine(PT.project([pipeline]), store: store, startTime: PT.t(4200))
        XCTAssertEqual(engine.now, PT.t(4200))
        let triggers = engine.runs().reversed().map(\.trigger)
        XCTAssertEqual(triggers, ["schedule 2026-01-01 00:10", "schedule 2026-01-01 00:20", "schedule 2026-01-01 00:30", "schedule 2026-01-01 00:40",
                                  "schedule 2026-01-01 00:50", "schedule 2026-01-01 01:00", "schedule 2026-01-01 01:10"])
        XCTAssertEqual(engine.runs().map(\.state).filter { $0 == .queued }.count, 5, "max_active_runs 1: the rest wait in order")
        engine.advance(to: PT.t(4200 + 6 * 60))
        XCTAssertEqual(engine.runs().reversed().map(\.state), Array(repeating: .succeeded, count: 7))
        XCTAssertEqual(engine.snapshot().pipelines.first?.nextScheduledAt, PT.t(4800))
    }

    func testRestartGapWithoutCatchupRunsOnlyTheLatest() throws {
        let store = InMemoryRunStore()
        let pipeline = PipelineSpec(id: "p", schedule: .every(.minutes(10)), catchup: false, steps: [PT.sim("a", 60)])
        do {
            let engine = try PT.engine(PT.project([pipeline]), store: store)
            engine.advance(to: PT.t(700))
        }
        let engine = try PT.engine(PT.project([pipeline]), store: store, startTime: SimTime(sinceEpoch: .hours(5) + .minutes(5)))
        XCTAssertEqual(engine.runs().map(\.trigger), ["schedule 2026-01-01 05:00", "schedule 2026-01-01 00:10"])
        XCTAssertEqual(engine.snapshot().pipelines.first?.nextScheduledAt, SimTime(sinceEpoch: .hours(5) + .minutes(10)))
    }

    func testWithoutCatchupABlockedScheduleKeepsOnlyTheLatestQueuedRun() throws {
        let pipeline = PipelineSpec(id: "p", schedule: .every(.minutes(10)), maxActiveRuns: 1, catchup: false, steps: [PT.sim("a", 3600)])
        let engine = try PT.engine(PT.project([pipeline]))
        engine.advance(to: PT.t(3000))   // fires at 10, 20, 30, 40, 50 min; the first runs an hour
        let runs = engine.runs()
        XCTAssertEqual(runs.count, 2)
        XCTAssertEqual(runs[0].state, .queued)
        XCTAssertEqual(runs[0].trigger, "schedule 2026-01-01 00:50")
    }

    func testWithCatchupABlockedScheduleQueuesEveryInterval() throws {
        let pipeline = PipelineSpec(id: "p", schedule: .every(.minutes(10)), maxActiveRuns: 1, catchup: true, steps: [PT.sim("a", 3600)])
        let engine = try PT.engine(PT.project([pipeline]))
        engine.advance(to: PT.t(3000))
        XCTAssertEqual(engine.runs().count, 5)
        XCTAssertEqual(engine.runs().filter { $0.state == .queued }.count, 4)
    }
}
