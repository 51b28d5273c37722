import XCTest
@testable import Engine

/// Promotion policies: manual, two_person and auto, and what every decision
/// records.
final class ApprovalPolicyTests: XCTestCase {
    private let t0 = RT.hours(1)

    func testRegisteringNumbersVersionsPerModelAndRequestMakesACandidate() throws {
        let registry = try RT.registry([ModelSpec(id: "fraud"), ModelSpec(id: "churn")])
        XCTAssertEqual(RT.candidate(registry, "fraud", auc: 0.8, at: t0).version, 1)
        XCTAssertEqual(RT.candidate(registry, "churn", auc: 0.8, at: t0).version, 1)
        let second = RT.candidate(registry, "fraud", auc: 0.81, at: t0)
        XCTAssertEqual(second.version, 2)
        XCTAssertEqual(second.state, .candidate)
        XCTAssertEqual(registry.pendingRequests.map { "\($0.model) v\($0.version)" }, ["fraud v1", "churn v1", "fraud v2"])
    }

    func testReasonIsRequired() throws {
        let registry = try RT.registry([ModelSpec(id: "fraud")])
        RT.candidate(registry, auc: 0.8, at: t0)
        for reason in ["", "   ", "\n\t"] {
            XCTAssertEqual(RT.error(registry.decide(model: "fraud", version: 1, approve: true, identity: RT.identity("ana"), reason: reason, at: t0)),
                           .reasonRequired)
            XCTAssertEqual(RT.error(registry.decide(model: "fraud", version: 1, approve: false, identity: RT.identity("ana"), reason: reason, at: t0)),
                           .reasonRequired)
        }
        XCTAssertEqual(registry.decisions("fraud"), [])
        XCTAssertEqual(registry.version("fraud", 1)?.state, .candidate)
    }

    func testManualApprovalRecordsWhoWhenWhyAndEvidence() throws {
        let registry = try RT.registry([ModelSpec(id: "fraud")])
        RT.champion(registry, auc: 0.80, at: t0)
        RT.candidate(registry, auc: 0.85, at: t0)
        let shown = [EvidenceItem(metric: "auc", candidate: 0.85, champion: 0.80)]
        let outcome = try registry.decide(model: "fraud", version: 2, approve: true, identity: RT.identity("ana"),
                                          reason: "  better auc  ", evidence: shown, at: RT.hours(2)).get()
        XCTAssertEqual(outcome.status, .approved)
        XCTAssertEqual(outcome.version.state, .approved)
        let decision = try XCTUnwrap(registry.decisions("fraud", version: 2).last)
        XCTAssertEqual(decision.identity, RT.identity("ana"))
        XCTAssertEqual(decision.reason, "better auc")
        XCTAssertEqual(decision.evidence, shown)
        XCTAssertEqual(decision.at, RT.hours(2))
        XCTAssertEqual(decision.kind, .manual)
        // Without shown evidence, the evidence of the moment is recorded.
        RT.candidate(registry, auc: 0.79, at: RT.hours(2))
        let rejected = try registry.decide(model: "fraud", version: 3, approve: false, identity: RT.identity("bo"), reason: "worse", at: RT.hours(2)).get()
        XCTAssertEqual(rejected.version.state, .rejected)
        XCTAssertEqual(rejected.decision.evidence, [EvidenceItem(metric: "auc", candidate: 0.79, champion: 0.80),
                                                    EvidenceItem(metric: "accuracy", candidate: 0.9, champion: 0.9)])
    }

    func testDecidingWithoutAPendingRequestIsRefused() throws {
        let registry = try RT.registry([ModelSpec(id: "fraud")])
        RT.candidate(registry, auc: 0.8, at: t0)
        _ = try registry.decide(model: "fraud", version: 1, approve: true, identity: RT.identity("ana"), reason: "ok", at: t0).get()
        XCTAssertEqual(RT.error(registry.decide(model: "fraud", version: 1, approve: false, identity: RT.identity("bo"), reason: "no", at: t0)),
                       .noPendingApproval(model: "fraud", version: 1, state: .approved))
        XCTAssertEqual(RT.error(registry.decide(model: "fraud", version: 9, approve: true, identity: RT.identity("bo"), reason: "x", at: t0)),
                       .unknownVersion(model: "fraud", version: 9))
        XCTAssertEqual(RT.error(registry.decide(model: "nope", version: 1, approve: true, identity: RT.identity("bo"), reason: "x", at: t0)),
                       .unknownModel("nope", known: ["fraud"]))
    }

    func testTwoPersonRefusesTheSamePersonTwice() throws {
        let registry = try RT.registry([ModelSpec(id: "fraud", policy: .twoPerson)])
        RT.candidate(registry, auc: 0.8, at: t0)
        let first = try registry.decide(model: "fraud", version: 1, approve: true, identity: RT.identity("ana"), reason: "fine", at: t0).get()
        XCTAssertEqual(first.status, .pending)
        XCTAssertEqual(first.version.state, .candidate)
        XCTAssertTrue(first.message.contains("1 of 2"), first.message)
        XCTAssertEqual(RT.error(registry.decide(model: "fraud", version: 1, approve: true, identity: RT.identity("ana"), reason: "really", at: t0)),
                       .sameApprover(model: "fraud", version: 1, user: "ana"))
        XCTAssertEqual(registry.version("fraud", 1)?.state, .candidate)
        XCTAssertEqual(registry.decisions("fraud").count, 1)
    }

    func testTwoPersonNeedsTwoDifferentApprovers() throws {
        let registry = try RT.registry([ModelSpec(id: "fraud", policy: .twoPerson)])
        RT.candidate(registry, auc: 0.8, at: t0)
        _ = try registry.decide(model: "fraud", version: 1, approve: true, identity: RT.identity("ana"), reason: "fine", at: t0).get()
        let second = try registry.decide(model: "fraud", version: 1, approve: true, identity: RT.identity("bo"), reason: "agreed", at: t0).get()
        XCTAssertEqual(second.status, .approved)
        XCTAssertEqual(registry.version("fraud", 1)?.state, .approved)
        XCTAssertEqual(registry.requests("fraud").first?.approvers, ["ana", "bo"])
    }

    func testTwoPersonRejectByAnyoneRejects() throws {
        let registry = try RT.registry([ModelSpec(id: "fraud", policy: .twoPerson)])
        RT.candidate(registry, auc: 0.8, at: t0)
        _ = try registry.decide(model: "fraud", version: 1, approve: true, identity: RT.identity("ana"), reason: "fine", at: t0).get()
        let reject = try registry.decide(model: "fraud", version: 1, approve: false, identity: RT.identity("ana"), reason: "found a leak", at: t0).get()
        XCTAssertEqual(reject.status, .rejected)
        XCTAssertEqual(registry.version("fraud", 1)?.state, .rejected)
        // A rejected version may be asked for again: a new request, nobody approved yet.
        let again = try registry.requestApproval(model: "fraud", version: 1, at: t0).get()
        XCTAssertEqual(again.id, 2)
        XCTAssertEqual(again.approvers, [])
    }

    func testAutoRuleApprovesWhenItHolds() throws {
        let rule = try PromotionRule(parsing: "auc >= champion.auc + 0.005")
        let registry = try RT.registry([ModelSpec(id: "fraud", policy: .auto(rule))])
        let first = RT.candidate(registry, auc: 0.80, at: t0)
        XCTAssertEqual(first.state, .approved, "no champion yet: the champion comparison holds")
        _ = try registry.promote(model: "fraud", version: 1, by: "ana", at: t0).get()
        let better = RT.candidate(registry, auc: 0.81, at: RT.hours(2))
        XCTAssertEqual(better.state, .approved)
        let decision = try XCTUnwrap(registry.decisions("fraud", version: 2).last)
        XCTAssertEqual(decision.kind, .rule)
        XCTAssertEqual(decision.identity.user, "auto")
        XCTAssertTrue(decision.approve)
        XCTAssertEqual(decision.reason, "auto: rule 'auc >= champion.auc + 0.005' holds (auc = 0.81, champion.auc = 0.8)")
        XCTAssertEqual(registry.pendingRequests, [])
    }

    func testAutoRuleRejectsWhenItDoesNotHold() throws {
        let rule = try PromotionRule(parsing: "auc >= champion.auc + 0.005")
        let registry = try RT.registry([ModelSpec(id: "fraud", policy: .auto(rule))])
        RT.champion(registry, auc: 0.80, at: t0)
        let worse = RT.candidate(registry, auc: 0.804, at: RT.hours(2))
        XCTAssertEqual(worse.state, .rejected)
        let decision = try XCTUnwrap(registry.decisions("fraud", version: 2).last)
        XCTAssertFalse(decision.approve)
        XCTAssertEqual(decision.reason, "auto: rule 'auc >= champion.auc + 0.005' does not hold (auc = 0.804, champion.auc = 0.8)")
        XCTAssertEqual(registry.aliasVersion("fraud", alias: "champion"), 1)
    }

    func testPromoteNeedsApprovalAndSwapsProductionVersion() throws {
        let registry = try RT.registry([ModelSpec(id: "fraud")])
        RT.champion(registry, auc: 0.80, at: t0)
        RT.candidate(registry, auc: 0.85, at: t0)
        XCTAssertEqual(RT.error(registry.promote(model: "fraud", version: 2, by: "ana", at: t0)),
                       .invalidState(model: "fraud", version: 2, state: .candidate, action: "make champion", expected: "approved (approve it first)"))
        _ = try registry.decide(model: "fraud", version: 2, approve: true, identity: RT.identity("ana"), reason: "ok", at: t0).get()
        let move = try XCTUnwrap(registry.promote(model: "fraud", version: 2, by: "ana", at: RT.hours(3)).get())
        XCTAssertEqual(move.version, 2)
        XCTAssertEqual(registry.version("fraud", 2)?.state, .production)
        XCTAssertEqual(registry.version("fraud", 1)?.state, .approved)
        XCTAssertNil(try registry.promote(model: "fraud", version: 2, by: "ana", at: RT.hours(3)).get(), "already champion")
    }

    func testRuntimeMismatchNamesWhatDiffers() throws {
        let registry = try RT.registry([ModelSpec(id: "fraud")])
        let version = RT.candidate(registry, auc: 0.8, at: t0)
        XCTAssertNil(version.runtimeMismatch(current: RT.runtime))
        let other = RuntimeEnvironment(flightdeckVersion: "0.4.0", swiftVersion: "6.2", os: "Debian 12")
        XCTAssertEqual(version.runtimeMismatch(current: other),
                       "fraud v1 was trained in a different runtime: swift 6.3.1 -> 6.2, os Ubuntu 24.04 -> Debian 12")
    }
}
