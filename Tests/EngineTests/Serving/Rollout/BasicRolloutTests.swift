import XCTest
import Engine

final class BasicRolloutTests: XCTestCase {
    private typealias F = RolloutFixtures

    static let strategy = StrategySpec.basic(BasicStrategy(downtime: .seconds(30), analysis: F.analysis([F.errorRate, F.p99], count: 1)))

    func testReplaceWithDowntimeThenPromote() {
        var rollout = F.rollout(Self.strategy)
        XCTAssertEqual(rollout.plan.map(\.text), ["replace v2 with v3 (downtime 30s)", "analysis: error_rate < 1%, p99_latency_ms < 150"])
        let serving = F.serving()
        var generator = Xoshiro256StarStar(seed: 1)
        let effects = drive(&rollout, serving, until: SimTime(sinceEpoch: .hours(1)), generator: &generator)
        XCTAssertEqual(rollout.phase, .promoted)
        XCTAssertEqual(effects.routeReasons, ["basic step 1/2: replace v2 with v3 (down for 30s)", "basic step 1/2: v3 up after 30s downtime"])
        var down = RoutingTable.single(3, replicas: 4)
        down.down = true
        XCTAssertEqual(effects.routes.map(\.table), [down, .single(3, replicas: 4)])
        XCTAssertEqual(effects.routes.map(\.time), [.zero, SimTime(sinceEpoch: .seconds(30))])
        XCTAssertTrue(effects.contains(.promoted(version: 3)))
        XCTAssertFalse(Rollout.traits(of: Self.strategy).noDowntime)
        XCTAssertTrue(Rollout.traits(of: .basic(BasicStrategy())).noDowntime)
    }

    func testSlowCandidateIsReplacedBackThroughTheDowntime() {
        var rollout = F.rollout(Self.strategy)
        let serving = F.serving { $0.p99 = 182 }
        var generator = Xoshiro256StarStar(seed: 1)
        let effects = drive(&rollout, serving, until: SimTime(sinceEpoch: .hours(1)), generator: &generator)
        XCTAssertEqual(rollout.phase, .rolledBack)
        XCTAssertEqual(rollout.reason, "rolled back: p99_latency_ms 182 >= 150 (threshold 150)")
        let failedAt = SimTime(sinceEpoch: .seconds(330))
        var down = RoutingTable.single(2, replicas: 4)
        down.down = true
        XCTAssertEqual(effects.routes.suffix(2).map(\.table), [down, .single(2, replicas: 4)])
        XCTAssertEqual(effects.routes.suffix(2).map(\.time), [failedAt, failedAt + .seconds(30)])
        XCTAssertNil(rollout.nextWakeTime)
    }
}
