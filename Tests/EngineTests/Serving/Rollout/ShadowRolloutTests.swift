import XCTest
import Engine

final class ShadowRolloutTests: XCTestCase {
    private typealias F = RolloutFixtures

    static let strategy = StrategySpec.shadow(ShadowStrategy(
        mirrorPercent: 100, analysis: F.analysis([F.errorRate, F.p99, F.accuracy, F.agreement], count: 2), requiresApproval: true))

    func testMirrorsAnalysesWaitsForApprovalThenSwitches() {
        var rollout = F.rollout(Self.strategy)
        XCTAssertEqual(rollout.plan.map(\.text), [
            "mirror 100% for 10m", "analysis: error_rate < 1%, p99_latency_ms < 150, accuracy >= stable - 0.02, agreement >= 90%",
            "wait for approval", "switch to v3",
        ])
        let serving = F.serving { $0.accuracy = 0.91 }
        var generator = Xoshiro256StarStar(seed: 4)
        let before = drive(&rollout, serving, until: SimTime(sinceEpoch: .hours(1)), generator: &generator)
        XCTAssertEqual(rollout.phase, .awaitingApproval)
        XCTAssertTrue(before.contains(.requestApproval(version: 3)))
        XCTAssertEqual(before.routes.map(\.table.mirror), [MirrorRoute(version: 3, percent: 100)])
        XCTAssertTrue(before.routes.allSatisfy { $0.table.percent(of: 2) == 100 && $0.table.percent(of: 3) == 0 },
                      "shadow never changes live answers")
        XCTAssertEqual(serving.totals(version: 3).requests, 0, "no live request reached the candidate")
        XCTAssertGreaterThan(serving.totals(version: 3).mirrored, 10_000)
        XCTAssertEqual(rollout.analysisVerdict, "passed 2/2 measurements")
        XCTAssertNil(rollout.nextWakeTime)

        let after = rollout.evaluate(at: SimTime(sinceEpoch: .minutes(12)), metrics: serving, candidateApproved: true, using: &generator)
        XCTAssertEqual(rollout.phase, .promoted)
        let tables: [RoutingTable] = after.compactMap { if case .route(let table, _) = $0 { return table } else { return nil } }
        XCTAssertEqual(tables, [.single(3, replicas: 4)])
        XCTAssertEqual(after.last, .promoted(version: 3))
    }

    func testLessAccurateShadowIsRolledBackBeforeAnyUserSeesIt() {
        var rollout = F.rollout(Self.strategy)
        let serving = F.serving { $0.accuracy = 0.75; $0.agreement = 0.8 }
        var generator = Xoshiro256StarStar(seed: 4)
        let effects = drive(&rollout, serving, until: SimTime(sinceEpoch: .hours(1)), generator: &generator)
        XCTAssertEqual(rollout.phase, .rolledBack)
        XCTAssertTrue(rollout.reason.hasPrefix("rolled back: accuracy 0.7"), rollout.reason)
        XCTAssertEqual(effects.routes.last?.table, .single(2, replicas: 4))
        XCTAssertEqual(effects.routes.last?.time, SimTime(sinceEpoch: .minutes(5)))
        XCTAssertEqual(serving.totals(version: 3).requests, 0)
        XCTAssertEqual(rollout.analysisChecks.map(\.outcome), [.pass, .pass, .fail, .fail])
    }
}
