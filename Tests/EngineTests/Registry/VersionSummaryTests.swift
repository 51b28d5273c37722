import XCTest
@testable import Engine

/// The versions the snapshot carries for the Models screen.
final class VersionSummaryTests: XCTestCase {
    func testNewestFirstWithAliasesPendingAndLimit() throws {
        let registry = try RT.registry([ModelSpec(id: "fraud", policy: .manual)])
        RT.champion(registry, auc: 0.8, at: RT.hours(1))
        for (index, auc) in [0.81, 0.82, 0.83, 0.84].enumerated() { RT.candidate(registry, auc: auc, at: RT.hours(2 + Int64(index))) }
        XCTAssertNoThrow(try registry.moveAlias(model: "fraud", alias: "challenger", version: 3, by: "ana", reason: "shadow", at: RT.hours(9)).get())

        let all = registry.versionSummaries("fraud")
        XCTAssertEqual(all.map(\.number), [5, 4, 3, 2, 1])
        XCTAssertEqual(all.first { $0.number == 1 }?.aliases, ["champion"])
        XCTAssertEqual(all.first { $0.number == 3 }?.aliases, ["challenger"])
        XCTAssertEqual(all.filter { $0.pendingApproval != nil }.map(\.number), [5, 4, 3, 2])
        XCTAssertEqual(all.first?.pendingApproval?.evidence.first, EvidenceItem(metric: "auc", candidate: 0.84, champion: 0.8))
        XCTAssertTrue(all.allSatisfy { $0.ruleEvaluation == nil }, "no rule under manual")
        XCTAssertEqual(registry.versionSummaries("fraud", limit: 2).map(\.number), [5, 4])

        let summary = try XCTUnwrap(registry.summaries().first)
        XCTAssertEqual(summary.versions.map(\.number), [5, 4, 3, 2, 1])
        XCTAssertEqual(summary.champion?.version, 1)
    }

    func testAutoRuleIsEvaluatedAgainstTheCurrentChampion() throws {
        let rule = try PromotionRule(parsing: "auc >= champion.auc + 0.005")
        let registry = try RT.registry([ModelSpec(id: "churn", policy: .auto(rule))])
        RT.champion(registry, "churn", auc: 0.8, at: RT.hours(1))
        RT.candidate(registry, "churn", auc: 0.803, at: RT.hours(2))
        RT.candidate(registry, "churn", auc: 0.81, at: RT.hours(3))
        let summaries = registry.versionSummaries("churn")
        XCTAssertEqual(summaries.map { $0.ruleEvaluation?.holds }, [true, false, nil], "the champion is not judged against itself")
        XCTAssertEqual(summaries[1].ruleEvaluation?.explanation,
                       "rule 'auc >= champion.auc + 0.005' does not hold (auc = 0.803, champion.auc = 0.8)")
    }

    func testTheSnapshotCarriesTheVersions() throws {
        var project = ProjectSpec(name: "p", seed: 1)
        project.models = [ModelSpec(id: "fraud")]
        let engine = try Engine(configuration: EngineConfiguration(projectName: "p", seed: 1), project: project)
        try engine.registerModelVersion(model: "fraud", lineage: RT.lineage(), metrics: RT.metrics(auc: 0.9), artifact: RT.artifact(1))
        let versions = try XCTUnwrap(engine.snapshot().models.first?.versions)
        XCTAssertEqual(versions.map(\.number), [1])
        XCTAssertEqual(versions[0].version.lineage.datasetHash, "abc123")
        XCTAssertEqual(versions[0].pendingApproval?.approvalsNeeded, 1)
    }
}
