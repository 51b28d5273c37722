import XCTest
@testable import Engine

/// Aliases: one version per alias, a full append-only history, and "which
/// version held the alias at time T".
final class AliasHistoryTests: XCTestCase {
    func testAliasAtTimeAcrossManyMovesMatchesAScanOfTheHistory() throws {
        let store = InMemoryRegistryStore()
        let registry = try RT.registry([ModelSpec(id: "fraud")], store: store)
        for index in 0..<40 { RT.candidate(registry, auc: 0.7 + Double(index) / 1000, at: .zero) }
        var random = Xoshiro256StarStar(seed: 7)
        var time = SimTime.zero
        for _ in 0..<500 {
            time += .milliseconds(Int64(random.next() % 3) * 60_000)  // several moves may share a time
            let roll = random.next() % 10
            let version: Int? = roll == 0 ? nil : Int(random.next() % 40) + 1
            _ = try registry.moveAlias(model: "fraud", alias: roll < 5 ? "challenger" : "shadow", version: version, by: "ana",
                                       reason: "move", at: time).get()
        }
        try registry.save()
        let history = registry.aliasHistory("fraud")
        XCTAssertGreaterThan(history.count, 300)
        for probe in stride(from: Int64(-60_000), through: time.milliseconds + 60_000, by: 90_000) {
            let at = SimTime(milliseconds: probe)
            for alias in ["challenger", "shadow", "champion"] {
                let expected = history.last { $0.alias == alias && $0.at <= at }?.version
                XCTAssertEqual(registry.aliasAt(model: "fraud", alias: alias, time: at), expected, "\(alias) at \(probe)")
                XCTAssertEqual(try store.aliasAt(model: "fraud", alias: alias, time: at), expected, "store: \(alias) at \(probe)")
            }
        }
    }

    func testChampionAtTimeAfterPromotionsAndItsStates() throws {
        let registry = try RT.registry([ModelSpec(id: "fraud")])
        RT.champion(registry, auc: 0.80, at: RT.hours(1))
        RT.champion(registry, auc: 0.82, at: RT.hours(5))
        RT.champion(registry, auc: 0.84, at: RT.hours(9))
        XCTAssertNil(registry.aliasAt(model: "fraud", alias: "champion", time: RT.hours(1) - .milliseconds(1)))
        XCTAssertEqual(registry.aliasAt(model: "fraud", alias: "champion", time: RT.hours(1)), 1)
        XCTAssertEqual(registry.aliasAt(model: "fraud", alias: "champion", time: RT.hours(7)), 2)
        XCTAssertEqual(registry.aliasAt(model: "fraud", alias: "champion", time: RT.hours(100)), 3)
        XCTAssertEqual(registry.versions("fraud").map(\.state), [.approved, .approved, .production])
        // Rolling back by moving the alias by hand is a promotion too.
        _ = try registry.moveAlias(model: "fraud", alias: "champion", version: 1, by: "bo", reason: "rollback", at: RT.hours(10)).get()
        XCTAssertEqual(registry.versions("fraud").map(\.state), [.production, .approved, .approved])
        XCTAssertEqual(registry.aliasAt(model: "fraud", alias: "champion", time: RT.hours(10)), 1)
    }

    func testHistoryIsAppendOnly() throws {
        let registry = try RT.registry([ModelSpec(id: "fraud")])
        RT.candidate(registry, auc: 0.8, at: .zero)
        RT.candidate(registry, auc: 0.8, at: .zero)
        _ = try registry.moveAlias(model: "fraud", alias: "challenger", version: 1, by: "ana", reason: "try", at: RT.hours(1)).get()
        let before = registry.aliasHistory("fraud")
        _ = try registry.moveAlias(model: "fraud", alias: "challenger", version: 2, by: "bo", reason: "newer", at: RT.hours(2)).get()
        _ = try registry.moveAlias(model: "fraud", alias: "challenger", version: nil, by: "bo", reason: "done", at: RT.hours(3)).get()
        let after = registry.aliasHistory("fraud")
        XCTAssertEqual(Array(after.prefix(before.count)), before, "earlier moves are never changed")
        XCTAssertEqual(after.map(\.version), [1, 2, nil])
        XCTAssertEqual(after.map(\.sequence), [0, 1, 2])
        XCTAssertEqual(registry.aliases("fraud"), [])
        // Every change the registry queued for the store is an insert of a new move.
        let moves = registry.unsavedChanges.compactMap { change -> AliasMove? in
            if case .aliasMove(let move) = change { return move }
            return nil
        }
        XCTAssertEqual(moves, after)
    }

    func testOneVersionPerAliasAndNoOpMoves() throws {
        let registry = try RT.registry([ModelSpec(id: "fraud")])
        RT.candidate(registry, auc: 0.8, at: .zero)
        RT.candidate(registry, auc: 0.8, at: .zero)
        _ = try registry.moveAlias(model: "fraud", alias: "challenger", version: 1, by: "ana", reason: "a", at: .zero).get()
        XCTAssertNil(try registry.moveAlias(model: "fraud", alias: "challenger", version: 1, by: "ana", reason: "again", at: .zero).get())
        _ = try registry.moveAlias(model: "fraud", alias: "challenger", version: 2, by: "ana", reason: "b", at: .zero).get()
        XCTAssertEqual(registry.aliases("fraud"), [AliasAssignment(alias: "challenger", version: 2)])
        XCTAssertEqual(registry.aliases("fraud", version: 1), [])
    }

    func testRefusals() throws {
        let registry = try RT.registry([ModelSpec(id: "fraud")])
        RT.candidate(registry, auc: 0.8, at: RT.hours(2))
        XCTAssertEqual(RT.error(registry.moveAlias(model: "fraud", alias: "Bad Name", version: 1, by: "ana", reason: "x", at: RT.hours(2))),
                       .invalidAlias("Bad Name"))
        XCTAssertEqual(RT.error(registry.moveAlias(model: "fraud", alias: "challenger", version: 7, by: "ana", reason: "x", at: RT.hours(2))),
                       .unknownVersion(model: "fraud", version: 7))
        XCTAssertEqual(RT.error(registry.moveAlias(model: "fraud", alias: "challenger", version: 1, by: "ana", reason: "x", at: RT.hours(1))),
                       .timeWentBackwards(model: "fraud", at: RT.hours(1), latest: RT.hours(2)))
        _ = try registry.decide(model: "fraud", version: 1, approve: false, identity: RT.identity("ana"), reason: "bad", at: RT.hours(2)).get()
        XCTAssertEqual(RT.error(registry.moveAlias(model: "fraud", alias: "challenger", version: 1, by: "ana", reason: "x", at: RT.hours(2))),
                       .invalidState(model: "fraud", version: 1, state: .rejected, action: "point 'challenger' at",
                                     expected: "registered, candidate, approved or production"))
    }
}
