import Foundation
import XCTest
@testable import Engine

/// The embedded demo's continuous-training loop on simulated time: the
/// amounts drift, `amount-drift` fires, `retrain` runs for it, the new
/// version's canary on fraud-api passes its analysis and waits for the
/// operator, whose approval promotes it; a slow candidate later is rolled
/// back on its own. Told as one stored story.
final class ContinuousTrainingTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("flightdeck-ct-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    private func demoEngine(monitoringStore: InMemoryMonitoringStore = InMemoryMonitoringStore()) throws -> Engine {
        let spec = try ProjectLoader.embeddedDemo(builtins: BuiltinRegistry.standard.names).get()
        return try Engine(configuration: EngineConfiguration(projectName: spec.name, seed: spec.seed), project: spec,
                          shell: ProcessShellLauncher(), workingDirectory: directory.path, monitoringStore: monitoringStore)
    }

    private func run(_ engine: Engine, until time: SimDuration) {
        engine.runUntilIdle(maxTime: .zero + time, waitForShell: true)
    }

    func testDriftAlertRetrainsAndTheCanaryWaitsForTheOperatorWhoPromotesIt() throws {
        let store = InMemoryMonitoringStore()
        let engine = try demoEngine(monitoringStore: store)
        run(engine, until: .minutes(150))
        var snapshot = engine.snapshot()

        // The alert fired on the drifting amounts, with its value and threshold.
        let fired = try XCTUnwrap(snapshot.alertHistory.first { $0.alert == "amount-drift" && $0.transition == .fired })
        XCTAssertGreaterThanOrEqual(try XCTUnwrap(fired.value), try XCTUnwrap(fired.threshold))
        let amount = try XCTUnwrap(snapshot.monitors.first?.features.first { $0.feature == "amount" })
        XCTAssertEqual(amount.method, .psi)
        XCTAssertGreaterThan(amount.referenceCount, 0)
        XCTAssertGreaterThan(amount.currentCount, 1000)

        // One retrain run for it, which registered a version.
        let retrains = engine.runs(pipeline: "retrain")
        XCTAssertEqual(retrains.filter { $0.trigger == "alert amount-drift" }.count, 1)
        let story = try XCTUnwrap(snapshot.stories.first)
        XCTAssertEqual(story.alert, "amount-drift")
        XCTAssertEqual(story.pipeline, "retrain")
        let version = try XCTUnwrap(story.version)
        XCTAssertEqual(story.chapters.map(\.kind).prefix(3), [.alert, .run, .version])
        XCTAssertTrue(story.chapters.contains { $0.text == "fraud-api analysis passed: approval pending" }, "\(story.chapters)")

        // Events say what they are about, so the Events screen can open it.
        let events = engine.snapshot(recentEventLimit: 1000).recentEvents
        XCTAssertTrue(events.contains { $0.kind == .rolloutStarted && $0.subject == .deployment("fraud-api") })
        XCTAssertTrue(events.contains { $0.kind == .modelRegistered && $0.subject == .version(model: "fraud", version: version) })
        XCTAssertTrue(events.contains { $0.kind == .runFinished && $0.subject.map { if case .run = $0 { true } else { false } } == true })
        XCTAssertTrue(events.contains { $0.kind == .alert && $0.subject == .alert("amount-drift") })

        // The canary waits at its approval gate; the header asks for the approval.
        let fraudAPI = try XCTUnwrap(snapshot.deployments.first { $0.id == "fraud-api" })
        XCTAssertEqual(fraudAPI.phase, .awaitingApproval)
        XCTAssertEqual(fraudAPI.candidateVersion, version)
        XCTAssertTrue(snapshot.pendingApprovals.contains { $0.model == "fraud" && $0.version == version })

        // The operator approves at the gate; the rollout goes on to 100%.
        let result = engine.apply(.rollout(deployment: "fraud-api", action: .promote, reason: "drift retrain looks good",
                                           identity: DecisionIdentity(user: "alice", sshClient: "10.0.0.5", wallTime: "-")))
        XCTAssertEqual(result.outcome, .applied, result.message)
        run(engine, until: .minutes(190))
        snapshot = engine.snapshot()
        let after = try XCTUnwrap(snapshot.deployments.first { $0.id == "fraud-api" })
        XCTAssertEqual(after.stableVersion, version, after.reason)
        let told = try XCTUnwrap(snapshot.stories.first).chapters.map(\.text)
        XCTAssertTrue(told.contains { $0.hasPrefix("fraud v\(version) approved by alice: drift retrain looks good") }, "\(told)")
        XCTAssertTrue(told.contains("fraud-api promoted v\(version) to 100%"), "\(told)")
        XCTAssertTrue(try XCTUnwrap(snapshot.stories.first).isClosed)
        // The monitor's reference follows the promoted version.
        XCTAssertTrue(try XCTUnwrap(snapshot.monitors.first).reference.contains("fraud v\(version)"))
        // The story and the alert history are in the store.
        XCTAssertEqual(try store.loadStories(limit: 10).first?.chapters.map(\.text), told)
        XCTAssertTrue(try store.alertHistory(alert: "amount-drift", limit: 10).contains { $0.transition == .fired })
    }

    func testASlowCandidateIsRolledBackOnItsOwnWithTheReason() throws {
        let engine = try demoEngine()
        run(engine, until: .hours(4))
        let rolledBack = engine.snapshot().deployments.filter { $0.phase == .rolledBack }
        XCTAssertTrue(rolledBack.contains { $0.reason.contains("latency_ms") }, "\(rolledBack.map(\.reason))")
    }

    func testSameSeedSameAlertsAndStories() throws {
        func story() throws -> ([AlertHistoryEntry], [CTStory]) {
            let engine = try demoEngine()
            run(engine, until: .minutes(130))
            let snapshot = engine.snapshot()
            return (snapshot.alertHistory, snapshot.stories)
        }
        let first = try story()
        let second = try story()
        XCTAssertFalse(first.0.isEmpty)
        XCTAssertEqual(first.0, second.0)
        XCTAssertEqual(first.1, second.1)
    }
}
