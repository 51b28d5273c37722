import ArgumentParser
import Engine
import XCTest
@testable import flightdeck

/// `flightdeck audit`: the listing's columns (cleaned of control
/// characters), the JSON fields, and reading the log both while an engine
/// holds the state directory (read-only) and when none does.
final class AuditCommandTests: XCTestCase {
    private typealias F = MonitoringCLIFixtures

    private func record(_ action: String, user: String = "alice", reason: String? = "looks good") -> AuditRecord {
        AuditRecord(simTime: SimTime(milliseconds: 90_000), wallTime: "2026-11-22T06:00:00Z", user: user, sshClient: "10.0.0.7",
                    source: .key, action: action, target: "fraud v2", reason: reason, result: "applied", message: "done")
    }

    func testTheListingHasOneAlignedLinePerEntryAndNoControlCharacters() throws {
        let log = InMemoryAuditLog()
        try log.append(record("approve"))
        try log.append(record("rollback", user: "evil\u{1B}]0;pwned\u{07}bob", reason: nil))
        XCTAssertEqual(AuditText.render(log.entries), """
            SEQ  WALL TIME             SIM TIME     USER     SSH CLIENT  SOURCE  ACTION    TARGET    REASON      RESULT
            1    2026-11-22T06:00:00Z  d0 00:01:30  alice    10.0.0.7    key     approve   fraud v2  looks good  applied
            2    2026-11-22T06:00:00Z  d0 00:01:30  evilbob  10.0.0.7    key     rollback  fraud v2  -           applied
            """)
        XCTAssertEqual(AuditText.emptyLine(user: "bob"), "no audit entries by bob")
    }

    func testTheJSONCarriesEveryFieldAndTheHashes() throws {
        let log = InMemoryAuditLog()
        try log.append(record("approve"))
        let json = AuditEntryJSON(log.entries[0])
        XCTAssertEqual(json.seq, 1)
        XCTAssertEqual(json.simTime, "d0 00:01:30")
        XCTAssertEqual(json.simTimeMs, 90_000)
        XCTAssertEqual(json.sshClient, "10.0.0.7")
        XCTAssertEqual(json.prevHash, AuditChain.genesisHash)
        XCTAssertEqual(json.hash, log.entries[0].hash)
        let verification = AuditVerificationJSON(log.verify())
        XCTAssertTrue(verification.intact)
        XCTAssertEqual(verification.headSeq, 1)
        XCTAssertNil(verification.problem)
    }

    func testTheOptionsAreParsedAndTheCommandIsRegistered() throws {
        let command = try AuditCommand.parse(["--verify", "--json", "--limit", "5", "--user", "bob"])
        XCTAssertTrue(command.verify)
        XCTAssertTrue(command.json)
        XCTAssertEqual(command.limit, 5)
        XCTAssertEqual(command.user, "bob")
        XCTAssertTrue(Flightdeck.configuration.subcommands.map { $0.configuration.commandName }.contains("audit"))
        XCTAssertThrowsError(try AuditCommand.parse(["--limit=-1", "--project", "/nonexistent/flightdeck.yaml"]).run()) { error in
            XCTAssertEqual(error as? ExitCode, ExitCode(2))
        }
    }

    func testTheLogIsReadWhileAnEngineHoldsTheDirectoryAndWhenNoneDoes() throws {
        let root = try F.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let workspace = try F.workspace(statePath: root + "/state")
        XCTAssertNil(try workspace.withAuditStore { $0 }, "no state yet: nothing is created")
        XCTAssertFalse(FileManager.default.fileExists(atPath: root + "/state"))

        let held = try workspace.openEngine(persist: true)
        held.engine.apply(.pause, origin: CommandOrigin(user: "alice", sshClient: "10.0.0.7", source: .key, wallTime: "2026-11-22T06:00:00Z"))
        let live = try workspace.withAuditStore { store in try XCTUnwrap(store).entries() }
        let pause = try XCTUnwrap(live.last)
        XCTAssertEqual(pause.record.action, "pause")
        XCTAssertEqual(pause.record.user, "alice")
        XCTAssertTrue(try workspace.withAuditStore { try XCTUnwrap($0).verify() }.isIntact)
        XCTAssertEqual(permissionBits(root + "/state/audit.head"), 0o600)
        held.shutdown()
        held.directory?.close()

        let stopped = try workspace.withAuditStore { store in try XCTUnwrap(store).entries(user: "alice") }
        XCTAssertEqual(stopped.map(\.record.action), ["pause"])
    }

    private func permissionBits(_ path: String) -> mode_t? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return info.st_mode & 0o7777
    }
}
