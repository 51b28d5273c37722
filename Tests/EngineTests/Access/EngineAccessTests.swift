import XCTest
@testable import Engine

final class EngineAccessTests: XCTestCase {
    private let restricted = AccessPolicy(
        grants: [AccessGrant(right: .control, principals: [.user("alice"), .group("ml-leads")])],
        readOnly: [.user("guest")], isDeclared: true)

    func testAGrantRestrictsItsRightAndARefusalNamesWhoMay() {
        XCTAssertEqual(restricted.decide(.control, user: "alice", groups: []), .allowed)
        XCTAssertEqual(restricted.decide(.control, user: "carol", groups: ["ml-leads"]), .allowed)
        XCTAssertEqual(restricted.decide(.control, user: "bob", groups: ["staff"]),
                       .refused("bob may not control: allowed for alice, group ml-leads"))
        XCTAssertEqual(restricted.decide(.trigger, user: "bob", groups: []), .allowed, "a right without a grant is open")
    }

    func testReadOnlyUsersAndSessionsHoldNoRight() {
        XCTAssertEqual(restricted.decide(.trigger, user: "guest", groups: []),
                       .refused("guest is read-only on this project (access: read_only)"))
        guard case .refused = AccessPolicy.open.decide(.trigger, user: "alice", groups: [], readOnly: true) else {
            return XCTFail("a --read-only session may not trigger")
        }
    }

    func testApplyWithAnOriginChecksThePolicyAndAuditsEveryAttempt() {
        let engine = Engine(configuration: EngineConfiguration(projectName: "p", seed: 1))
        engine.accessPolicy = restricted
        engine.wallClock = { "2026-11-22T06:00:00Z" }
        let bob = CommandOrigin(user: "bob", sshClient: "10.0.0.7", source: .key, wallTime: "2026-11-22T06:01:00Z")
        XCTAssertEqual(engine.apply(.pause, origin: bob).outcome, .rejected)
        XCTAssertFalse(engine.isPaused)
        let alice = CommandOrigin(user: "alice", source: .cli)
        XCTAssertEqual(engine.apply(.pause, origin: alice).outcome, .applied)
        XCTAssertTrue(engine.isPaused)
        let audit = engine.recentAudit.elements
        XCTAssertEqual(audit.map(\.user), ["bob", "alice"])
        XCTAssertEqual(audit.map(\.result), ["rejected", "applied"])
        XCTAssertEqual(audit[0].sshClient, "10.0.0.7")
        XCTAssertEqual(audit[0].action, "pause")
        XCTAssertEqual(audit[0].message, "bob may not control: allowed for alice, group ml-leads")
    }

    func testTheEngineResolvesGroupsItselfWhenItCan() {
        let engine = Engine(configuration: EngineConfiguration(projectName: "p", seed: 1))
        engine.accessPolicy = restricted
        engine.groupResolver = { $0 == "dave" ? ["ml-leads"] : [] }
        // A submitter claiming a group it is not in gets nothing from the claim.
        XCTAssertEqual(engine.apply(.pause, origin: CommandOrigin(user: "mallory", groups: ["ml-leads"], source: .channel)).outcome, .rejected)
        XCTAssertEqual(engine.apply(.pause, origin: CommandOrigin(user: "dave", source: .channel)).outcome, .applied)
    }
}
