import XCTest
@testable import Engine

/// The registry inside the engine: commands, the snapshot, the cleanup
/// schedule, restart and determinism.
final class RegistryEngineTests: XCTestCase {
    private func project() throws -> ProjectSpec {
        var project = ProjectSpec(name: "models", seed: 3)
        project.models = [
            ModelSpec(id: "fraud", description: "Fraud classifier", policy: .twoPerson, approvalTimeout: .hours(24),
                      retention: RetentionSpec(keepLast: 1), cleanupEvery: .hours(6)),
            ModelSpec(id: "churn", policy: .auto(try PromotionRule(parsing: "auc >= champion.auc"))),
        ]
        return project
    }

    private func engine(store: (any RegistryStore)? = nil, remover: RecordingRemover = RecordingRemover()) throws -> Engine {
        try Engine(configuration: EngineConfiguration(projectName: "models", seed: 3), project: try project(),
                   registryStore: store, artifactRemover: remover)
    }

    /// A fixed script of commands; returns every command's result.
    private func script(_ engine: Engine) throws -> [CommandResult] {
        var results: [CommandResult] = []
        engine.advance(to: RT.hours(1))
        try engine.registerModelVersion(model: "fraud", lineage: RT.lineage(), metrics: RT.metrics(auc: 0.8), artifact: RT.artifact(1))
        try engine.registerModelVersion(model: "churn", lineage: RT.lineage(), metrics: RT.metrics(auc: 0.7), artifact: nil)
        results.append(engine.apply(.approve(model: "fraud", version: 1, reason: "ok", identity: RT.identity("ana"))))
        results.append(engine.apply(.approve(model: "fraud", version: 1, reason: "ok again", identity: RT.identity("ana"))))
        results.append(engine.apply(.approve(model: "fraud", version: 1, reason: "", identity: RT.identity("bo"))))
        results.append(engine.apply(.approve(model: "fraud", version: 1, reason: "agreed", identity: RT.identity("bo"))))
        results.append(engine.apply(.promote(model: "fraud", version: 1, by: "ana")))
        results.append(engine.apply(.promote(model: "churn", version: 1, by: "ana")))
        engine.advance(to: RT.hours(2))
        for index in 2...3 {
            try engine.registerModelVersion(model: "fraud", lineage: RT.lineage(), metrics: RT.metrics(auc: 0.7), artifact: RT.artifact(index))
        }
        results.append(engine.apply(.reject(model: "fraud", version: 2, reason: "worse", identity: RT.identity("bo"))))
        results.append(engine.apply(.archive(model: "fraud", version: 1, by: "ana")))
        results.append(engine.apply(.decommission(model: "fraud", version: 2, by: "ana")))
        engine.advance(to: RT.hours(30))  // cleanups at 6h, 12h, ...; v3's request times out at 26h
        try engine.registerModelVersion(model: "fraud", lineage: RT.lineage(), metrics: RT.metrics(auc: 0.7), artifact: RT.artifact(4))
        results.append(engine.apply(.moveAlias(model: "fraud", alias: "challenger", version: 4, by: "ana", reason: "shadow")))
        results.append(engine.apply(.cleanupRegistry(by: "ana")))
        return results
    }

    func testCommandsThroughTheEngine() throws {
        let remover = RecordingRemover()
        let engine = try engine(remover: remover)
        let results = try script(engine)
        XCTAssertEqual(results.map(\.outcome), [.applied, .rejected, .rejected, .applied, .applied, .applied,
                                                .applied, .rejected, .applied, .applied, .unchanged])
        XCTAssertEqual(results[1].message, "ana already approved fraud v1; two_person needs a second, different approver")
        XCTAssertEqual(results[2].message, RegistryError.reasonRequired.description)
        XCTAssertEqual(results[3].message, "fraud v1 approved by bo (ana, bo): agreed")
        XCTAssertEqual(results[7].message, "cannot archive fraud v1: it holds the alias champion; move it to another version first")
        XCTAssertEqual(results[10].message, "cleanup: nothing to do")

        let registry = try XCTUnwrap(engine.registry)
        XCTAssertEqual(registry.version("churn", 1)?.state, .production, "auto approved it (no champion), then promoted")
        XCTAssertEqual(registry.version("fraud", 3)?.state, .rejected, "timed out")
        XCTAssertEqual(registry.decisions("fraud", version: 3).last?.at, RT.hours(26))
        // keep_last 1 among unaliased versions (v3, v2) at the 6h cleanup: v2 goes; v3 was pending then.
        XCTAssertEqual(registry.version("fraud", 2)?.state, .archived)
        XCTAssertEqual(registry.version("fraud", 2)?.stateNote, "retention: beyond keep_last 1")
        XCTAssertEqual(remover.removed, [RT.artifact(2).path])
        let messages = engine.eventLog.last(100).map(\.message)
        XCTAssertTrue(messages.contains { $0.hasPrefix("fraud v3 rejected by timeout: timed out after 24h: rejected by default") }, "\(messages)")
        XCTAssertTrue(messages.contains("cleanup: archived fraud v2 (scheduled)"), "\(messages)")

        let snapshot = engine.snapshot()
        XCTAssertEqual(snapshot.models.map(\.id), ["fraud", "churn"])
        let fraud = snapshot.models[0]
        XCTAssertEqual(fraud.policy, "two_person")
        XCTAssertEqual(fraud.championVersion, 1)
        XCTAssertEqual(fraud.aliases, [AliasAssignment(alias: "champion", version: 1), AliasAssignment(alias: "challenger", version: 4)]
            .sorted { $0.alias < $1.alias })
        XCTAssertEqual(fraud.versionCount, 4)
        XCTAssertEqual(fraud.pendingApprovals.map(\.version), [4])
        XCTAssertEqual(snapshot.pendingApprovals.map(\.version), [4])
        XCTAssertEqual(snapshot.pendingApprovals.first?.evidence.first, EvidenceItem(metric: "auc", candidate: 0.7, champion: 0.8))
        XCTAssertNil(snapshot.registryStoreError)
    }

    func testScheduledCleanupRunsEverySixHours() throws {
        let remover = RecordingRemover()
        let engine = try engine(remover: remover)
        for index in 1...3 {
            try engine.registerModelVersion(model: "fraud", lineage: RT.lineage(), metrics: RT.metrics(auc: 0.7), artifact: RT.artifact(index))
            _ = engine.apply(.reject(model: "fraud", version: index, reason: "no", identity: RT.identity("bo")))
        }
        engine.advance(to: RT.hours(6) - .milliseconds(1))
        XCTAssertEqual(remover.removed, [])
        engine.advance(to: RT.hours(6))
        XCTAssertEqual(remover.removed, [RT.artifact(1).path, RT.artifact(2).path])
        XCTAssertEqual(engine.registry?.versions("fraud").map(\.state), [.archived, .archived, .rejected])
        XCTAssertTrue(engine.eventLog.last(1).first?.message.hasPrefix("cleanup: archived fraud v1, fraud v2") ?? false)
    }

    func testRestartWithASQLiteRegistryResumesPendingTimeouts() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("state.db")
        let first = try engine(store: try SQLiteRegistryStore(path: path))
        try first.registerModelVersion(model: "fraud", lineage: RT.lineage(), metrics: RT.metrics(auc: 0.8), artifact: nil)
        _ = first.apply(.approve(model: "fraud", version: 1, reason: "ok", identity: RT.identity("ana")))

        let second = try Engine(configuration: EngineConfiguration(projectName: "models", seed: 3, startTime: RT.hours(30)),
                                project: try project(), registryStore: try SQLiteRegistryStore(path: path))
        XCTAssertEqual(second.registry?.requests("fraud").first?.approvers, ["ana"])
        XCTAssertEqual(second.snapshot().pendingApprovals.map(\.version), [1])
        second.advance(to: RT.hours(30))
        XCTAssertEqual(second.registry?.version("fraud", 1)?.state, .rejected, "the deadline passed while the engine was down")
        XCTAssertEqual(second.registry?.decisions("fraud").last?.at, RT.hours(24), "dated at its deadline")
    }

    func testSameScriptSameResults() throws {
        let a = try engine(), b = try engine()
        XCTAssertEqual(try script(a), try script(b))
        XCTAssertEqual(a.snapshot(), b.snapshot())
        let storeA = try XCTUnwrap(a.registry?.store.loadRegistry())
        let storeB = try XCTUnwrap(b.registry?.store.loadRegistry())
        XCTAssertEqual(storeA, storeB)
    }

    func testEngineWithoutAProjectHasNoRegistry() {
        let engine = Engine(configuration: EngineConfiguration(projectName: "bare", seed: 1))
        XCTAssertNil(engine.registry)
        XCTAssertEqual(engine.apply(.cleanupRegistry(by: "ana")).outcome, .rejected)
        XCTAssertThrowsError(try engine.registerModelVersion(model: "fraud", lineage: RT.lineage(), metrics: [], artifact: nil))
    }

    func testRegisteringAnUndeclaredModelIsRefused() throws {
        let engine = try engine()
        XCTAssertThrowsError(try engine.registerModelVersion(model: "spam", lineage: RT.lineage(), metrics: [], artifact: nil)) { error in
            XCTAssertEqual(error as? RegistryError, .unknownModel("spam", known: ["fraud", "churn"]))
        }
    }
}
