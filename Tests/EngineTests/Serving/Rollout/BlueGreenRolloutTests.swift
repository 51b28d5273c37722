import XCTest
import Engine

final class BlueGreenRolloutTests: XCTestCase {
    private typealias F = RolloutFixtures

    static let strategy = StrategySpec.blueGreen(BlueGreenStrategy(
        previewMirrorPercent: 100, prePromotionAnalysis: F.analysis([F.errorRate, F.p99], count: 1), autoPromote: true,
        postPromotionAnalysis: F.analysis([F.errorRate, F.p99, F.accuracy], count: 2), scaleDownDelay: .minutes(30)))

    func testPreviewSwitchAndScaleDownAfterTheDelay() {
        var rollout = F.rollout(Self.strategy)
        XCTAssertEqual(rollout.plan.map(\.text), [
            "deploy preview v3 (4 replicas), mirror 100%", "pre-promotion analysis: error_rate < 1%, p99_latency_ms < 150",
            "switch to v3 (v2 kept warm)", "post-promotion analysis: error_rate < 1%, p99_latency_ms < 150, accuracy >= stable - 0.02",
            "scale down v2 30m after the switch",
        ])
        let serving = F.serving { $0.accuracy = 0.91 }
        var generator = Xoshiro256StarStar(seed: 5)
        let effects = drive(&rollout, serving, until: SimTime(sinceEpoch: .hours(2)), generator: &generator)
        XCTAssertEqual(rollout.phase, .promoted)
        let routes = effects.routes
        XCTAssertEqual(routes.map(\.time), [.zero, SimTime(sinceEpoch: .minutes(5)), SimTime(sinceEpoch: .minutes(35))])
        XCTAssertEqual(routes[1].table.percent(of: 3), 100)
        XCTAssertEqual(routes[1].table.replicas, [VersionReplicas(version: 2, count: 4), VersionReplicas(version: 3, count: 4)],
                       "both environments run while the old one is warm")
        XCTAssertEqual(routes[2].table, .single(3, replicas: 4), "the old environment goes to 0 replicas")
        XCTAssertEqual(effects.last?.effect, .promoted(version: 3))
    }

    func testPostPromotionFailureSwitchesBackAtTheSameSimulatedTime() {
        var rollout = F.rollout(Self.strategy)
        let serving = F.serving { $0.accuracy = 0.75 }
        var generator = Xoshiro256StarStar(seed: 5)
        let effects = drive(&rollout, serving, until: SimTime(sinceEpoch: .hours(2)), generator: &generator)
        XCTAssertEqual(rollout.phase, .rolledBack)
        XCTAssertTrue(rollout.reason.hasPrefix("rolled back: accuracy 0.7"), rollout.reason)
        let measuredAt = SimTime(sinceEpoch: .minutes(10))
        XCTAssertEqual(effects.routes.last?.table, .single(2, replicas: 4))
        XCTAssertEqual(effects.routes.last?.time, measuredAt, "rollback takes no simulated time")
        let rolledBack = effects.first { if case .rolledBack = $0.effect { return true } else { return false } }
        XCTAssertEqual(rolledBack?.time, measuredAt)
        XCTAssertNil(rollout.nextWakeTime)
    }

    func testOperatorAbortWhileWarmIsInstant() {
        var rollout = F.rollout(Self.strategy)
        let serving = F.serving()
        var generator = Xoshiro256StarStar(seed: 5)
        drive(&rollout, serving, until: SimTime(sinceEpoch: .minutes(7)), generator: &generator)
        XCTAssertEqual(rollout.routing.percent(of: 3), 100)
        let now = SimTime(sinceEpoch: .minutes(7))
        let result = rollout.apply(.abort, at: now, by: "alice", reason: "pager", candidateApproved: false)
        XCTAssertEqual(try result.get(), [.route(.single(2, replicas: 4), why: "aborted by alice: pager"), .aborted(reason: "aborted by alice: pager")])
        XCTAssertEqual(rollout.routing, .single(2, replicas: 4))
    }
}
