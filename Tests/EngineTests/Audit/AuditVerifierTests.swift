import XCTest
@testable import Engine

/// The verifier recomputes the chain and names the first problem: an edit,
/// a gap, a reorder, a re-link, and (with the head kept apart) deleted or
/// rewritten newest entries.
final class AuditVerifierTests: XCTestCase {
    private func chain(_ count: Int) throws -> [AuditEntry] {
        let log = InMemoryAuditLog()
        for index in 1...count {
            try log.append(AuditChainTests.record("action-\(index)", at: Int64(index)))
        }
        return log.entries
    }

    func testAnIntactChainReportsItsCountAndHead() throws {
        let entries = try chain(4)
        let result = AuditVerifier.verify(entries, head: .present(entries[3].head))
        XCTAssertNil(result.problem)
        XCTAssertEqual(result.summary, "audit log intact: 4 entries, head \(entries[3].hash.prefix(12))")
        XCTAssertEqual(AuditVerifier.verify([], head: .absent).summary, "audit log intact: 0 entries, head none")
    }

    func testAnEditedEntryIsNamedWithItsHashes() throws {
        var entries = try chain(4)
        entries[1].record.reason = "edited"
        let result = AuditVerifier.verify(entries, head: .notKept)
        let computed = AuditChain.hash(seq: 2, record: entries[1].record, prevHash: entries[1].prevHash)
        XCTAssertEqual(result.problem, .altered(seq: 2, storedHash: entries[1].hash, computedHash: computed))
        XCTAssertEqual(result.problem?.message,
                       "entry 2 was altered: its stored hash \(entries[1].hash.prefix(12)) does not match its contents (they hash to \(computed.prefix(12)))")
    }

    func testARehashedEditBreaksTheNextLink() throws {
        var entries = try chain(4)
        entries[1].record.reason = "edited"
        entries[1].hash = AuditChain.hash(seq: 2, record: entries[1].record, prevHash: entries[1].prevHash)
        XCTAssertEqual(AuditVerifier.verify(entries, head: .notKept).problem,
                       .relinked(seq: 3, storedPrevHash: entries[2].prevHash, expectedPrevHash: entries[1].hash))
    }

    func testDeletedEntriesShowAsAGap() throws {
        var entries = try chain(6)
        entries.removeSubrange(2...3)
        let problem = AuditVerifier.verify(entries, head: .notKept).problem
        XCTAssertEqual(problem, .missing(from: 3, through: 4))
        XCTAssertEqual(problem?.message, "entries 3 to 4 are missing: the log jumps from 2 to 5")
        XCTAssertEqual(AuditVerifier.verify(Array(try chain(3).dropFirst()), head: .notKept).problem?.message,
                       "entry 1 is missing: the log jumps from 0 to 2")
    }

    func testSwappedEntriesAreReportedAsReordered() throws {
        var entries = try chain(5)
        let second = entries[1], third = entries[2]
        entries[1] = third
        entries[1].seq = 2
        entries[2] = second
        entries[2].seq = 3
        let problem = AuditVerifier.verify(entries, head: .notKept).problem
        XCTAssertEqual(problem, .moved(seq: 2, writtenAs: 3))
        XCTAssertEqual(problem?.message, "entry 2 holds the entry written as 3: entries were reordered")
    }

    func testTheHeadShowsDeletedOrRewrittenNewestEntries() throws {
        let entries = try chain(5)
        let head = entries[4].head
        XCTAssertEqual(AuditVerifier.verify(Array(entries.prefix(3)), head: .present(head)).problem, .truncated(headSeq: 5, lastSeq: 3))
        XCTAssertEqual(AuditVerifier.verify(Array(entries.prefix(3)), head: .present(head)).problem?.message,
                       "the newest entries are missing: audit.head records entry 5 but the log ends at 3 (entries 4 to 5 deleted)")
        XCTAssertEqual(AuditVerifier.verify([], head: .present(head)).problem, .truncated(headSeq: 5, lastSeq: nil))
        XCTAssertNil(AuditVerifier.verify(Array(entries.prefix(3)), head: .notKept).problem, "the chain alone cannot see it")

        var rewritten = entries
        rewritten[4].record.reason = "rewritten"
        rewritten[4].hash = AuditChain.hash(seq: 5, record: rewritten[4].record, prevHash: rewritten[4].prevHash)
        XCTAssertEqual(AuditVerifier.verify(rewritten, head: .present(head)).problem,
                       .headMismatch(seq: 5, headHash: head.hash, entryHash: rewritten[4].hash))
        XCTAssertEqual(AuditVerifier.verify(entries, head: .absent).problem, .headMissing(lastSeq: 5))
        XCTAssertEqual(AuditVerifier.verify(entries, head: .unreadable("bad")).problem, .headUnreadable("bad"))
    }

    func testAHeadBehindTheLogIsAcceptedWhenItsHashMatches() throws {
        let entries = try chain(5)
        let result = AuditVerifier.verify(entries, head: .present(entries[2].head))
        XCTAssertNil(result.problem)
        XCTAssertEqual(result.note, "audit.head records entry 3; 2 newer entries were appended since it was written")
        XCTAssertEqual(AuditVerifier.verify(entries, head: .present(AuditHead(seq: 3, hash: entries[1].hash))).problem,
                       .headMismatch(seq: 3, headHash: entries[1].hash, entryHash: entries[2].hash))
    }

    func testAnUnreadableEntryIsReportedAfterTheIntactOnesBeforeIt() throws {
        let entries = try chain(4)
        XCTAssertEqual(AuditVerifier.verify(Array(entries.prefix(2)), head: .notKept, unreadable: (3, "unknown source")).problem,
                       .unreadable(seq: 3, reason: "unknown source"))
        var edited = entries
        edited[0].record.user = "mallory"
        guard case .altered(seq: 1, _, _) = AuditVerifier.verify(Array(edited.prefix(2)), head: .notKept, unreadable: (3, "x")).problem else {
            return XCTFail("the earlier problem comes first")
        }
    }
}
