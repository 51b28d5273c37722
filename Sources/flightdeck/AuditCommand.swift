import ArgumentParser
import Engine
import Foundation
import TUICore

/// `flightdeck audit [--verify] [--json] [--limit N] [--user U]`.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "List the audit log (every state-changing action: who, from where, what, why, with what result), newest last; --verify checks its hash chain.",
        discussion: """
        Works while an engine holds the state directory (the log is read, never written). \
        --verify recomputes every entry's hash and checks it against audit.head: it prints \
        'audit log intact: N entries, head <hash>' and exits 0, or names the first problem \
        (an edited, deleted or reordered entry) and exits 1.
        """
    )

    @Flag(name: .long, help: "Verify the hash chain and the head instead of listing.") var verify = false
    @Flag(name: .long, help: "JSON instead of text.") var json = false
    @Option(name: .long, help: "The newest N entries (0: all).") var limit = 50
    @Option(name: .long, help: "Only the entries of this user.") var user: String?
    @OptionGroup var options: ProjectOptions

    func run() throws {
        guard limit >= 0 else { throw cliFailure("--limit \(limit): expected 0 or more") }
        let workspace = try Workspace.load(options)
        try workspace.withAuditStore { store in
            if verify {
                let verification = try store.map { store in try userFacing { try store.verify() } }
                    ?? AuditVerifier.verify([], head: .absent)
                if json {
                    print(try JSONOutput.encode(AuditVerificationJSON(verification)))
                } else {
                    print(TextSanitizer.clean(verification.summary))
                    if let note = verification.note { print(TextSanitizer.clean(note)) }
                }
                if !verification.isIntact { throw ExitCode(1) }
                return
            }
            let entries = try store.map { store in try userFacing { try store.entries(limit: limit == 0 ? nil : limit, user: user) } } ?? []
            if json {
                print(try JSONOutput.encode(entries.map(AuditEntryJSON.init)))
            } else {
                print(entries.isEmpty ? AuditText.emptyLine(user: user) : AuditText.render(entries))
            }
        }
    }
}

extension Workspace {
    /// Calls `body` with the audit log of the state directory: read-only
    /// while an engine holds it; otherwise with the directory locked (and
    /// `state.db` brought to the current schema). Nil when there is no
    /// state yet.
    func withAuditStore<T>(_ body: (SQLiteAuditStore?) throws -> T) throws -> T {
        try readStateDatabase(
            missing: { try body(nil) },
            held: { database in try body(try userFacing { try SQLiteAuditStore(readingDatabaseAt: database) }) },
            stopped: { runs in try body(SQLiteAuditStore(sharing: runs)) })
    }
}
