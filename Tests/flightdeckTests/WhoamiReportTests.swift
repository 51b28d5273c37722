import Engine
import Foundation
import XCTest
@testable import flightdeck

/// `flightdeck whoami`: each right allowed or refused with its reason, the
/// default policy, read-only, and the state directory's engine.
final class WhoamiReportTests: XCTestCase {
    private var directory: String!

    override func setUpWithError() throws {
        var template = Array("/tmp/flightdeck-whoami-XXXXXX".utf8CString)
        directory = String(cString: try XCTUnwrap(mkdtemp(&template)))
    }

    override func tearDown() {
        try? FileManager.default.removeItem(atPath: directory)
    }

    private func spec(_ access: AccessPolicy) -> ProjectSpec {
        var spec = ProjectSpec(name: "fraud", source: "flightdeck.yaml")
        spec.access = access
        return spec
    }

    private let policy = AccessPolicy(
        grants: [AccessGrant(right: .approve, principals: [.user("alice"), .group("ml-leads")]),
                 AccessGrant(right: .rollback, principals: [.everyone]),
                 AccessGrant(right: .archive, principals: [])],
        readOnly: [.group("contractors")], isDeclared: true)

    private func report(_ access: AccessPolicy, user: String = "bob", groups: [String] = ["ml-leads", "staff"],
                        readOnly: Bool = false) -> WhoamiReport {
        WhoamiReport.make(user: user, uid: 1001, groups: groups, sshClient: "10.0.0.5", spec: spec(access), projectFile: "flightdeck.yaml",
                          sessionReadOnly: readOnly, stateDirectory: StateDirectoryStatus(path: directory + "/.flightdeck", exists: false))
    }

    func testEachRightWithItsReason() {
        let rights = report(policy).rights
        XCTAssertEqual(rights.map(\.right), ["control", "trigger", "approve", "rollback", "weights", "archive", "alerts"])
        XCTAssertEqual(rights[0], .init(right: "control", allowed: true, reason: "no rule for control: open to everyone"))
        XCTAssertEqual(rights[2], .init(right: "approve", allowed: true, reason: "granted to group ml-leads"))
        XCTAssertEqual(rights[3], .init(right: "rollback", allowed: true, reason: "granted to everyone"))
        XCTAssertEqual(rights[5], .init(right: "archive", allowed: false, reason: "bob may not archive: allowed for no one"))
        let dave = report(policy, user: "dave", groups: ["staff"]).rights
        XCTAssertEqual(dave[2], .init(right: "approve", allowed: false, reason: "dave may not approve: allowed for alice, group ml-leads"))
    }

    func testDefaultPolicyIsSaid() {
        let open = report(.open)
        XCTAssertFalse(open.accessDeclared)
        XCTAssertEqual(open.policy, "default policy: everyone who can open the state directory may do everything")
        XCTAssertTrue(open.rights.allSatisfy(\.allowed))
        XCTAssertTrue(open.text.contains("policy:    default policy: everyone who can open the state directory may do everything"), open.text)
        XCTAssertEqual(report(policy).policy, "access: declared in flightdeck.yaml")
    }

    func testReadOnlySessionAndReadOnlyGroup() {
        let session = report(.open, readOnly: true)
        XCTAssertTrue(session.readOnly)
        XCTAssertEqual(session.readOnlyReason, "started with --read-only")
        XCTAssertTrue(session.rights.allSatisfy { !$0.allowed })
        let contractor = report(policy, user: "erin", groups: ["contractors"])
        XCTAssertTrue(contractor.readOnly)
        XCTAssertEqual(contractor.rights[1].reason, "erin is read-only on this project (access: read_only)")
        XCTAssertTrue(contractor.text.contains("read-only: yes, access: read_only names erin or one of their groups"), contractor.text)
        XCTAssertFalse(report(policy).readOnly)
    }

    func testText() {
        let text = report(policy).text
        XCTAssertEqual(Array(text.split(separator: "\n").prefix(9)), [
            "user:      bob (uid 1001)",
            "groups:    ml-leads, staff",
            "ssh:       10.0.0.5",
            "project:   fraud (flightdeck.yaml)",
            "policy:    access: declared in flightdeck.yaml",
            "read-only: no",
            "rights:",
            "  control   allowed  no rule for control: open to everyone",
            "  trigger   allowed  no rule for trigger: open to everyone",
        ])
        XCTAssertTrue(text.contains("  archive   refused  bob may not archive: allowed for no one"), text)
        XCTAssertTrue(text.hasSuffix("state:     \(directory!)/.flightdeck (not created yet)\nengine:    none has opened this state directory"), text)
    }

    func testJSONCarriesEveryField() throws {
        let json = report(policy).json
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        XCTAssertEqual(object["user"] as? String, "bob")
        XCTAssertEqual(object["uid"] as? Int, 1001)
        XCTAssertEqual(object["accessDeclared"] as? Bool, true)
        XCTAssertEqual(object["readOnly"] as? Bool, false)
        let rights = try XCTUnwrap(object["rights"] as? [[String: Any]])
        XCTAssertEqual(rights.count, AccessRight.allCases.count)
        XCTAssertEqual(rights[5]["allowed"] as? Bool, false)
        XCTAssertEqual(try JSONDecoder().decode(WhoamiReport.self, from: Data(json.utf8)), report(policy))
    }

    func testStateDirectoryHeldByThisProcess() throws {
        let path = directory + "/state"
        let opened = try StateDirectory(path: path)
        let held = StateDirectoryStatus.inspect(path)
        XCTAssertTrue(held.exists)
        XCTAssertEqual(held.mode, "0700")
        XCTAssertEqual(held.owner, StateDirectoryStatus.userName(uid: geteuid()))
        let holder = try XCTUnwrap(held.holder)
        XCTAssertEqual(holder.pid, getpid())
        XCTAssertTrue(holder.running)
        XCTAssertTrue(opened.isOpen, "inspecting does not take the lock")
        opened.close()
        let left = try XCTUnwrap(StateDirectoryStatus.inspect(path).holder)
        XCTAssertEqual(left.pid, getpid())
        XCTAssertFalse(left.running, "the lock file stays, the lock is gone")
        let text = WhoamiReport.make(user: "bob", uid: 1, groups: [], sshClient: nil, spec: spec(.open), projectFile: nil, sessionReadOnly: false,
                                     stateDirectory: StateDirectoryStatus.inspect(path)).text
        XCTAssertTrue(text.contains("state:     \(path) (owner "), text)
        XCTAssertTrue(text.contains("mode 0700)"), text)
        XCTAssertTrue(text.contains("engine:    none running (the last one was pid \(getpid())"), text)
        XCTAssertTrue(text.contains("ssh:       not an SSH session"), text)
        XCTAssertFalse(text.contains("warning:"), text)
    }

    func testLooseStateDirectoryWarns() throws {
        let path = directory + "/loose"
        XCTAssertEqual(mkdir(path, 0o755), 0)
        XCTAssertEqual(chmod(path, 0o755), 0)
        let status = StateDirectoryStatus.inspect(path)
        XCTAssertEqual(status.warnings, ["open to group or others (mode 0755): chmod 700 \(path)"])
        XCTAssertNil(status.holder)
        let text = WhoamiReport.make(user: "bob", uid: 1, groups: [], sshClient: nil, spec: spec(.open), projectFile: nil, sessionReadOnly: false,
                                     stateDirectory: status).text
        XCTAssertTrue(text.contains("warning:   state directory open to group or others (mode 0755)"), text)
        if geteuid() == 0 {
            XCTAssertEqual(chown(path, 4242, 4242), 0)
            XCTAssertEqual(StateDirectoryStatus.inspect(path).warnings.first, "owned by 4242, not by you")
        }
    }

    func testUnixGroupsOfRoot() {
        XCTAssertTrue(UnixGroups.names(ofUser: "root").contains("root"))
        XCTAssertEqual(UnixGroups.names(ofUser: "no-such-user-\(getpid())"), [])
        XCTAssertEqual(UnixGroups.resolve("no-such-user-\(getpid())", fallback: ["given"]), ["given"])
    }
}
