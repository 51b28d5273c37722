import XCTest
import Engine

final class RollingRolloutTests: XCTestCase {
    private typealias F = RolloutFixtures

    static let strategy = StrategySpec.rolling(RollingStrategy(
        maxUnavailable: 0, maxSurge: 1, interval: .minutes(2), analysis: F.analysis([F.errorRate, F.p99], count: 1, interval: .minutes(2))))

    func testReplacesOneReplicaAtATimeAndTrafficFollowsReadyReplicas() {
        var rollout = F.rollout(Self.strategy)
        XCTAssertEqual(rollout.plan.map(\.text).filter { $0.hasPrefix("replace") },
                       ["replace 1 replica (1/4)", "replace 1 replica (2/4)", "replace 1 replica (3/4)", "replace 1 replica (4/4)"])
        XCTAssertEqual(rollout.plan.count, 8, "an analysis after each batch")
        let serving = F.serving()
        var generator = Xoshiro256StarStar(seed: 6)
        let effects = drive(&rollout, serving, until: SimTime(sinceEpoch: .hours(1)), generator: &generator)
        XCTAssertEqual(rollout.phase, .promoted)
        let tables = effects.routes.map(\.table)
        // Surge: a fifth replica starts without traffic, then takes its share once ready.
        XCTAssertEqual(tables[0].replicas, [VersionReplicas(version: 2, count: 4), VersionReplicas(version: 3, count: 1)])
        XCTAssertEqual(tables[0].percent(of: 3), 0)
        XCTAssertEqual(tables[1].replicas, [VersionReplicas(version: 2, count: 3), VersionReplicas(version: 3, count: 1)])
        XCTAssertEqual(tables[1].percent(of: 3), 25)
        XCTAssertEqual(tables.map { $0.percent(of: 3) }.filter { $0 > 0 }, [25, 25, 50, 50, 75, 75, 100])
        XCTAssertEqual(tables.last, .single(3, replicas: 4))
        XCTAssertEqual(effects.routes.last?.time, SimTime(sinceEpoch: .minutes(14)), "4 batches of 2m, 3 analyses of 2m in between")
    }

    func testSlowCandidateIsRolledBackReplicaByReplica() {
        var rollout = F.rollout(Self.strategy)
        let serving = F.serving { $0.p99 = 182 }
        var generator = Xoshiro256StarStar(seed: 6)
        let failedAt = SimTime(sinceEpoch: .minutes(4))
        var effects = drive(&rollout, serving, until: failedAt + .minutes(1), generator: &generator)
        XCTAssertEqual(rollout.phase, .rolledBack)
        XCTAssertEqual(rollout.reason, "rolled back: p99_latency_ms 182 >= 150 (threshold 150)")
        XCTAssertEqual(rollout.apply(.retry, at: failedAt + .minutes(1), by: "alice", reason: nil, candidateApproved: false),
                       .failure(RolloutRefusal("cannot retry yet: v2 is still being restored (until d0 00:06:00)")))
        effects += drive(&rollout, serving, until: SimTime(sinceEpoch: .hours(1)), generator: &generator)
        let afterFailure = effects.routes.filter { $0.time >= failedAt }
        XCTAssertEqual(afterFailure.map(\.time), [failedAt, failedAt + .minutes(2)], "restoring takes a batch interval")
        XCTAssertEqual(afterFailure.first?.table.percent(of: 3), 25, "the ready new replica serves until an old one is back")
        XCTAssertEqual(afterFailure.last?.table, .single(2, replicas: 4))
        XCTAssertEqual(effects.routeReasons.last, "rolled back: p99_latency_ms 182 >= 150 (threshold 150) (restoring v2: 4/4 replicas)")
        XCTAssertNil(rollout.nextWakeTime)
        XCTAssertNoThrow(try rollout.apply(.retry, at: failedAt + .minutes(3), by: "alice", reason: nil, candidateApproved: false).get())
        XCTAssertEqual(rollout.phase, .progressing)
    }
}
