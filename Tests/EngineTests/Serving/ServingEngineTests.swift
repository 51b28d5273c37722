import Foundation
import XCTest
@testable import Engine

/// The serving side inside the engine: initial deploy, approval gates tied
/// to the registry, operator commands, persistence and restart.
final class ServingEngineTests: XCTestCase {
    private var directory: String!

    override func setUpWithError() throws {
        directory = try BT.directory()
    }

    override func tearDown() {
        try? FileManager.default.removeItem(atPath: directory)
    }

    static let canary = """
        canary:
          steps: [{weight: 10}, {pause: 5m}, approval, {weight: 50}, {pause: 5m}, {weight: 100}]
        """

    func testTheBootstrappedChampionServesFromTheStartAndRequestsAreScored() throws {
        let store = InMemoryServingStore()
        let engine = try ServingScenario.engine(ServingScenario.yaml(strategy: Self.canary), directory: directory, servingStore: store)
        let initial = try XCTUnwrap(ServingScenario.api(engine))
        XCTAssertEqual(initial.phase, .stable)
        XCTAssertEqual(initial.stableVersion, 1)
        XCTAssertEqual(try store.trafficChanges(deployment: "api", limit: nil).map(\.why), ["initial deploy: v1, the champion of fraud"])
        engine.advance(to: engine.now + .minutes(5))
        let served = try XCTUnwrap(ServingScenario.api(engine)?.versions.first)
        XCTAssertGreaterThan(served.window.requests, 40 * 300 * 8 / 10, "about 40 requests per second for 5 minutes")
        XCTAssertNotNil(served.window.accuracy, "labels of requests older than the 1m delay have arrived")
    }

    func testAManualApprovalGateWaitsForTheRegistryApprovalAndThenProceeds() throws {
        let engine = try ServingScenario.engine(ServingScenario.yaml(strategy: Self.canary, policy: "manual"), directory: directory)
        engine.advance(to: engine.now + .minutes(15))
        let run = engine.triggerRun("retrain", [])
        _ = engine.runUntilIdle(maxTime: engine.now + .hours(1), waitForShell: false) { $0.run(run)?.state.isFinal == true }
        _ = engine.runUntilIdle(maxTime: engine.now + .hours(2), waitForShell: false) { ServingScenario.api($0)?.phase == .awaitingApproval }
        let waiting = try XCTUnwrap(ServingScenario.api(engine))
        XCTAssertEqual(waiting.phase, .awaitingApproval, waiting.reason)
        XCTAssertEqual(waiting.routing.percent(of: 2), 10)
        XCTAssertEqual(engine.snapshot().pendingApprovals.map(\.version), [2], "the header asks for the approval")

        let refused = engine.apply(.rollout(deployment: "api", action: .promote, reason: nil,
                                            identity: DecisionIdentity(user: "ana", wallTime: "t")))
        XCTAssertEqual(refused.outcome, .rejected, "promoting at a gate needs a reason")
        let promoted = engine.apply(.rollout(deployment: "api", action: .promote, reason: "metrics look right",
                                             identity: DecisionIdentity(user: "ana", sshClient: "10.0.0.7", wallTime: "t")))
        XCTAssertTrue(promoted.isApplied, promoted.message)
        let decision = try XCTUnwrap(engine.registry?.decisions("fraud", version: 2).last)
        XCTAssertEqual(decision.identity.user, "ana")
        XCTAssertEqual(decision.reason, "metrics look right")
        XCTAssertEqual(ServingScenario.api(engine)?.routing.percent(of: 2), 50)
        _ = engine.runUntilIdle(maxTime: engine.now + .hours(1), waitForShell: false) { ServingScenario.api($0)?.phase == .promoted }
        XCTAssertEqual(ServingScenario.api(engine)?.phase, .promoted)
        XCTAssertEqual(engine.registry?.champion("fraud")?.version, 2)
    }

    func testARegistryRejectionEndsTheRolloutAtItsGate() throws {
        let engine = try ServingScenario.engine(ServingScenario.yaml(strategy: Self.canary, policy: "manual"), directory: directory)
        engine.advance(to: engine.now + .minutes(15))
        let run = engine.triggerRun("retrain", [])
        _ = engine.runUntilIdle(maxTime: engine.now + .hours(1), waitForShell: false) { $0.run(run)?.state.isFinal == true }
        _ = engine.runUntilIdle(maxTime: engine.now + .hours(1), waitForShell: false) { ServingScenario.api($0)?.phase == .awaitingApproval }
        XCTAssertEqual(ServingScenario.api(engine)?.phase, .awaitingApproval)
        let rejected = engine.apply(.reject(model: "fraud", version: 2, reason: "trained on the wrong week",
                                            identity: DecisionIdentity(user: "ana", wallTime: "t")))
        XCTAssertTrue(rejected.isApplied, rejected.message)
        let ended = try XCTUnwrap(ServingScenario.api(engine))
        XCTAssertEqual(ended.phase, .aborted, ended.reason)
        XCTAssertTrue(ended.reason.contains("rejected in the registry"), ended.reason)
        XCTAssertTrue(ended.reason.contains("trained on the wrong week"), ended.reason)
        XCTAssertEqual(ended.routing.percent(of: 1), 100)
    }

    func testOperatorCommandsPauseResumeAbortAndRetry() throws {
        let engine = try ServingScenario.engine(ServingScenario.yaml(strategy: Self.canary, policy: "manual"), directory: directory)
        engine.advance(to: engine.now + .minutes(15))
        let run = engine.triggerRun("retrain", [])
        _ = engine.runUntilIdle(maxTime: engine.now + .hours(1), waitForShell: false) { $0.run(run)?.state.isFinal == true }
        let ana = DecisionIdentity(user: "ana", wallTime: "t")
        XCTAssertTrue(engine.apply(.rollout(deployment: "api", action: .pause, reason: nil, identity: ana)).isApplied)
        XCTAssertEqual(ServingScenario.api(engine)?.phase, .paused)
        engine.advance(to: engine.now + .hours(1))
        XCTAssertEqual(ServingScenario.api(engine)?.phase, .paused, "an operator's pause holds")
        XCTAssertTrue(engine.apply(.rollout(deployment: "api", action: .resume, reason: nil, identity: ana)).isApplied)
        XCTAssertEqual(engine.apply(.rollout(deployment: "api", action: .abort, reason: nil, identity: ana)).outcome, .rejected,
                       "abort needs a reason")
        XCTAssertTrue(engine.apply(.rollout(deployment: "api", action: .abort, reason: "wrong features", identity: ana)).isApplied)
        let aborted = try XCTUnwrap(ServingScenario.api(engine))
        XCTAssertEqual(aborted.phase, .aborted)
        XCTAssertEqual(aborted.routing.percent(of: 1), 100)
        XCTAssertTrue(engine.apply(.rollout(deployment: "api", action: .retry, reason: nil, identity: ana)).isApplied)
        XCTAssertTrue(ServingScenario.api(engine)?.phase.isActive == true)
        XCTAssertEqual(engine.apply(.rollout(deployment: "nope", action: .pause, reason: nil, identity: ana)).outcome, .rejected)
    }

    func testAFailedServingWriteIsReportedAndKeptForTheNextOne() throws {
        let store = InMemoryServingStore()
        let engine = try ServingScenario.engine(ServingScenario.yaml(strategy: Self.canary, policy: "manual"), directory: directory, servingStore: store)
        engine.advance(to: engine.now + .minutes(15))
        let run = engine.triggerRun("retrain", [])
        _ = engine.runUntilIdle(maxTime: engine.now + .hours(1), waitForShell: false) { $0.run(run)?.state.isFinal == true }
        store.failNextAppend = StoreError(path: "state.db", operation: "append", message: "disk full")
        let ana = DecisionIdentity(user: "ana", wallTime: "t")
        XCTAssertTrue(engine.apply(.rollout(deployment: "api", action: .abort, reason: "stop", identity: ana)).isApplied)
        let events = engine.snapshot().recentEvents.filter { $0.kind == .servingStoreError }
        XCTAssertTrue(events.contains { $0.message.contains("disk full") }, "\(events)")
        // The failed batch was kept and written by the next append.
        XCTAssertNil(engine.snapshot().servingStoreError)
        let whys = try store.trafficChanges(deployment: "api", limit: nil).map(\.why)
        XCTAssertTrue(whys.contains { $0.contains("stop") }, "\(whys)")
        XCTAssertEqual(try store.deploymentStates().first?.rolloutJSON.map { try RolloutJSON.decode($0).phase }, .aborted)

        // While the disk stays full the snapshot says so; nothing is half-written.
        let before = try store.trafficChanges(deployment: "api", limit: nil).count
        store.failAppends = StoreError(path: "state.db", operation: "append", message: "disk full")
        XCTAssertTrue(engine.apply(.rollout(deployment: "api", action: .retry, reason: nil, identity: ana)).isApplied)
        XCTAssertTrue(engine.snapshot().servingStoreError?.contains("disk full") == true)
        XCTAssertEqual(try store.trafficChanges(deployment: "api", limit: nil).count, before)
        store.failAppends = nil
        engine.advance(to: engine.now + .seconds(1))
        XCTAssertNil(engine.snapshot().servingStoreError)
        XCTAssertGreaterThan(try store.trafficChanges(deployment: "api", limit: nil).count, before)
    }

    func testTrafficChangesAndTheRolloutSurviveARestart() throws {
        let servingStore = InMemoryServingStore()
        let registryStore = InMemoryRegistryStore()
        let runStore = InMemoryRunStore()
        let text = ServingScenario.yaml(strategy: Self.canary, policy: "manual")
        let first = try ServingScenario.engine(text, directory: directory, servingStore: servingStore, registryStore: registryStore, runStore: runStore)
        first.advance(to: first.now + .minutes(15))
        let run = first.triggerRun("retrain", [])
        _ = first.runUntilIdle(maxTime: first.now + .hours(1), waitForShell: false) { $0.run(run)?.state.isFinal == true }
        _ = first.runUntilIdle(maxTime: first.now + .hours(1), waitForShell: false) { ServingScenario.api($0)?.phase == .awaitingApproval }
        let before = try XCTUnwrap(ServingScenario.api(first))
        XCTAssertEqual(before.phase, .awaitingApproval)

        let second = try ServingScenario.engine(text, directory: directory, servingStore: servingStore, registryStore: registryStore, runStore: runStore)
        let after = try XCTUnwrap(ServingScenario.api(second))
        XCTAssertEqual(after.phase, .awaitingApproval, after.reason)
        XCTAssertEqual(after.stepIndex, before.stepIndex)
        XCTAssertEqual(after.routing, before.routing)
        XCTAssertEqual(try servingStore.trafficChange(deployment: "api", at: second.now)?.routing, before.routing,
                       "what was serving at a time is answered from the store")
        XCTAssertEqual(second.registry?.versions("fraud").count, 2, "no second bootstrap")
    }
}
