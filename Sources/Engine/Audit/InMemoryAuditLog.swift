/// An audit log in memory with the same hash chain as the SQLite store (for
/// tests and runs without a state directory).
public final class InMemoryAuditLog: AuditSink {
    /// Every entry, oldest first.
    public private(set) var entries: [AuditEntry] = []

    /// An empty log.
    public init() {}

    public func append(_ record: AuditRecord) throws {
        entries.append(AuditEntry.chained(record, after: entries.last?.head))
    }

    /// The newest entry's number and hash, nil when empty.
    public var head: AuditHead? { entries.last?.head }

    /// Verifies the chain (there is no head kept apart, so deleting the
    /// newest entries is not seen).
    public func verify() -> AuditVerification {
        AuditVerifier.verify(entries, head: .notKept)
    }
}
