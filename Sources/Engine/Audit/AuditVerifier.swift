/// What the head file kept apart from the log says (see ``AuditHeadFile``).
public enum StoredAuditHead: Sendable, Hashable {
    /// No head is kept apart from the log (an in-memory log).
    case notKept
    /// The head file does not exist.
    case absent
    /// The head file names this entry.
    case present(AuditHead)
    /// The head file exists but could not be read or parsed.
    case unreadable(String)
}

/// The first thing wrong with an audit log.
public enum AuditProblem: Sendable, Hashable {
    /// The entry's contents no longer hash to its stored hash: it was edited.
    case altered(seq: Int64, storedHash: String, computedHash: String)
    /// The entry at `seq` hashes correctly only as entry `writtenAs`:
    /// entries were reordered (renumbered).
    case moved(seq: Int64, writtenAs: Int64)
    /// The entry's `prev_hash` is not the hash of the entry before it: it
    /// was re-linked (or an entry before it was rewritten with a new hash).
    case relinked(seq: Int64, storedPrevHash: String, expectedPrevHash: String)
    /// Entries `from` through `through` are not in the log (deleted).
    case missing(from: Int64, through: Int64)
    /// The head file names entry `headSeq` but the log ends at `lastSeq`
    /// (nil: the log is empty): the newest entries were deleted.
    case truncated(headSeq: Int64, lastSeq: Int64?)
    /// The log's entry `seq` has another hash than the head file records:
    /// the newest entries were rewritten.
    case headMismatch(seq: Int64, headHash: String, entryHash: String)
    /// The log has entries but the head file is gone.
    case headMissing(lastSeq: Int64)
    /// The head file could not be read.
    case headUnreadable(String)
    /// An entry could not be read back (e.g. an unknown source).
    case unreadable(seq: Int64, reason: String)
    /// Two entries carry the same number.
    case duplicate(seq: Int64)

    /// One line for the operator, naming the entry and the hashes involved.
    public var message: String {
        switch self {
        case .altered(let seq, let stored, let computed):
            "entry \(seq) was altered: its stored hash \(short(stored)) does not match its contents (they hash to \(short(computed)))"
        case .moved(let seq, let writtenAs):
            "entry \(seq) holds the entry written as \(writtenAs): entries were reordered"
        case .relinked(let seq, let stored, let expected):
            "entry \(seq) is re-linked: its prev_hash \(short(stored)) is not the hash of entry \(seq - 1) (\(short(expected)))"
        case .missing(let from, let through):
            from == through
                ? "entry \(from) is missing: the log jumps from \(from - 1) to \(through + 1)"
                : "entries \(from) to \(through) are missing: the log jumps from \(from - 1) to \(through + 1)"
        case .truncated(let headSeq, let lastSeq):
            "the newest entries are missing: \(AuditHeadFile.fileName) records entry \(headSeq) but the log "
                + (lastSeq.map { "ends at \($0) (entries \($0 + 1) to \(headSeq) deleted)" } ?? "is empty")
        case .headMismatch(let seq, let headHash, let entryHash):
            "entry \(seq) does not match \(AuditHeadFile.fileName): the head records hash \(short(headHash)), the log has \(short(entryHash)) (the newest entries were rewritten)"
        case .headMissing(let lastSeq):
            "\(AuditHeadFile.fileName) is missing but the log has \(lastSeq) entr\(lastSeq == 1 ? "y" : "ies") (the head file was deleted)"
        case .headUnreadable(let reason):
            "\(AuditHeadFile.fileName) cannot be read: \(reason)"
        case .unreadable(let seq, let reason):
            "entry \(seq) cannot be read: \(reason)"
        case .duplicate(let seq):
            "entry \(seq) appears more than once"
        }
    }

    private func short(_ hash: String) -> String { String(hash.prefix(12)) }
}

/// The result of verifying an audit log.
public struct AuditVerification: Sendable, Hashable {
    /// How many entries the log has.
    public var entryCount: Int
    /// The newest entry's number and hash (nil: empty log).
    public var head: AuditHead?
    /// The first problem found, nil when the log is intact.
    public var problem: AuditProblem?
    /// Something worth saying about an intact log (the head file lagging
    /// behind entries appended since it was read).
    public var note: String?

    /// Whether no problem was found.
    public var isIntact: Bool { problem == nil }

    /// `audit log intact: N entries, head <12 hex>` or the problem.
    public var summary: String {
        if let problem { return "audit log damaged: " + problem.message }
        let count = "\(entryCount) entr\(entryCount == 1 ? "y" : "ies")"
        return "audit log intact: \(count), head " + (head.map { String($0.hash.prefix(12)) } ?? "none")
    }
}

/// Recomputes an audit log's hash chain and reports the first problem.
///
/// What it finds: an edited entry (its hash no longer matches its
/// contents), a deleted entry (a gap in the numbers), reordered entries (an
/// entry that hashes correctly only under another number), a re-linked
/// entry (a `prev_hash` that is not the previous hash), and, with the head
/// file, deleted or rewritten newest entries. What it cannot find: a log
/// rewritten from some entry on with every later hash recomputed and the
/// head file rewritten to match — anyone who can write both the database
/// and the head file can rewrite history. The chain makes tampering
/// visible; it does not prevent it.
public enum AuditVerifier {
    /// How far away an altered entry's number is searched for a reorder.
    static let reorderWindow: Int64 = 1_000

    /// Verifies `entries` (in any order; they are sorted by number) against
    /// the head kept apart. `unreadable` is the first entry that could not be
    /// read, reported if everything before it is intact.
    public static func verify(_ entries: [AuditEntry], head stored: StoredAuditHead,
                              unreadable: (seq: Int64, reason: String)? = nil) -> AuditVerification {
        let sorted = entries.sorted { $0.seq < $1.seq }
        var result = AuditVerification(entryCount: sorted.count, head: sorted.last?.head, problem: nil, note: nil)
        var previous: AuditEntry?
        for entry in sorted {
            if let unreadable, unreadable.seq < entry.seq {
                result.problem = .unreadable(seq: unreadable.seq, reason: unreadable.reason)
                return result
            }
            if let problem = check(entry, after: previous) {
                result.problem = problem
                return result
            }
            previous = entry
        }
        if let unreadable {
            result.problem = .unreadable(seq: unreadable.seq, reason: unreadable.reason)
            return result
        }
        switch stored {
        case .notKept:
            break
        case .unreadable(let reason):
            result.problem = .headUnreadable(reason)
        case .absent:
            if let last = sorted.last { result.problem = .headMissing(lastSeq: last.seq) }
        case .present(let head):
            let last = sorted.last
            if head.seq > (last?.seq ?? 0) {
                result.problem = head.seq == 0 ? nil : .truncated(headSeq: head.seq, lastSeq: last?.seq)
            } else if head.seq == 0 {
                break
            } else if let entry = sorted.first(where: { $0.seq == head.seq }) {
                if entry.hash != head.hash {
                    result.problem = .headMismatch(seq: head.seq, headHash: head.hash, entryHash: entry.hash)
                } else if let last, last.seq > head.seq {
                    let newer = last.seq - head.seq
                    result.note = "\(AuditHeadFile.fileName) records entry \(head.seq); \(newer) newer entr\(newer == 1 ? "y was" : "ies were") appended since it was written"
                }
            }
        }
        return result
    }

    private static func check(_ entry: AuditEntry, after previous: AuditEntry?) -> AuditProblem? {
        let expectedSeq = (previous?.seq ?? 0) + 1
        if entry.seq != expectedSeq {
            return entry.seq > expectedSeq ? .missing(from: expectedSeq, through: entry.seq - 1) : .duplicate(seq: entry.seq)
        }
        let computed = AuditChain.hash(seq: entry.seq, record: entry.record, prevHash: entry.prevHash)
        if computed != entry.hash {
            let low = Swift.max(1, entry.seq - reorderWindow), high = entry.seq + reorderWindow
            for other in low...high where other != entry.seq
                && AuditChain.hash(seq: other, record: entry.record, prevHash: entry.prevHash) == entry.hash {
                return .moved(seq: entry.seq, writtenAs: other)
            }
            return .altered(seq: entry.seq, storedHash: entry.hash, computedHash: computed)
        }
        let expectedPrev = previous?.hash ?? AuditChain.genesisHash
        if entry.prevHash != expectedPrev {
            return .relinked(seq: entry.seq, storedPrevHash: entry.prevHash, expectedPrevHash: expectedPrev)
        }
        return nil
    }
}
