import SimKernel

/// One audit record as the log keeps it: its place in the chain
/// (``seq``, starting at 1), the hash of the entry before it and its own
/// hash (see ``AuditChain``).
public struct AuditEntry: Sendable, Hashable, Codable {
    /// The entry's number: 1, 2, 3 ... without gaps.
    public var seq: Int64
    /// What was done, by whom, from where.
    public var record: AuditRecord
    /// The previous entry's ``hash`` (``AuditChain/genesisHash`` for entry 1).
    public var prevHash: String
    /// ``AuditChain/hash(seq:record:prevHash:)`` of this entry.
    public var hash: String

    /// An entry with the given fields (the hash is taken as given).
    public init(seq: Int64, record: AuditRecord, prevHash: String, hash: String) {
        self.seq = seq
        self.record = record
        self.prevHash = prevHash
        self.hash = hash
    }

    /// The entry that follows `previous` (nil: the first one), hashed.
    public static func chained(_ record: AuditRecord, after previous: AuditHead?) -> AuditEntry {
        let seq = (previous?.seq ?? 0) + 1
        let prevHash = previous?.hash ?? AuditChain.genesisHash
        return AuditEntry(seq: seq, record: record, prevHash: prevHash,
                          hash: AuditChain.hash(seq: seq, record: record, prevHash: prevHash))
    }

    /// This entry's place in the chain, as the head file keeps it.
    public var head: AuditHead { AuditHead(seq: seq, hash: hash) }
}

/// The newest entry of an audit log: its number and hash.
public struct AuditHead: Sendable, Hashable, Codable {
    /// The newest entry's number (0 for an empty log).
    public var seq: Int64
    /// The newest entry's hash.
    public var hash: String

    /// A head with the given fields.
    public init(seq: Int64, hash: String) {
        self.seq = seq
        self.hash = hash
    }
}

/// The audit log's hash chain.
///
/// `hash = SHA-256(encoding)`, as 64 lower-case hex digits, where
/// `encoding` is the concatenation of these fields, in this order:
///
/// 1. the format tag `flightdeck-audit-v1` (a string),
/// 2. `seq` (an integer),
/// 3. `prev_hash` (a string: the previous entry's hex hash, 64 zeros for entry 1),
/// 4. `wall_time` (string or absent), 5. `sim_time_ms` (integer),
/// 6. `user`, 7. `ssh_client` (or absent), 8. `source`, 9. `action`,
/// 10. `target`, 11. `reason` (or absent), 12. `result`, 13. `message`.
///
/// Each field is self-delimiting, so no two different entries encode to the
/// same bytes: a string is the byte `S`, its UTF-8 length as 8 bytes
/// big-endian, then its UTF-8 bytes; an integer is the byte `I` and 8 bytes
/// big-endian two's complement; an absent value is the single byte `N`.
///
/// Because each hash covers the previous one, changing, removing or
/// reordering an entry breaks every link after it, unless all later hashes
/// are recomputed too: the chain detects edits, it does not prevent them.
public enum AuditChain {
    /// The format tag hashed first; a new encoding gets a new tag.
    public static let formatTag = "flightdeck-audit-v1"
    /// The `prev_hash` of the first entry: 64 zeros.
    public static let genesisHash = String(repeating: "0", count: 64)

    /// The hash of an entry with these fields.
    public static func hash(seq: Int64, record: AuditRecord, prevHash: String) -> String {
        SHA256.hexDigest(of: encoding(seq: seq, record: record, prevHash: prevHash))
    }

    /// The canonical bytes the hash is taken over (see ``AuditChain``).
    public static func encoding(seq: Int64, record: AuditRecord, prevHash: String) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(256)
        appendString(formatTag, to: &bytes)
        appendInteger(seq, to: &bytes)
        appendString(prevHash, to: &bytes)
        appendString(record.wallTime, to: &bytes)
        appendInteger(record.simTime.milliseconds, to: &bytes)
        appendString(record.user, to: &bytes)
        appendString(record.sshClient, to: &bytes)
        appendString(record.source.rawValue, to: &bytes)
        appendString(record.action, to: &bytes)
        appendString(record.target, to: &bytes)
        appendString(record.reason, to: &bytes)
        appendString(record.result, to: &bytes)
        appendString(record.message, to: &bytes)
        return bytes
    }

    private static func appendString(_ text: String?, to bytes: inout [UInt8]) {
        guard let text else {
            bytes.append(UInt8(ascii: "N"))
            return
        }
        let utf8 = Array(text.utf8)
        bytes.append(UInt8(ascii: "S"))
        appendBigEndian(UInt64(utf8.count), to: &bytes)
        bytes.append(contentsOf: utf8)
    }

    private static func appendInteger(_ value: Int64, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "I"))
        appendBigEndian(UInt64(bitPattern: value), to: &bytes)
    }

    private static func appendBigEndian(_ value: UInt64, to bytes: inout [UInt8]) {
        for shift in stride(from: 56, through: 0, by: -8) {
            bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift)))
        }
    }
}
