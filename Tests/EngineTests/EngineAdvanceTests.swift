import XCTest
@testable import Engine

final class EngineAdvanceTests: XCTestCase {
    private let testKind = EngineEventKind(rawValue: "test")

    private func makeEngine(seed: UInt64 = 42) -> Engine {
        Engine(configuration: EngineConfiguration(projectName: "demo", seed: seed))
    }

    func testFiresInOrderAndSetsNowBeforeEach() {
        let engine = makeEngine()
        var fired: [(String, SimTime)] = []
        engine.schedule(at: SimTime(milliseconds: 300)) { fired.append(("c", $0.now)) }
        engine.schedule(at: SimTime(milliseconds: 100), priority: 1) { fired.append(("b", $0.now)) }
        engine.schedule(at: SimTime(milliseconds: 100), priority: 0) { fired.append(("a", $0.now)) }
        engine.schedule(at: SimTime(milliseconds: 900)) { fired.append(("late", $0.now)) }
        XCTAssertEqual(engine.pendingEventCount, 4)

        XCTAssertEqual(engine.advance(to: SimTime(milliseconds: 300)), 3)
        XCTAssertEqual(fired.map(\.0), ["a", "b", "c"])
        XCTAssertEqual(fired.map(\.1), [SimTime(milliseconds: 100), SimTime(milliseconds: 100), SimTime(milliseconds: 300)])
        XCTAssertEqual(engine.now, SimTime(milliseconds: 300))
        XCTAssertEqual(engine.nextEventTime, SimTime(milliseconds: 900))

        XCTAssertEqual(engine.advance(to: SimTime(milliseconds: 500)), 0)
        XCTAssertEqual(engine.now, SimTime(milliseconds: 500), "now moves to the target without events")
    }

    func testPastTargetsAreIgnored() {
        let engine = makeEngine()
        engine.advance(to: SimTime(milliseconds: 1_000))
        var ran = false
        engine.schedule(at: SimTime(milliseconds: 1_000)) { _ in ran = true }
        XCTAssertEqual(engine.advance(to: SimTime(milliseconds: 10)), 0)
        XCTAssertFalse(ran)
        XCTAssertEqual(engine.now, SimTime(milliseconds: 1_000))
    }

    func testActionsMayScheduleFollowUpsInTheSameAdvance() {
        let engine = makeEngine()
        var times: [SimTime] = []
        func tick(_ engine: Engine) {
            times.append(engine.now)
            engine.schedule(at: engine.now + .seconds(10), tick)
        }
        engine.schedule(at: .zero, tick)
        engine.advance(to: .zero + .seconds(35))
        XCTAssertEqual(times.map(\.milliseconds), [0, 10_000, 20_000, 30_000])
        XCTAssertEqual(engine.nextEventTime, .zero + .seconds(40))
    }

    func testPastSchedulingRunsAtNowAndCancelWorks() {
        let engine = makeEngine()
        engine.advance(to: SimTime(milliseconds: 500))
        var firedAt: SimTime?
        engine.schedule(at: SimTime(milliseconds: 100)) { firedAt = $0.now }
        let cancelled = engine.schedule(at: SimTime(milliseconds: 600)) { _ in XCTFail("cancelled action ran") }
        XCTAssertTrue(engine.cancel(cancelled))
        XCTAssertFalse(engine.cancel(cancelled))
        engine.advance(to: SimTime(milliseconds: 700))
        XCTAssertEqual(firedAt, SimTime(milliseconds: 500))
        XCTAssertEqual(engine.pendingEventCount, 0)
    }

    func testAdvanceIgnoresPause() {
        let engine = makeEngine()
        engine.apply(.pause)
        var ran = false
        engine.schedule(at: SimTime(milliseconds: 5)) { _ in ran = true }
        engine.advance(to: SimTime(milliseconds: 5))
        XCTAssertTrue(ran)
    }

    func testSnapshotReflectsState() {
        let engine = makeEngine()
        engine.schedule(at: .zero + .minutes(1)) { $0.record(self.testKind, "one minute") }
        engine.schedule(at: .zero + .minutes(2)) { _ in }
        engine.advance(to: .zero + .seconds(90))
        engine.apply(.setSpeed(.multiplier(600)))
        engine.apply(.pause)
        let snapshot = engine.snapshot(recentEventLimit: 2)
        XCTAssertEqual(snapshot.projectName, "demo")
        XCTAssertEqual(snapshot.seed, 42)
        XCTAssertEqual(snapshot.now, .zero + .seconds(90))
        XCTAssertTrue(snapshot.isPaused)
        XCTAssertEqual(snapshot.speed, .multiplier(600))
        XCTAssertEqual(snapshot.pendingEventCount, 1)
        XCTAssertEqual(snapshot.nextEventTime, .zero + .minutes(2))
        XCTAssertEqual(snapshot.totalEventCount, 4)
        XCTAssertEqual(snapshot.recentEvents.map(\.description),
                       ["d0 00:01:30 speed: speed 600x", "d0 00:01:30 paused: paused at d0 00:01:30"])
        XCTAssertEqual(engine.snapshot().recentEvents.map(\.kind), [.started, testKind, .speedChanged, .paused])
        XCTAssertEqual(engine.snapshot().recentEvents[1].time, .zero + .minutes(1))
    }

    /// Runs a small seeded scenario: arrivals at random (exponential)
    /// intervals from the engine's own stream, each logging a random draw.
    private func runScenario(seed: UInt64) -> [EngineEvent] {
        let engine = makeEngine(seed: seed)
        var stream = engine.randomStreams.stream(named: "arrivals")
        let kind = testKind
        func arrive(_ engine: Engine) {
            let size = Sampling.poisson(lambda: 20, using: &stream)
            engine.record(kind, "arrival of \(size)")
            let gap = DurationDistribution.exponential(mean: .seconds(30)).sample(using: &stream)
            engine.schedule(at: engine.now + gap + .milliseconds(1), arrive)
        }
        engine.schedule(at: .zero, arrive)
        engine.advance(to: .zero + .minutes(10))
        engine.apply(.faster)
        engine.advance(to: .zero + .minutes(20))
        return engine.eventLog.elements
    }

    func testSameSeedGivesTheSameEventLog() {
        let first = runScenario(seed: 42)
        let second = runScenario(seed: 42)
        XCTAssertGreaterThan(first.count, 20)
        XCTAssertEqual(first, second)
        XCTAssertNotEqual(first, runScenario(seed: 43), "a different seed changes the run")
    }
}
