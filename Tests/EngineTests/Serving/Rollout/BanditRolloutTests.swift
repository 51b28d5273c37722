import XCTest
import Engine

final class BanditRolloutTests: XCTestCase {
    private typealias F = RolloutFixtures

    static let strategy = StrategySpec.bandit(BanditStrategy(algorithm: .thompson, updateEvery: .minutes(1), minPulls: 200, confidence: 0.99,
                                                             maxDuration: .hours(6)))

    func testConvergesOnTheBetterArm() throws {
        var rollout = F.rollout(Self.strategy)
        let serving = F.serving(rate: 4) { $0.accuracy = 0.95 }
        serving.versions[0].accuracy = 0.85
        var generator = Xoshiro256StarStar(seed: 10)
        let effects = drive(&rollout, serving, until: SimTime(sinceEpoch: .hours(7)), generator: &generator)
        XCTAssertEqual(rollout.phase, .promoted)
        let summary = try XCTUnwrap(rollout.banditSummary)
        let candidate = try XCTUnwrap(summary.arms.first { $0.version == 3 })
        let stable = try XCTUnwrap(summary.arms.first { $0.version == 2 })
        XCTAssertGreaterThan(candidate.probabilityBest, 0.95)
        XCTAssertGreaterThan(candidate.pulls, stable.pulls, "most pulls go to the better arm")
        XCTAssertGreaterThanOrEqual(stable.pulls, 200)
        XCTAssertGreaterThan(summary.regret, 0)
        XCTAssertGreaterThan(candidate.mean, stable.mean)
        XCTAssertGreaterThan(effects.routeReasons.filter { $0.contains("bandit update") }.count, 1)
    }

    func testWorseCandidateRollsBack() {
        var rollout = F.rollout(Self.strategy)
        let serving = F.serving(rate: 4) { $0.accuracy = 0.8 }
        var generator = Xoshiro256StarStar(seed: 10)
        drive(&rollout, serving, until: SimTime(sinceEpoch: .hours(7)), generator: &generator)
        XCTAssertEqual(rollout.phase, .rolledBack)
        XCTAssertTrue(rollout.reason.hasPrefix("rolled back: bandit: v2 best with P "), rollout.reason)
        XCTAssertEqual(rollout.routing, .single(2, replicas: 4))
    }

    func testPinFreezeAndRelease() throws {
        var rollout = F.rollout(.bandit(BanditStrategy(algorithm: .epsilonGreedy(epsilon: 0.1), minPulls: 100_000)))
        let serving = F.serving(rate: 10) { $0.accuracy = 0.95 }
        var generator = Xoshiro256StarStar(seed: 11)
        XCTAssertEqual(rollout.hold(arm: 3, .pin, at: .zero, by: "alice"), .failure(RolloutRefusal("the bandit has not started yet")))
        drive(&rollout, serving, until: SimTime(sinceEpoch: .minutes(5)), generator: &generator)
        XCTAssertEqual(rollout.routing.percent(of: 3), 90, "epsilon-greedy: the best mean gets 1 - epsilon")
        let now = SimTime(sinceEpoch: .minutes(5))
        _ = try rollout.hold(arm: 2, .pin, at: now, by: "alice").get()
        XCTAssertEqual(rollout.routing.percent(of: 2), 100)
        XCTAssertEqual(rollout.banditSummary?.arms.first?.pinned, true)
        drive(&rollout, serving, until: SimTime(sinceEpoch: .minutes(8)), generator: &generator)
        XCTAssertEqual(rollout.routing.percent(of: 2), 100, "a pinned arm keeps all traffic through updates")
        _ = try rollout.hold(arm: 2, .release, at: now, by: "alice").get()
        XCTAssertEqual(rollout.routing.percent(of: 3), 90)
        _ = try rollout.hold(arm: 3, .freeze, at: now, by: "alice").get()
        XCTAssertEqual(rollout.banditSummary?.arms.last?.frozen, true)
        XCTAssertEqual(rollout.hold(arm: 7, .pin, at: now, by: "alice"), .failure(RolloutRefusal("v7 is not an arm (arms: v2, v3)")))
        var canary = F.rollout(CanaryRolloutTests.strategy)
        XCTAssertEqual(canary.hold(arm: 3, .pin, at: now, by: "alice"), .failure(RolloutRefusal("canary has no bandit arms")))
    }
}
