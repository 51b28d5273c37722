import XCTest
import Engine

final class ABTestRolloutTests: XCTestCase {
    private typealias F = RolloutFixtures

    static let strategy = StrategySpec.abTest(ABTestStrategy(candidatePercent: 50, kpi: .accuracy, minSamples: 2000, alpha: 0.05,
                                                             maxDuration: .hours(6), requiresApproval: false))

    func testZTestOnKnownCounts() {
        let test = TwoProportionZTest(successesA: 900, samplesA: 1000, successesB: 950, samplesB: 1000)
        XCTAssertEqual(test.z, 4.24476359978009, accuracy: 1e-9)
        XCTAssertEqual(test.pValue, 2.1882399336140156e-05, accuracy: 1e-9)
        XCTAssertEqual(TwoProportionZTest.erfc(1), 0.15729920705028513, accuracy: 1e-7)
        XCTAssertEqual(TwoProportionZTest.erfc(-0.5), 1.5204998778130465, accuracy: 1e-7)
        XCTAssertEqual(TwoProportionZTest(successesA: 500, samplesA: 1000, successesB: 500, samplesB: 1000).pValue, 1, accuracy: 1e-7)
        XCTAssertEqual(TwoProportionZTest(successesA: 10, samplesA: 10, successesB: 10, samplesB: 10).pValue, 1)
    }

    func testClearlyBetterCandidateWins() {
        var rollout = F.rollout(Self.strategy)
        let serving = F.serving { $0.accuracy = 0.95 }
        var generator = Xoshiro256StarStar(seed: 9)
        let effects = drive(&rollout, serving, until: SimTime(sinceEpoch: .hours(7)), generator: &generator)
        XCTAssertEqual(rollout.phase, .promoted)
        XCTAssertEqual(effects.routes.first?.table.split, .user)
        XCTAssertEqual(effects.routes.first?.table.percent(of: 3), 50)
        let summary = rollout.abTestSummary
        XCTAssertEqual(summary?.verdict.hasPrefix("winner: v3"), true, summary?.verdict ?? "")
        XCTAssertGreaterThanOrEqual(summary?.candidateSamples ?? 0, 2000)
        XCTAssertLessThan(summary?.pValue ?? 1, 0.025)
        XCTAssertLessThan(effects.routes.last?.time ?? .zero, SimTime(sinceEpoch: .minutes(10)), "decided at the first look")
    }

    func testBetterStableRollsBack() {
        var rollout = F.rollout(Self.strategy)
        let serving = F.serving { $0.accuracy = 0.85 }
        var generator = Xoshiro256StarStar(seed: 9)
        drive(&rollout, serving, until: SimTime(sinceEpoch: .hours(7)), generator: &generator)
        XCTAssertEqual(rollout.phase, .rolledBack)
        XCTAssertTrue(rollout.reason.hasPrefix("rolled back: A/B test: v2 wins on accuracy"), rollout.reason)
        XCTAssertEqual(rollout.routing, .single(2, replicas: 4))
    }

    func testNoEffectEndsInconclusiveAtMaxDuration() {
        var rollout = F.rollout(Self.strategy)
        let serving = F.serving()
        var generator = Xoshiro256StarStar(seed: 9)
        let effects = drive(&rollout, serving, until: SimTime(sinceEpoch: .hours(7)), generator: &generator)
        XCTAssertEqual(rollout.phase, .rolledBack)
        XCTAssertTrue(rollout.reason.hasPrefix("rolled back: A/B test inconclusive after 6h"), rollout.reason)
        XCTAssertEqual(effects.routes.last?.time, SimTime(sinceEpoch: .hours(6)))
        XCTAssertEqual(rollout.abTestSummary?.verdict.hasPrefix("inconclusive after 6h"), true)
    }
}
