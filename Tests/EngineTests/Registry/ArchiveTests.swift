import XCTest
@testable import Engine

/// Archive and decommission: what they keep and when they are refused.
final class ArchiveTests: XCTestCase {
    func testCannotArchiveOrDecommissionAnAliasedVersion() throws {
        let registry = try RT.registry([ModelSpec(id: "fraud")])
        RT.champion(registry, auc: 0.8, at: .zero)
        XCTAssertEqual(RT.error(registry.archive(model: "fraud", version: 1, by: "ana", at: .zero)),
                       .aliased(model: "fraud", version: 1, aliases: ["champion"], action: "archive"))
        XCTAssertEqual(RT.error(registry.decommission(model: "fraud", version: 1, by: "ana", at: .zero)),
                       .aliased(model: "fraud", version: 1, aliases: ["champion"], action: "decommission"))
        XCTAssertEqual(registry.version("fraud", 1)?.state, .production)
        XCTAssertTrue(RegistryError.aliased(model: "fraud", version: 1, aliases: ["champion"], action: "archive").description
            .contains("move it to another version first"))
    }

    func testCannotArchiveWhileAnApprovalIsPending() throws {
        let registry = try RT.registry([ModelSpec(id: "fraud")])
        RT.candidate(registry, auc: 0.8, at: .zero)
        guard case .invalidState(_, _, .candidate, "archive", _)? = RT.error(registry.archive(model: "fraud", version: 1, by: "ana", at: .zero)) else {
            return XCTFail("expected a refusal")
        }
    }

    func testArchiveKeepsTheArtifactAndAfterMovingTheAliasItWorks() throws {
        let registry = try RT.registry([ModelSpec(id: "fraud")])
        RT.champion(registry, auc: 0.8, at: .zero)
        RT.champion(registry, auc: 0.9, at: RT.hours(1))
        let archived = try registry.archive(model: "fraud", version: 1, by: "ana", at: RT.hours(2)).get()
        XCTAssertEqual(archived.state, .archived)
        XCTAssertEqual(archived.stateNote, "archived by ana")
        XCTAssertTrue(archived.hasArtifact)
        XCTAssertEqual(RT.error(registry.archive(model: "fraud", version: 1, by: "ana", at: RT.hours(2))),
                       .invalidState(model: "fraud", version: 1, state: .archived, action: "archive",
                                     expected: "registered, approved, rejected, decommissioned"))
        XCTAssertEqual(RT.error(registry.moveAlias(model: "fraud", alias: "champion", version: 1, by: "ana", reason: "back", at: RT.hours(2))),
                       .invalidState(model: "fraud", version: 1, state: .archived, action: "make champion", expected: "approved (approve it first)"))
    }

    func testDecommissionThenArchive() throws {
        let registry = try RT.registry([ModelSpec(id: "fraud")])
        RT.champion(registry, auc: 0.8, at: .zero)
        RT.champion(registry, auc: 0.9, at: .zero)
        XCTAssertEqual(try registry.decommission(model: "fraud", version: 1, by: "ana", at: .zero).get().state, .decommissioned)
        XCTAssertEqual(try registry.archive(model: "fraud", version: 1, by: "ana", at: .zero).get().state, .archived)
        XCTAssertEqual(RT.error(registry.decommission(model: "fraud", version: 1, by: "ana", at: .zero)),
                       .invalidState(model: "fraud", version: 1, state: .archived, action: "decommission", expected: "registered, approved, rejected"))
    }
}
