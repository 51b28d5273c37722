import XCTest
@testable import Engine

/// Retention cleanup: keep_last and max_artifact_age, and never a protected
/// (aliased, approved, production, pending) version.
final class RetentionTests: XCTestCase {
    /// v1 champion (production), v2 approved, v3 challenger (candidate),
    /// v4 rejected, v5..v10 registered/rejected, all created hour by hour.
    private func populated(retention: RetentionSpec, remover: RecordingRemover) throws -> ModelRegistry {
        let registry = try RT.registry([ModelSpec(id: "fraud", retention: retention)], remover: remover)
        RT.champion(registry, auc: 0.80, at: RT.hours(1))
        RT.candidate(registry, auc: 0.81, at: RT.hours(2))
        _ = try registry.decide(model: "fraud", version: 2, approve: true, identity: RT.identity("ana"), reason: "ok", at: RT.hours(2)).get()
        RT.candidate(registry, auc: 0.82, at: RT.hours(3))
        _ = try registry.moveAlias(model: "fraud", alias: "challenger", version: 3, by: "ana", reason: "shadow it", at: RT.hours(3)).get()
        for hour in Int64(4)...10 {
            RT.candidate(registry, auc: 0.7, at: RT.hours(hour))
            _ = try registry.decide(model: "fraud", version: Int(hour), approve: false, identity: RT.identity("bo"), reason: "worse",
                                    at: RT.hours(hour)).get()
        }
        return registry
    }

    func testKeepLastArchivesOlderUnprotectedVersionsAndRemovesTheirArtifacts() throws {
        let remover = RecordingRemover()
        let registry = try populated(retention: RetentionSpec(keepLast: 3), remover: remover)
        let report = try registry.cleanup(model: "fraud", at: RT.hours(11)).get()
        // Unaliased newest first: 10 9 8 | 7 6 5 4 2 — v2 is approved (protected).
        XCTAssertEqual(report.actions.map(\.version), [4, 5, 6, 7])
        XCTAssertTrue(report.actions.allSatisfy { $0.archived && $0.artifactDropped && $0.reason == "beyond keep_last 3" })
        XCTAssertEqual(remover.removed, [4, 5, 6, 7].map { RT.artifact($0).path })
        XCTAssertEqual(registry.versions("fraud").map(\.state),
                       [.production, .approved, .candidate, .archived, .archived, .archived, .archived, .rejected, .rejected, .rejected])
        XCTAssertEqual(registry.version("fraud", 4)?.artifactDroppedAt, RT.hours(11))
        XCTAssertEqual(registry.version("fraud", 4)?.artifact, RT.artifact(4), "the record keeps the artifact's hash")
        XCTAssertEqual(report.summary, "cleanup: archived fraud v4, fraud v5, fraud v6, fraud v7")
        // A second pass has nothing left to do.
        XCTAssertEqual(try registry.cleanup(model: "fraud", at: RT.hours(12)).get().actions, [])
    }

    func testNeverTouchesProtectedVersionsWhateverTheLimits() throws {
        let remover = RecordingRemover()
        let registry = try populated(retention: RetentionSpec(keepLast: 1, maxArtifactAge: .seconds(1)), remover: remover)
        let report = registry.cleanup(at: RT.hours(1000))
        let touched = Set(report.actions.map(\.version))
        for version in registry.versions("fraud") where [1, 2, 3].contains(version.version) {
            XCTAssertFalse(touched.contains(version.version), "v\(version.version) is protected")
            XCTAssertTrue(version.hasArtifact)
            XCTAssertNotEqual(version.state, .archived)
        }
        XCTAssertFalse(remover.removed.contains { $0.hasSuffix("-v1.json") || $0.hasSuffix("-v2.json") || $0.hasSuffix("-v3.json") })
        // v10 is within keep_last 1 but its artifact is too old: dropped, not archived.
        let newest = try XCTUnwrap(report.actions.last)
        XCTAssertEqual(newest.version, 10)
        XCTAssertFalse(newest.archived)
        XCTAssertTrue(newest.artifactDropped)
        XCTAssertEqual(registry.version("fraud", 10)?.state, .rejected)
    }

    func testMaxArtifactAgeDropsOnlyOldEnoughArtifacts() throws {
        let remover = RecordingRemover()
        let registry = try populated(retention: RetentionSpec(maxArtifactAge: .hours(5)), remover: remover)
        let report = try registry.cleanup(model: "fraud", at: RT.hours(11)).get()
        // Created at hours 4..6 are at least 5h old at hour 11.
        XCTAssertEqual(report.actions.map(\.version), [4, 5, 6])
        XCTAssertTrue(report.actions.allSatisfy { !$0.archived && $0.reason == "artifact older than 5h" })
        XCTAssertEqual(report.summary, "cleanup: dropped artifacts of fraud v4, fraud v5, fraud v6")
    }

    func testAFileThatCannotBeRemovedIsReportedAndItsVersionLeftAlone() throws {
        let remover = RecordingRemover()
        remover.failing = [RT.artifact(5).path]
        let registry = try populated(retention: RetentionSpec(keepLast: 3), remover: remover)
        let report = try registry.cleanup(model: "fraud", at: RT.hours(11)).get()
        XCTAssertEqual(report.actions.map(\.version), [4, 6, 7])
        XCTAssertEqual(report.failures, ["fraud v5: cannot remove models/fraud-v5.json: Permission denied"])
        XCTAssertEqual(registry.version("fraud", 5)?.state, .rejected)
        XCTAssertTrue(registry.version("fraud", 5)?.hasArtifact ?? false)
    }

    func testFileRemoverDeletesRelativeToItsBaseAndIgnoresMissingFiles() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try Data("weights".utf8).write(to: URL(fileURLWithPath: directory.file("model.json")))
        let remover = FileArtifactRemover(baseDirectory: directory.path)
        try remover.remove(path: "model.json")
        XCTAssertFalse(FileManager.default.fileExists(atPath: directory.file("model.json")))
        XCTAssertNoThrow(try remover.remove(path: "model.json"))
    }
}
