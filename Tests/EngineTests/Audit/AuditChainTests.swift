import XCTest
@testable import Engine

/// The audit chain's canonical encoding is unambiguous and its hash covers
/// every field, the number and the link to the previous entry.
final class AuditChainTests: XCTestCase {
    static func record(_ action: String = "approve", user: String = "alice", reason: String? = "looks good",
                       at seconds: Int64 = 60) -> AuditRecord {
        AuditRecord(simTime: SimTime(milliseconds: seconds * 1000), wallTime: "2026-11-22T06:00:00Z", user: user,
                    sshClient: "10.0.0.7", source: .key, action: action, target: "fraud v2", reason: reason,
                    result: "applied", message: "fraud v2 approved by \(user)")
    }

    func testTheEncodingIsLengthPrefixedAndTagsAbsentValues() {
        let record = AuditRecord(simTime: SimTime(milliseconds: 5), wallTime: nil, user: "u", sshClient: nil, source: .cli,
                                 action: "a", target: "t", reason: nil, result: "r", message: "")
        let bytes = AuditChain.encoding(seq: 1, record: record, prevHash: "p")
        func string(_ text: String) -> [UInt8] { [UInt8(ascii: "S")] + [0, 0, 0, 0, 0, 0, 0, UInt8(text.utf8.count)] + Array(text.utf8) }
        func integer(_ value: UInt8) -> [UInt8] { [UInt8(ascii: "I"), 0, 0, 0, 0, 0, 0, 0, value] }
        let absent = [UInt8(ascii: "N")]
        let expected = string("flightdeck-audit-v1") + integer(1) + string("p") + absent + integer(5) + string("u") + absent
            + string("cli") + string("a") + string("t") + absent + string("r") + string("")
        XCTAssertEqual(bytes, expected)
    }

    func testMovingTextBetweenFieldsChangesTheHash() {
        var first = Self.record()
        first.action = "ab"
        first.target = "c"
        var second = Self.record()
        second.action = "a"
        second.target = "bc"
        XCTAssertNotEqual(AuditChain.hash(seq: 1, record: first, prevHash: AuditChain.genesisHash),
                          AuditChain.hash(seq: 1, record: second, prevHash: AuditChain.genesisHash))
        var empty = Self.record()
        empty.reason = ""
        var none = Self.record()
        none.reason = nil
        XCTAssertNotEqual(AuditChain.hash(seq: 1, record: empty, prevHash: AuditChain.genesisHash),
                          AuditChain.hash(seq: 1, record: none, prevHash: AuditChain.genesisHash), "an empty reason is not a missing one")
    }

    func testTheHashCoversTheNumberAndThePreviousHash() {
        let record = Self.record()
        let base = AuditChain.hash(seq: 3, record: record, prevHash: AuditChain.genesisHash)
        XCTAssertEqual(base.count, 64)
        XCTAssertNotEqual(base, AuditChain.hash(seq: 4, record: record, prevHash: AuditChain.genesisHash))
        XCTAssertNotEqual(base, AuditChain.hash(seq: 3, record: record, prevHash: String(repeating: "1", count: 64)))
        XCTAssertEqual(base, AuditChain.hash(seq: 3, record: record, prevHash: AuditChain.genesisHash), "deterministic")
    }

    func testEntriesChainFromTheGenesisHash() throws {
        let log = InMemoryAuditLog()
        try log.append(Self.record("approve"))
        try log.append(Self.record("rollback"))
        XCTAssertEqual(log.entries.map(\.seq), [1, 2])
        XCTAssertEqual(log.entries[0].prevHash, AuditChain.genesisHash)
        XCTAssertEqual(log.entries[1].prevHash, log.entries[0].hash)
        XCTAssertEqual(log.head, log.entries[1].head)
        XCTAssertTrue(log.verify().isIntact)
    }
}
