import Foundation
import XCTest
@testable import Engine

/// What the engine does by itself is audited as user `flightdeck`, source
/// `automatic`, stamped with the host's wall clock: approval timeouts, the
/// embedded demo's schedules, `on_alert` retrains, rollout steps and
/// rollbacks; records made before a sink is attached reach it too.
final class AutomaticAuditTests: XCTestCase {
    private let wall = "2026-11-22T06:00:00Z"

    func testAnApprovalTimeoutIsAudited() throws {
        var project = ProjectSpec(name: "timeouts")
        project.models = [ModelSpec(id: "fraud", approvalTimeout: .hours(24), onTimeout: .reject)]
        let engine = try Engine(configuration: EngineConfiguration(projectName: "timeouts", seed: 1), project: project)
        let log = InMemoryAuditLog()
        engine.attachAuditSink(log)
        engine.wallClock = { self.wall }
        try engine.registerModelVersion(model: "fraud", lineage: RT.lineage(), metrics: RT.metrics(auc: 0.8), artifact: RT.artifact(1))
        engine.advance(to: RT.hours(25))
        let timeout = try XCTUnwrap(log.entries.last?.record)
        XCTAssertEqual(timeout.action, "approval-timeout")
        XCTAssertEqual(timeout.target, "fraud v1")
        XCTAssertEqual(timeout.reason, "timed out after 24h: rejected by default")
        XCTAssertEqual(timeout.user, CommandOrigin.automaticUser)
        XCTAssertEqual(timeout.source, .automatic)
        XCTAssertEqual(timeout.wallTime, wall)
        XCTAssertEqual(timeout.simTime, RT.hours(24), "the deadline: registered at 0 with a 24h timeout")
        XCTAssertEqual(engine.snapshot().audit.last, timeout, "the snapshot carries the recent records")
        XCTAssertTrue(log.verify().isIntact)
    }

    func testAnAutoPolicyDecisionIsAudited() throws {
        var project = ProjectSpec(name: "auto")
        project.models = [ModelSpec(id: "churn", policy: .auto(try PromotionRule(parsing: "auc >= champion.auc")))]
        let engine = try Engine(configuration: EngineConfiguration(projectName: "auto", seed: 1), project: project)
        try engine.registerModelVersion(model: "churn", lineage: RT.lineage(), metrics: RT.metrics(auc: 0.8), artifact: RT.artifact(1))
        let decision = try XCTUnwrap(engine.recentAudit.elements.first { $0.action == "auto-approved" })
        XCTAssertEqual(decision.target, "churn v1")
        XCTAssertEqual(decision.source, .automatic)
        XCTAssertNotNil(decision.reason)
    }

    func testRecordsMadeBeforeTheSinkIsAttachedAreWrittenOnce() {
        let engine = Engine(configuration: EngineConfiguration(projectName: "p", seed: 1))
        engine.recordAutomaticAudit(action: "schedule", target: "retrain run 1", reason: "schedule d0 12:00", message: "queued")
        let log = InMemoryAuditLog()
        engine.attachAuditSink(log)
        engine.apply(.pause, origin: CommandOrigin(user: "alice", source: .key))
        XCTAssertEqual(log.entries.map(\.record.action), ["schedule", "pause"])
        engine.attachAuditSink(InMemoryAuditLog())
        XCTAssertEqual(log.entries.count, 2, "a second attach writes nothing old again")
    }

    func testAFailingSinkIsReportedNotFatal() {
        final class FullDisk: AuditSink {
            func append(_ record: AuditRecord) throws { throw StoreError(path: "/x", operation: "append", message: "disk full") }
        }
        let engine = Engine(configuration: EngineConfiguration(projectName: "p", seed: 1))
        engine.attachAuditSink(FullDisk())
        XCTAssertEqual(engine.apply(.pause, origin: CommandOrigin(user: "alice", source: .key)).outcome, .applied)
        XCTAssertEqual(engine.auditError, "could not write the audit log: state database /x: cannot append: disk full")
        XCTAssertEqual(engine.snapshot().auditError, engine.auditError)
    }

    func testTheDemoAuditsItsOwnSchedulesRetrainsAndRollouts() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("flightdeck-audit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let spec = try ProjectLoader.embeddedDemo(builtins: BuiltinRegistry.standard.names).get()
        let engine = try Engine(configuration: EngineConfiguration(projectName: spec.name, seed: spec.seed), project: spec,
                                shell: ProcessShellLauncher(), workingDirectory: directory.path)
        let log = InMemoryAuditLog()
        engine.attachAuditSink(log)
        engine.runUntilIdle(maxTime: .zero + .hours(4), waitForShell: true)
        let records = log.entries.map(\.record)
        XCTAssertTrue(records.allSatisfy { $0.source == .automatic && $0.user == CommandOrigin.automaticUser })
        let actions = Set(records.map(\.action))
        for expected in ["deploy", "schedule", "trigger", "rollout-start", "rollout-step", "rollout-rollback", "request-approval"] {
            XCTAssertTrue(actions.contains(expected), "\(expected) not in \(actions.sorted())")
        }
        let retrain = try XCTUnwrap(records.first { $0.action == "trigger" })
        XCTAssertTrue(retrain.target.hasPrefix("retrain run "), retrain.target)
        XCTAssertTrue(retrain.reason?.hasPrefix("on_alert amount-drift: ") ?? false, retrain.reason ?? "nil")
        let rollback = try XCTUnwrap(records.first { $0.action == "rollout-rollback" })
        XCTAssertTrue(rollback.reason?.contains("latency_ms") ?? false, rollback.reason ?? "nil")
        XCTAssertTrue(log.verify().isIntact)
        XCTAssertEqual(log.entries.map(\.seq), Array(1...Int64(log.entries.count)))
    }
}
