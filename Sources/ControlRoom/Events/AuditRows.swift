import Engine

extension EventsData {
    /// The audit records newest first, those matching `needle` (lower-cased;
    /// empty: all) in any field.
    static func auditRows(_ records: [AuditRecord], needle: String) -> [AuditRecord] {
        let newestFirst = Array(records.reversed())
        guard !needle.isEmpty else { return newestFirst }
        return newestFirst.filter { auditText($0).lowercased().contains(needle) }
    }

    /// Every field of a record as one searchable line.
    static func auditText(_ record: AuditRecord) -> String {
        [record.user, record.sshClient ?? "", record.source.rawValue, record.action, record.target, record.result,
         record.reason ?? "", record.message].joined(separator: " ")
    }

    /// The selected audit record, if the audit log shows and one is selected.
    public var selectedAuditRecord: AuditRecord? {
        let index = selectedIndex - alerts.count
        return audit.indices.contains(index) ? audit[index] : nil
    }

    /// `alice@10.0.0.7`, or the user alone outside SSH.
    public static func who(_ record: AuditRecord) -> String {
        record.sshClient.map { "\(record.user)@\($0)" } ?? record.user
    }
}
