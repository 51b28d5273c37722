import XCTest
import Engine

final class CanaryRolloutTests: XCTestCase {
    private typealias F = RolloutFixtures

    static let strategy = StrategySpec.canary(CanaryStrategy(
        steps: [.weight(10), .pause(.minutes(10)), .weight(50), .analysis(nil), .weight(100)],
        analysis: F.analysis()))

    func testPlanTexts() {
        let rollout = F.rollout(Self.strategy)
        XCTAssertEqual(rollout.plan.map(\.text), [
            "set weight 10%", "pause 10m", "set weight 50%",
            "analysis: error_rate < 1%, p99_latency_ms < 150, accuracy >= stable - 0.02", "set weight 100%",
        ])
        XCTAssertEqual(rollout.plan.map(\.status), Array(repeating: .pending, count: 5))
        let short = F.rollout(.canary(CanaryStrategy(steps: [.weight(20), .approval])))
        XCTAssertEqual(short.plan.map(\.text), ["set weight 20%", "wait for approval", "promote v3 (100%)"])
    }

    func testGoodCandidateIsPromotedStepByStep() {
        var rollout = F.rollout(Self.strategy)
        let serving = F.serving { $0.accuracy = 0.92 }
        var generator = Xoshiro256StarStar(seed: 1)
        let effects = drive(&rollout, serving, until: SimTime(sinceEpoch: .hours(2)), generator: &generator)
        XCTAssertEqual(rollout.phase, .promoted)
        XCTAssertEqual(rollout.routing, .single(3, replicas: 4))
        XCTAssertTrue(effects.contains(.promoted(version: 3)))
        XCTAssertEqual(Array(effects.routeReasons.prefix(3)), [
            "canary step 1/5: weight 10%", "canary step 3/5: weight 50%", "canary step 5/5: weight 100%",
        ])
        let times = effects.routes.map(\.time)
        XCTAssertEqual(times.first, .zero)
        XCTAssertEqual(times.dropFirst().first, SimTime(sinceEpoch: .minutes(10)), "the pause holds 10% for 10 minutes")
        XCTAssertEqual(times.dropFirst(2).first, SimTime(sinceEpoch: .minutes(20)), "the analysis takes two 5-minute measurements")
        XCTAssertEqual(rollout.plan.map(\.status), Array(repeating: .done, count: 5))
        XCTAssertEqual(effects.routes.first?.table.percent(of: 3), 10)
        XCTAssertEqual(effects.routes.first?.table.percent(of: 2), 90)
        XCTAssertTrue(rollout.analysisChecks.allSatisfy { $0.outcome == .pass })
        XCTAssertEqual(rollout.traits, StrategyTraits(noDowntime: true, conditionBased: false, rollbackTime: "fast", additionalCost: "low"))
    }

    func testSlowCandidateIsRolledBackWithTheFailingMetric() {
        var rollout = F.rollout(Self.strategy)
        let serving = F.serving { $0.p99 = 182 }
        var generator = Xoshiro256StarStar(seed: 1)
        let effects = drive(&rollout, serving, until: SimTime(sinceEpoch: .hours(2)), generator: &generator)
        XCTAssertEqual(rollout.phase, .rolledBack)
        XCTAssertEqual(rollout.reason, "rolled back: p99_latency_ms 182 >= 150 (threshold 150)")
        XCTAssertTrue(effects.contains(.rolledBack(reason: "rolled back: p99_latency_ms 182 >= 150 (threshold 150)")))
        let last = effects.routes.last
        XCTAssertEqual(last?.table, .single(2, replicas: 4))
        XCTAssertEqual(last?.time, SimTime(sinceEpoch: .minutes(5)), "the background analysis catches it at its first measurement")
        XCTAssertEqual(effects.routeReasons.last, "rolled back: p99_latency_ms 182 >= 150 (threshold 150)")
        XCTAssertEqual(rollout.plan.map(\.status), [.done, .failed, .pending, .pending, .pending], "it fails during the pause")
        XCTAssertNil(rollout.nextWakeTime)
        XCTAssertFalse(effects.contains(.promoted(version: 3)))
    }

    func testLessAccurateCandidateIsRolledBack() {
        var rollout = F.rollout(Self.strategy)
        let serving = F.serving { $0.accuracy = 0.75 }
        var generator = Xoshiro256StarStar(seed: 2)
        drive(&rollout, serving, until: SimTime(sinceEpoch: .hours(2)), generator: &generator)
        XCTAssertEqual(rollout.phase, .rolledBack)
        XCTAssertTrue(rollout.reason.hasPrefix("rolled back: accuracy 0.7"), rollout.reason)
        XCTAssertTrue(rollout.reason.contains("(threshold stable 0."), rollout.reason)
        XCTAssertEqual(rollout.routing, .single(2, replicas: 4))
    }

    func testTooLittleTrafficIsInconclusiveNeverAPass() {
        var rollout = F.rollout(Self.strategy)
        let serving = F.serving(rate: 1)
        var generator = Xoshiro256StarStar(seed: 3)
        let effects = drive(&rollout, serving, until: SimTime(sinceEpoch: .hours(2)), generator: &generator)
        XCTAssertEqual(rollout.phase, .inconclusive)
        XCTAssertTrue(rollout.reason.hasPrefix("inconclusive: background analysis: only "), rollout.reason)
        XCTAssertTrue(rollout.analysisChecks.allSatisfy { $0.outcome == .inconclusive })
        XCTAssertFalse(effects.contains(.promoted(version: 3)))
        XCTAssertNil(rollout.nextWakeTime, "an operator decides")
        XCTAssertEqual(rollout.routing.percent(of: 3), 10, "traffic stays where it was")
    }
}
