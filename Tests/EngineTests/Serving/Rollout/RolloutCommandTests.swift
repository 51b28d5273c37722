import XCTest
import Engine

final class RolloutCommandTests: XCTestCase {
    private typealias F = RolloutFixtures

    static let strategy = StrategySpec.canary(CanaryStrategy(steps: [.weight(10), .approval, .weight(50), .pause(.minutes(30)), .weight(100)]))

    private func at(_ minutes: Int64) -> SimTime { SimTime(sinceEpoch: .minutes(minutes)) }

    private func started() -> (Rollout, FakeServing) {
        var rollout = F.rollout(Self.strategy)
        let serving = F.serving()
        var generator = Xoshiro256StarStar(seed: 1)
        let effects = rollout.evaluate(at: .zero, metrics: serving, candidateApproved: false, using: &generator)
        XCTAssertEqual(effects.last, .requestApproval(version: 3))
        XCTAssertEqual(rollout.phase, .awaitingApproval)
        XCTAssertEqual(rollout.reason, "waiting for approval of v3")
        return (rollout, serving)
    }

    func testPromotePastAnApprovalGateNeedsAReasonAndRecordsTheApproval() throws {
        var (rollout, _) = started()
        XCTAssertEqual(rollout.apply(.promote, at: at(1), by: "alice", reason: nil, candidateApproved: false),
                       .failure(RolloutRefusal("promote at an approval gate needs a reason (it records the approval of v3)")))
        let effects = try rollout.apply(.promote, at: at(1), by: "alice", reason: "metrics look fine", candidateApproved: false).get()
        XCTAssertEqual(effects.first, .recordApproval(version: 3, by: "alice", reason: "metrics look fine"))
        XCTAssertTrue(effects.contains(.route(rollout.routing, why: "canary step 3/5: weight 50%")))
        XCTAssertEqual(rollout.phase, .paused)
        XCTAssertEqual(rollout.reason, "paused: waiting 30m (until d0 00:31:00)")
        XCTAssertEqual(rollout.stepIndex, 3)
        XCTAssertEqual(rollout.plan.map(\.status), [.done, .done, .done, .current, .pending])
    }

    func testOperatorPauseStopsTheClockOfAPauseStep() throws {
        var (rollout, serving) = started()
        _ = try rollout.apply(.promote, at: .zero, by: "alice", reason: "ok", candidateApproved: false).get()
        XCTAssertEqual(rollout.nextWakeTime, at(30))
        _ = try rollout.apply(.pause, at: at(5), by: "bob", reason: "checking dashboards", candidateApproved: true).get()
        XCTAssertEqual(rollout.phase, .paused)
        XCTAssertEqual(rollout.reason, "paused by bob: checking dashboards")
        XCTAssertNil(rollout.nextWakeTime)
        XCTAssertEqual(rollout.apply(.pause, at: at(6), by: "alice", reason: nil, candidateApproved: true),
                       .failure(RolloutRefusal("already paused by bob")))
        var generator = Xoshiro256StarStar(seed: 1)
        XCTAssertEqual(rollout.evaluate(at: at(40), metrics: serving, candidateApproved: true, using: &generator), [], "held: nothing moves")
        _ = try rollout.apply(.resume, at: at(15), by: "bob", reason: nil, candidateApproved: true).get()
        XCTAssertEqual(rollout.nextWakeTime, at(40), "10 minutes held move the pause's end 10 minutes later")
        XCTAssertEqual(rollout.reason, "paused: waiting 30m (until d0 00:30:00)")
        XCTAssertEqual(rollout.apply(.resume, at: at(16), by: "bob", reason: nil, candidateApproved: true),
                       .failure(RolloutRefusal("cannot resume: the rollout is not paused by an operator (it is paused)")))
        // promote skips the pause step.
        let effects = try rollout.apply(.promote, at: at(16), by: "bob", reason: nil, candidateApproved: true).get()
        XCTAssertEqual(rollout.phase, .promoted)
        XCTAssertEqual(effects.last, .promoted(version: 3))
        XCTAssertEqual(rollout.plan.map(\.status), [.done, .done, .done, .skipped, .done])
        XCTAssertEqual(rollout.apply(.retry, at: at(17), by: "bob", reason: nil, candidateApproved: true),
                       .failure(RolloutRefusal("cannot retry: only an aborted or rolled-back rollout can start again (it is promoted)")))
        XCTAssertEqual(rollout.apply(.pause, at: at(17), by: "bob", reason: nil, candidateApproved: true),
                       .failure(RolloutRefusal("cannot pause: the rollout of v3 is promoted")))
    }

    func testAbortNeedsAReasonAndRetryStartsAgainAtStepOne() throws {
        var (rollout, _) = started()
        XCTAssertEqual(rollout.apply(.abort, at: at(2), by: "alice", reason: "  ", candidateApproved: false),
                       .failure(RolloutRefusal("abort needs a reason")))
        let aborted = try rollout.apply(.abort, at: at(2), by: "alice", reason: "customer complaints", candidateApproved: false).get()
        XCTAssertEqual(aborted, [.route(.single(2, replicas: 4), why: "aborted by alice: customer complaints"),
                                 .aborted(reason: "aborted by alice: customer complaints")])
        XCTAssertEqual(rollout.phase, .aborted)
        XCTAssertEqual(rollout.plan.map(\.status), [.done, .failed, .pending, .pending, .pending])
        let retried = try rollout.apply(.retry, at: at(3), by: "alice", reason: nil, candidateApproved: false).get()
        XCTAssertEqual(retried.dropFirst().first, .route(rollout.routing, why: "canary step 1/5: weight 10%"))
        XCTAssertEqual(rollout.routing.percent(of: 3), 10)
        XCTAssertEqual(rollout.phase, .awaitingApproval, "back at the first step that waits")
        XCTAssertEqual(rollout.stepIndex, 1)
        XCTAssertEqual(rollout.plan.map(\.status), [.done, .current, .pending, .pending, .pending])
        XCTAssertEqual(rollout.startedAt, at(3))
    }

    func testPromoteFullNeedsAReasonWhileUnapproved() throws {
        var (rollout, _) = started()
        XCTAssertEqual(rollout.apply(.promoteFull, at: at(1), by: "alice", reason: nil, candidateApproved: false),
                       .failure(RolloutRefusal("promote --full needs a reason: v3 is not approved yet")))
        let effects = try rollout.apply(.promoteFull, at: at(1), by: "alice", reason: "hotfix", candidateApproved: false).get()
        XCTAssertEqual(effects.first, .recordApproval(version: 3, by: "alice", reason: "hotfix"))
        XCTAssertEqual(effects.last, .promoted(version: 3))
        XCTAssertEqual(rollout.routing, .single(3, replicas: 4))
        XCTAssertEqual(rollout.reason, "promoted: v3 serves 100% (promoted fully by alice: hotfix)")
    }

    func testSetWeightWithinThePlansBounds() throws {
        var (rollout, _) = started()
        XCTAssertEqual(rollout.weightBounds, 10...50)
        XCTAssertEqual(rollout.setWeight(60, at: at(1), by: "alice"),
                       .failure(RolloutRefusal("weight 60% is outside the plan's bounds 10%-50%")))
        XCTAssertEqual(rollout.setWeight(5, at: at(1), by: "alice"),
                       .failure(RolloutRefusal("weight 5% is outside the plan's bounds 10%-50%")))
        let effects = try rollout.setWeight(30, at: at(1), by: "alice").get()
        XCTAssertEqual(effects, [.route(rollout.routing, why: "weight set to 30% by alice")])
        XCTAssertEqual(rollout.routing.percent(of: 3), 30)
        XCTAssertEqual(rollout.routing.percent(of: 2), 70)

        var blueGreen = F.rollout(BlueGreenRolloutTests.strategy)
        XCTAssertEqual(blueGreen.setWeight(30, at: at(1), by: "alice"),
                       .failure(RolloutRefusal("blue_green has no adjustable weight (only canary and feature_flag)")))
        var flag = F.rollout(FeatureFlagRolloutTests.strategy)
        XCTAssertEqual(try flag.setWeight(20, at: at(1), by: "alice").get().first,
                       .route(flag.routing, why: "weight set to 20% by alice"))
        XCTAssertEqual(flag.routing.split, .user)
    }

    func testInconclusiveAnalysisWaitsForTheOperator() throws {
        let strategy = StrategySpec.canary(CanaryStrategy(steps: [.weight(10), .analysis(F.analysis([F.errorRate], count: 1)), .weight(100)]))
        var rollout = F.rollout(strategy)
        let serving = F.serving(rate: 1)
        var generator = Xoshiro256StarStar(seed: 2)
        drive(&rollout, serving, until: SimTime(sinceEpoch: .hours(1)), generator: &generator)
        XCTAssertEqual(rollout.phase, .inconclusive)
        XCTAssertTrue(rollout.reason.hasPrefix("inconclusive: analysis: only "), rollout.reason)
        XCTAssertEqual(rollout.nextWakeTime, nil)
        _ = try rollout.apply(.resume, at: at(10), by: "alice", reason: nil, candidateApproved: false).get()
        XCTAssertEqual(rollout.phase, .progressing)
        XCTAssertEqual(rollout.nextWakeTime, at(15), "measures again")
        let effects = try rollout.apply(.promote, at: at(11), by: "alice", reason: nil, candidateApproved: false).get()
        XCTAssertEqual(effects.last, .promoted(version: 3))
        XCTAssertEqual(rollout.plan.map(\.status), [.done, .skipped, .done])
    }
}
