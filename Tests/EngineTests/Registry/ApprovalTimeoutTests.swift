import XCTest
@testable import Engine

/// Approval requests with a timeout get their default decision at the
/// deadline on simulated time.
final class ApprovalTimeoutTests: XCTestCase {
    private let spec = ModelSpec(id: "fraud", approvalTimeout: .hours(24), onTimeout: .reject)

    func testRegistryExpiresOnlyRequestsThatAreDue() throws {
        let registry = try RT.registry([spec, ModelSpec(id: "churn", approvalTimeout: .hours(2), onTimeout: .approve)])
        RT.candidate(registry, "fraud", auc: 0.8, at: RT.hours(1))
        RT.candidate(registry, "churn", auc: 0.8, at: RT.hours(3))
        XCTAssertEqual(registry.nextTimeoutAt, RT.hours(5))
        XCTAssertEqual(registry.expire(at: RT.hours(5) - .milliseconds(1)), [])
        let first = registry.expire(at: RT.hours(5))
        XCTAssertEqual(first.map(\.decision.reason), ["timed out after 2h: approved by default"])
        XCTAssertEqual(registry.version("churn", 1)?.state, .approved)
        XCTAssertEqual(registry.nextTimeoutAt, RT.hours(25))
        let second = registry.expire(at: RT.hours(100))
        XCTAssertEqual(second.count, 1)
        let decision = second[0].decision
        XCTAssertEqual(decision.reason, "timed out after 24h: rejected by default")
        XCTAssertEqual(decision.at, RT.hours(25), "dated at the deadline, not when expire ran")
        XCTAssertEqual(decision.kind, .timeout)
        XCTAssertEqual(decision.identity.user, "timeout")
        XCTAssertEqual(registry.version("fraud", 1)?.state, .rejected)
        XCTAssertNil(registry.nextTimeoutAt)
    }

    func testDecidedRequestsDoNotTimeOut() throws {
        let registry = try RT.registry([spec])
        RT.candidate(registry, auc: 0.8, at: RT.hours(1))
        _ = try registry.decide(model: "fraud", version: 1, approve: true, identity: RT.identity("ana"), reason: "ok", at: RT.hours(2)).get()
        XCTAssertNil(registry.nextTimeoutAt)
        XCTAssertEqual(registry.expire(at: RT.hours(48)), [])
        XCTAssertEqual(registry.version("fraud", 1)?.state, .approved)
    }

    func testEngineAppliesTheDefaultAtTheDeadline() throws {
        var project = ProjectSpec(name: "timeouts")
        project.models = [spec]
        let engine = try Engine(configuration: EngineConfiguration(projectName: "timeouts", seed: 1), project: project)
        engine.advance(to: RT.hours(1))
        let version = try engine.registerModelVersion(model: "fraud", lineage: RT.lineage(), metrics: RT.metrics(auc: 0.8),
                                                      artifact: RT.artifact(1))
        XCTAssertEqual(version.state, .candidate)
        XCTAssertEqual(engine.snapshot().pendingApprovals.map(\.deadline), [RT.hours(25)])
        XCTAssertEqual(engine.nextEventTime, RT.hours(25))

        engine.advance(to: RT.hours(25) - .milliseconds(1))
        XCTAssertEqual(engine.registry?.version("fraud", 1)?.state, .candidate)
        engine.advance(to: RT.hours(25))
        XCTAssertEqual(engine.registry?.version("fraud", 1)?.state, .rejected)
        let decision = try XCTUnwrap(engine.registry?.decisions("fraud").last)
        XCTAssertEqual(decision.at, RT.hours(25))
        XCTAssertEqual(decision.reason, "timed out after 24h: rejected by default")
        XCTAssertEqual(engine.snapshot().pendingApprovals, [])
        XCTAssertTrue(engine.eventLog.last(1).first?.message.contains("timed out after 24h") ?? false)
    }

    func testAnApprovalBeforeTheDeadlineCancelsTheTimeout() throws {
        var project = ProjectSpec(name: "timeouts")
        project.models = [spec]
        let engine = try Engine(configuration: EngineConfiguration(projectName: "timeouts", seed: 1), project: project)
        try engine.registerModelVersion(model: "fraud", lineage: RT.lineage(), metrics: RT.metrics(auc: 0.8), artifact: nil)
        engine.advance(to: RT.hours(3))
        let result = engine.apply(.approve(model: "fraud", version: 1, reason: "good", identity: RT.identity("ana")))
        XCTAssertTrue(result.isApplied, result.message)
        XCTAssertNil(engine.nextEventTime, "the timeout event was cancelled")
        engine.advance(to: RT.hours(48))
        XCTAssertEqual(engine.registry?.version("fraud", 1)?.state, .approved)
        XCTAssertEqual(engine.registry?.decisions("fraud").count, 1)
    }
}
