import XCTest
import Engine

final class RolloutPlanEstimateTests: XCTestCase {
    private typealias F = RolloutFixtures

    private func estimate(_ strategy: StrategySpec, traffic: Double = 20, labelDelay: SimDuration = .zero)
        -> (toFullPromotion: SimDuration, toRollback: SimDuration, note: String) {
        var spec = F.deployment(strategy)
        spec.labelDelay = labelDelay
        return RolloutPlanEstimate.estimate(spec, trafficPerSecond: traffic)
    }

    func testCanaryAddsPausesAndAnalyses() {
        let canary = estimate(CanaryRolloutTests.strategy)
        XCTAssertEqual(canary.toFullPromotion, .minutes(20))
        XCTAssertEqual(canary.toRollback, .zero)
        XCTAssertEqual(canary.note, "one routing change")
        XCTAssertEqual(estimate(RolloutCommandTests.strategy).note, "one routing change + approval wait")
        XCTAssertEqual(estimate(FeatureFlagRolloutTests.strategy).toFullPromotion, .minutes(20))
    }

    func testBasicBlueGreenAndRolling() {
        let basic = estimate(BasicRolloutTests.strategy)
        XCTAssertEqual(basic.toFullPromotion, .seconds(330))
        XCTAssertEqual(basic.toRollback, .seconds(30))
        let blueGreen = estimate(BlueGreenRolloutTests.strategy)
        XCTAssertEqual(blueGreen.toFullPromotion, .minutes(5))
        XCTAssertEqual(blueGreen.toRollback, .zero)
        XCTAssertEqual(blueGreen.note, "instant rollback while the old environment is warm (30m after the switch)")
        let rolling = estimate(RollingRolloutTests.strategy)
        XCTAssertEqual(rolling.toFullPromotion, .minutes(16))
        XCTAssertEqual(rolling.toRollback, .minutes(8))
        XCTAssertEqual(estimate(ShadowRolloutTests.strategy).toFullPromotion, .minutes(10))
    }

    func testABTestAndBanditFromMinimumSamples() {
        // 2000 samples per arm at 10/s = 200s, read every minute: 4m.
        XCTAssertEqual(estimate(ABTestRolloutTests.strategy).toFullPromotion, .minutes(4))
        XCTAssertEqual(estimate(ABTestRolloutTests.strategy, labelDelay: .minutes(10)).toFullPromotion, .minutes(14))
        let starved = estimate(ABTestRolloutTests.strategy, traffic: 0.01)
        XCTAssertEqual(starved.toFullPromotion, .hours(6))
        XCTAssertTrue(starved.note.contains("max duration reached first"), starved.note)
        // 200 pulls per arm at 2/s = 100s, updated every minute: 2m.
        XCTAssertEqual(estimate(BanditRolloutTests.strategy, traffic: 4).toFullPromotion, .minutes(2))
    }

    func testTraitsFollowTheSlides() {
        XCTAssertEqual(Rollout.traits(of: ShadowRolloutTests.strategy),
                       StrategyTraits(noDowntime: true, conditionBased: false, rollbackTime: "n/a", additionalCost: "medium"))
        XCTAssertEqual(Rollout.traits(of: ABTestRolloutTests.strategy),
                       StrategyTraits(noDowntime: true, conditionBased: true, rollbackTime: "fast", additionalCost: "low"))
        XCTAssertEqual(Rollout.traits(of: BlueGreenRolloutTests.strategy),
                       StrategyTraits(noDowntime: true, conditionBased: false, rollbackTime: "instant", additionalCost: "high"))
    }
}
