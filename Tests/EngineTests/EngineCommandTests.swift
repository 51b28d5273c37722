import XCTest
@testable import Engine

final class EngineCommandTests: XCTestCase {
    private func makeEngine() -> Engine {
        Engine(configuration: EngineConfiguration(projectName: "fraud-detection", seed: 42))
    }

    func testStartsRunningAtRealTimeWithAStartedEvent() {
        let engine = makeEngine()
        XCTAssertFalse(engine.isPaused)
        XCTAssertEqual(engine.speed, .realTime)
        XCTAssertEqual(engine.now, .zero)
        XCTAssertEqual(engine.eventLog.elements.map(\.kind), [.started])
        XCTAssertEqual(engine.eventLog.newest?.message, "project fraud-detection, seed 42, speed 1x")
    }

    func testPauseResumeAndToggleChangeStateAndLog() {
        let engine = makeEngine()
        engine.advance(to: .zero + .seconds(330))
        XCTAssertEqual(engine.apply(.pause), .applied("paused at d0 00:05:30"))
        XCTAssertTrue(engine.isPaused)
        XCTAssertEqual(engine.apply(.pause), .unchanged("already paused"))
        XCTAssertEqual(engine.apply(.togglePause), .applied("resumed at d0 00:05:30"))
        XCTAssertFalse(engine.isPaused)
        XCTAssertEqual(engine.apply(.resume).outcome, .unchanged)
        XCTAssertEqual(engine.apply(.togglePause).outcome, .applied)
        XCTAssertTrue(engine.isPaused)
        XCTAssertEqual(engine.eventLog.elements.map(\.kind), [.started, .paused, .resumed, .paused])
        XCTAssertEqual(engine.eventLog.elements.map(\.sequence), [0, 1, 2, 3])
        XCTAssertEqual(engine.eventLog.elements[1].time, .zero + .seconds(330))
    }

    func testSpeedCommandsStepTheLadderAndLog() {
        let engine = makeEngine()
        XCTAssertEqual(engine.apply(.setSpeed(.multiplier(60))), .applied("speed 60x"))
        XCTAssertEqual(engine.apply(.faster), .applied("speed 120x"))
        XCTAssertEqual(engine.apply(.slower), .applied("speed 60x"))
        XCTAssertEqual(engine.apply(.setSpeed(.multiplier(60))), .unchanged("speed already 60x"))
        XCTAssertEqual(engine.apply(.setSpeed(.multiplier(0))).outcome, .rejected)
        XCTAssertEqual(engine.speed, .multiplier(60))
        XCTAssertEqual(engine.apply(.setSpeed(.max)), .applied("speed max"))
        XCTAssertEqual(engine.apply(.faster), .unchanged("already at max speed"))
        XCTAssertEqual(engine.apply(.setSpeed(.realTime)).outcome, .applied)
        XCTAssertEqual(engine.apply(.slower), .unchanged("already at the slowest speed, 1x"))
        XCTAssertEqual(engine.eventLog.elements.filter { $0.kind == .speedChanged }.map(\.message),
                       ["speed 60x", "speed 120x", "speed 60x", "speed max", "speed 1x"])
    }

    func testLogIsBounded() {
        let engine = Engine(configuration: EngineConfiguration(projectName: "p", seed: 1, eventLogCapacity: 4))
        for _ in 0..<10 { engine.apply(.togglePause) }
        XCTAssertEqual(engine.eventLog.count, 4)
        XCTAssertEqual(engine.eventLog.totalAppended, 11)
        XCTAssertEqual(engine.eventLog.elements.map(\.sequence), [7, 8, 9, 10])
    }

    func testInvalidInitialSpeedFallsBackToRealTime() {
        let engine = Engine(configuration: EngineConfiguration(projectName: "p", seed: 1, initialSpeed: .multiplier(0)))
        XCTAssertEqual(engine.speed, .realTime)
    }
}
