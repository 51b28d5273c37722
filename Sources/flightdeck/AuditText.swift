import Engine
import TUICore

/// What `flightdeck audit` prints: the entries as aligned columns (oldest
/// first, every field cleaned of control characters) or as JSON.
enum AuditText {
    /// The header and one line per entry.
    static func render(_ entries: [AuditEntry]) -> String {
        let header = ["SEQ", "WALL TIME", "SIM TIME", "USER", "SSH CLIENT", "SOURCE", "ACTION", "TARGET", "REASON", "RESULT"]
        let rows = entries.map { entry -> [String] in
            let record = entry.record
            return [String(entry.seq), record.wallTime ?? "-", record.simTime.clockLabel, record.user, record.sshClient ?? "-",
                    record.source.rawValue, record.action, record.target, record.reason ?? "-", record.result]
                .map { TextSanitizer.clean($0) }
        }
        return TextTable.render([header] + rows)
    }

    /// The line for an empty selection.
    static func emptyLine(user: String?) -> String {
        user.map { "no audit entries by \(TextSanitizer.clean($0))" } ?? "no audit entries yet"
    }
}

/// One entry of `flightdeck audit --json`.
struct AuditEntryJSON: Codable, Equatable {
    let seq: Int64
    let wallTime: String?
    let simTime: String
    let simTimeMs: Int64
    let user: String
    let sshClient: String?
    let source: String
    let action: String
    let target: String
    let reason: String?
    let result: String
    let message: String
    let prevHash: String
    let hash: String

    init(_ entry: AuditEntry) {
        let record = entry.record
        seq = entry.seq
        wallTime = record.wallTime
        simTime = record.simTime.clockLabel
        simTimeMs = record.simTime.milliseconds
        user = record.user
        sshClient = record.sshClient
        source = record.source.rawValue
        action = record.action
        target = record.target
        reason = record.reason
        result = record.result
        message = record.message
        prevHash = entry.prevHash
        hash = entry.hash
    }
}

/// `flightdeck audit --verify --json`.
struct AuditVerificationJSON: Codable, Equatable {
    let intact: Bool
    let entries: Int
    let headSeq: Int64?
    let head: String?
    let problem: String?
    let note: String?

    init(_ verification: AuditVerification) {
        intact = verification.isIntact
        entries = verification.entryCount
        headSeq = verification.head?.seq
        head = verification.head?.hash
        problem = verification.problem?.message
        note = verification.note
    }
}
