import Engine
import Foundation
import TUICore

/// What `flightdeck whoami` reports: who this user is to the system and
/// what the project's `access:` lets them do, and the state directory.
struct WhoamiReport: Sendable, Equatable, Codable {
    /// One right: held or not, and why.
    struct Right: Sendable, Equatable, Codable {
        var right: String
        var allowed: Bool
        var reason: String
    }

    var user: String
    var uid: UInt32
    var groups: [String]
    var sshClient: String?
    var project: String
    var projectFile: String?
    /// Whether the project declares `access:`.
    var accessDeclared: Bool
    /// The policy in one sentence.
    var policy: String
    var readOnly: Bool
    /// Why the session is read-only (`--read-only`, `access: read_only`), nil when not.
    var readOnlyReason: String?
    var rights: [Right]
    var stateDirectory: StateDirectoryStatus

    /// The sentence for a project without `access:`.
    static let defaultPolicy = "default policy: everyone who can open the state directory may do everything"

    /// Decides every right for `user` in `groups` under `policy`.
    static func make(user: String, uid: UInt32, groups: [String], sshClient: String?, spec: ProjectSpec, projectFile: String?,
                     sessionReadOnly: Bool, stateDirectory: StateDirectoryStatus) -> WhoamiReport {
        let policy = spec.access
        let policyReadOnly = policy.isReadOnly(user: user, groups: groups)
        let rights = AccessRight.allCases.map { right -> Right in
            switch policy.decide(right, user: user, groups: groups, readOnly: sessionReadOnly) {
            case .refused(let why):
                return Right(right: right.rawValue, allowed: false, reason: why)
            case .allowed:
                guard let grant = policy.grant(for: right) else {
                    return Right(right: right.rawValue, allowed: true, reason: "no rule for \(right.rawValue): open to everyone")
                }
                let matching = grant.principals.first { $0.covers(user: user, groups: groups) }
                return Right(right: right.rawValue, allowed: true, reason: "granted to \(matching.map(\.description) ?? user)")
            }
        }
        let readOnlyReason = sessionReadOnly ? "started with --read-only" : policyReadOnly ? "access: read_only names \(user) or one of their groups" : nil
        return WhoamiReport(
            user: user, uid: uid, groups: groups, sshClient: sshClient, project: spec.name, projectFile: projectFile,
            accessDeclared: policy.isDeclared,
            policy: policy.isDeclared ? "access: declared in \(projectFile ?? spec.source)" : defaultPolicy,
            readOnly: sessionReadOnly || policyReadOnly, readOnlyReason: readOnlyReason, rights: rights, stateDirectory: stateDirectory)
    }

    /// The report as lines for a terminal (user text cleaned of control
    /// characters).
    var text: String {
        let width = (AccessRight.allCases.map(\.rawValue.count).max() ?? 0) + 2
        var lines = [
            "user:      \(user) (uid \(uid))",
            "groups:    \(groups.isEmpty ? "none" : groups.joined(separator: ", "))",
            "ssh:       \(sshClient ?? "not an SSH session")",
            "project:   \(project) (\(projectFile ?? ProjectLoader.embeddedDemoSource))",
            "policy:    \(policy)",
            "read-only: \(readOnlyReason.map { "yes, \($0)" } ?? "no")",
            "rights:",
        ]
        for right in rights {
            lines.append("  " + TextLayout.pad(right.right, to: width) + (right.allowed ? "allowed  " : "refused  ") + right.reason)
        }
        let state = stateDirectory
        if state.exists {
            lines.append("state:     \(state.path) (owner \(state.owner ?? "?"), mode \(state.mode ?? "?"))")
            for warning in state.warnings { lines.append("warning:   state directory \(warning)") }
        } else {
            lines.append("state:     \(state.path) (not created yet)")
        }
        switch state.holder {
        case .some(let holder) where holder.running:
            lines.append("engine:    running, pid \(holder.pid) (user \(holder.user), host \(holder.host)); actions go through its command channel")
        case .some(let holder):
            lines.append("engine:    none running (the last one was pid \(holder.pid), user \(holder.user))")
        case .none:
            lines.append("engine:    none has opened this state directory")
        }
        return lines.map { TextSanitizer.clean($0) }.joined(separator: "\n")
    }

    /// The report as one JSON object (keys sorted).
    var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(self) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}
