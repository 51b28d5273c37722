import Foundation
import XCTest
@testable import Engine

/// The `access:` section: rights, principals, read-only users and groups,
/// and every problem at its position.
final class AccessSectionTests: XCTestCase {
    private func errors(_ access: String) -> [String] {
        ProjectTestSupport.errors("project: demo\naccess:\n" + access)
    }

    func testWithoutAccessEverythingIsOpen() throws {
        let spec = try XCTUnwrap(ProjectTestSupport.spec("project: demo\n"))
        XCTAssertEqual(spec.access, .open)
        XCTAssertFalse(spec.access.isDeclared)
        XCTAssertEqual(spec.access.decide(.approve, user: "anyone", groups: []), .allowed)
    }

    func testGrantsAndReadOnlyInFileOrder() throws {
        let spec = try XCTUnwrap(ProjectTestSupport.spec("""
        project: demo
        access:
          approve: [alice, group:ml-leads]
          rollback: ["*"]
          archive: []
          users:
            bob: {read_only: true}
            carol: {read_only: false}
          groups:
            contractors: {read_only: true}
        """))
        XCTAssertEqual(spec.access, AccessPolicy(
            grants: [
                AccessGrant(right: .approve, principals: [.user("alice"), .group("ml-leads")]),
                AccessGrant(right: .rollback, principals: [.everyone]),
                AccessGrant(right: .archive, principals: []),
            ],
            readOnly: [.user("bob"), .group("contractors")],
            isDeclared: true))
    }

    func testDecisionsFollowTheLoadedPolicy() throws {
        let policy = try XCTUnwrap(ProjectTestSupport.spec("""
        project: demo
        access:
          approve: [alice, group:ml-leads]
          archive: []
          users: {bob: {read_only: true}}
        """)).access
        XCTAssertEqual(policy.decide(.approve, user: "alice", groups: []), .allowed)
        XCTAssertEqual(policy.decide(.approve, user: "dave", groups: ["ml-leads"]), .allowed)
        XCTAssertEqual(policy.decide(.approve, user: "dave", groups: ["staff"]),
                       .refused("dave may not approve: allowed for alice, group ml-leads"))
        XCTAssertEqual(policy.decide(.archive, user: "alice", groups: []), .refused("alice may not archive: allowed for no one"))
        XCTAssertEqual(policy.decide(.trigger, user: "dave", groups: []), .allowed, "a right without a grant is open")
        XCTAssertEqual(policy.decide(.trigger, user: "bob", groups: []), .refused("bob is read-only on this project (access: read_only)"))
    }

    func testEmptyAccessIsDeclaredAndOpen() throws {
        let policy = try XCTUnwrap(ProjectTestSupport.spec("project: demo\naccess: {}\n")).access
        XCTAssertTrue(policy.isDeclared)
        XCTAssertEqual(policy.grants, [])
        XCTAssertEqual(policy.decide(.rollback, user: "x", groups: []), .allowed)
    }

    func testUnknownKeysWithSuggestions() {
        XCTAssertEqual(errors("  aprove: [alice]\n  user: {bob: {read_only: true}}\n  deploy: [x]\n"), [
            "3:3: unknown key 'aprove' in access; did you mean 'approve'?",
            "4:3: unknown key 'user' in access; did you mean 'users'?",
            "5:3: unknown key 'deploy' in access; expected one of: control, trigger, approve, rollback, weights, archive, alerts, users, groups",
        ])
        XCTAssertEqual(errors("  users:\n    bob: {readonly: true}\n"), ["4:11: unknown key 'readonly' in user 'bob'; did you mean 'read_only'?"])
    }

    func testWrongTypes() {
        XCTAssertEqual(ProjectTestSupport.errors("project: demo\naccess: [alice]\n"), [
            "2:9: access: expected a mapping of rights (control, trigger, approve, rollback, weights, archive, alerts), users and groups, found a list",
        ])
        XCTAssertEqual(errors("  approve: alice\n  rollback: {x: 1}\n"), [
            "3:12: approve: expected a list of who may approve, each a login name, group:NAME or \"*\" (like [alice, group:ml-leads]), found 'alice'",
            "4:13: rollback: expected a list of who may rollback, each a login name, group:NAME or \"*\" (like [alice, group:ml-leads]), found a mapping",
        ])
        XCTAssertEqual(errors("  approve: [[alice], ~]\n"), [
            "3:13: approve: expected a login name, group:NAME or \"*\", found a list",
            "3:22: approve: expected a login name, group:NAME or \"*\", found nothing",
        ])
        XCTAssertEqual(errors("  users: [bob]\n  groups:\n    ops: {read_only: yes please}\n    dev: true\n    qa: {}\n"), [
            "3:10: users: expected a mapping of user names to {read_only: true}, found a list",
            "5:22: read_only: expected true or false, found 'yes please'",
            "6:10: group 'dev': expected {read_only: true}, found 'true'",
            "7:9: group 'qa': expected {read_only: true}, found an empty mapping",
        ])
    }

    func testEmptyNames() {
        XCTAssertEqual(errors("  approve: [\"\", \"group:\"]\n  users: {\"\": {read_only: true}}\n"), [
            "3:14: approve: empty user name; expected a login name, group:NAME or \"*\"",
            "3:24: approve: empty group name; expected group:NAME with a group name",
            "4:11: users: empty user name; expected a login name, group:NAME or \"*\"",
        ])
    }

    func testDuplicatePrincipalsAndNames() {
        XCTAssertEqual(errors("  approve: [alice, group:ops, alice, group:ops, \"*\", \"*\"]\n  users:\n    bob: {read_only: true}\n    bob: {read_only: false}\n"), [
            "3:31: approve: duplicate principal 'alice' (first at 3:13); expected each user or group once",
            "3:38: approve: duplicate principal 'group:ops' (first at 3:20); expected each user or group once",
            "3:54: approve: duplicate principal '*' (first at 3:49); expected each user or group once",
            "6:5: duplicate user 'bob' in users (first at 5:5); expected each user once",
        ])
        XCTAssertEqual(errors("  approve: [a]\n  approve: [b]\n"),
                       ["4:3: duplicate key 'approve' in access (first at 3:3); expected each key once"])
    }

    func testMalformedNamesPointAtTheCharacter() {
        XCTAssertEqual(errors("  approve: [\"ali\\u001Bce\", \"group:o\\u0085ps\", \"bob smith\", \"x:y\", \"a*\"]\n"), [
            "3:17: approve: user name has a control character (U+001B); expected a user name without control characters",
            "3:36: approve: group name has a control character (U+0085); expected a group name without control characters",
            "3:51: approve: user name has a space (U+0020); expected one user name per list item",
            "3:62: approve: user name has ':' (a group is written group:NAME); expected a user name without ':', ',' or '*'",
            "3:69: approve: user name has '*'; expected a user name without ':', ',' or '*'",
        ])
        XCTAssertEqual(errors("  groups:\n    \"o\\tps\": {read_only: true}\n"),
                       ["4:5: groups: group name has a control character (U+0009); expected a group name without control characters"])
    }

    func testOverlongName() {
        let long = String(repeating: "a", count: 300)
        XCTAssertEqual(errors("  approve: [\(long)]\n"),
                       ["3:13: approve: user name is 300 characters long; expected at most 256"])
    }

    func testAllErrorsAtOnceWithTheRestOfTheFile() {
        XCTAssertEqual(ProjectTestSupport.errors("project: demo\nseed: x\naccess:\n  trigger: [\"\"]\n  oops: 1\n"), [
            "2:7: seed: expected an integer from 0 to 18446744073709551615, found 'x'",
            "4:14: trigger: empty user name; expected a login name, group:NAME or \"*\"",
            "5:3: unknown key 'oops' in access; expected one of: control, trigger, approve, rollback, weights, archive, alerts, users, groups",
        ])
    }

    func testEmbeddedDemoRestrictsNothing() throws {
        let demo = try ProjectLoader.embeddedDemo(builtins: BuiltinRegistry.standard.names).get()
        XCTAssertEqual(demo.access, .open)
    }

    func testDocumentedExamplesAreValid() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        for file in ["docs/project-file.md", "README.md"] {
            let text = try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)
            let section = try XCTUnwrap(text.range(of: "## Access\n"), file)
            let start = try XCTUnwrap(text.range(of: "```yaml\n", range: section.upperBound..<text.endIndex), file)
            let end = try XCTUnwrap(text.range(of: "```", range: start.upperBound..<text.endIndex), file)
            let policy = try XCTUnwrap(ProjectTestSupport.spec("project: demo\n" + text[start.upperBound..<end.lowerBound])).access
            XCTAssertTrue(policy.isDeclared, file)
            XCTAssertEqual(policy.grant(for: .approve)?.principals, [.user("alice"), .group("ml-leads")], file)
            XCTAssertEqual(policy.readOnly.first, .user("bob"), file)
        }
        let demo = EmbeddedDemo.text
        let example = try XCTUnwrap(demo.range(of: "# access:\n", options: .backwards))
        let uncommented = demo[example.lowerBound...].split(separator: "\n").map { $0.dropFirst(2) }.joined(separator: "\n")
        let policy = try XCTUnwrap(ProjectTestSupport.spec("project: demo\n" + uncommented + "\n")).access
        XCTAssertEqual(policy.grants.map(\.right), [.approve, .rollback])
    }
}
