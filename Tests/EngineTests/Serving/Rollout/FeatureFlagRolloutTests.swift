import XCTest
import Engine

final class FeatureFlagRolloutTests: XCTestCase {
    private typealias F = RolloutFixtures

    static let strategy = StrategySpec.featureFlag(FeatureFlagStrategy(
        steps: [.weight(10), .pause(.minutes(10)), .weight(50), .pause(.minutes(10))], analysis: F.analysis()))

    func testDormantThenCohortsByUserThenAll() {
        var rollout = F.rollout(Self.strategy)
        XCTAssertEqual(rollout.plan.map(\.text), ["deploy v3 dormant (0% of users)", "cohort 10%", "pause 10m", "cohort 50%", "pause 10m", "cohort 100%"])
        let serving = F.serving { $0.accuracy = 0.92 }
        var generator = Xoshiro256StarStar(seed: 8)
        let effects = drive(&rollout, serving, until: SimTime(sinceEpoch: .hours(1)), generator: &generator)
        XCTAssertEqual(rollout.phase, .promoted)
        let tables = effects.routes.map(\.table)
        XCTAssertEqual(tables[0].percent(of: 3), 0)
        XCTAssertEqual(tables[0].replicas, [VersionReplicas(version: 2, count: 4), VersionReplicas(version: 3, count: 4)],
                       "deployed dormant: replicas up, no traffic")
        XCTAssertEqual(tables.dropLast().map(\.split), Array(repeating: .user, count: tables.count - 1), "a user keeps their version")
        XCTAssertEqual(tables.map { $0.percent(of: 3) }, [0, 10, 50, 100, 100])
        XCTAssertEqual(tables.last, .single(3, replicas: 4))
        XCTAssertEqual(rollout.traits.rollbackTime, "instant")
    }

    func testSlowCandidateIsSwitchedOff() {
        var rollout = F.rollout(Self.strategy)
        let serving = F.serving { $0.p99 = 182 }
        var generator = Xoshiro256StarStar(seed: 8)
        let effects = drive(&rollout, serving, until: SimTime(sinceEpoch: .hours(1)), generator: &generator)
        XCTAssertEqual(rollout.phase, .rolledBack)
        XCTAssertEqual(rollout.reason, "rolled back: p99_latency_ms 182 >= 150 (threshold 150)")
        XCTAssertEqual(effects.routes.last?.table, .single(2, replicas: 4))
        XCTAssertEqual(effects.routes.last?.time, SimTime(sinceEpoch: .minutes(5)))
    }
}
