import Engine
import Foundation

/// Who is at the keyboard: the OS login name (from the password database,
/// not the environment, which anyone can set).
enum OperatorIdentity {
    static func loginName() -> String {
        if let entry = getpwuid(getuid()), let name = entry.pointee.pw_name {
            return String(cString: name)
        }
        return "uid \(getuid())"
    }

    /// The SSH client's address: the first field of `SSH_CLIENT`, else of
    /// `SSH_CONNECTION`; nil outside SSH.
    static func sshClient(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        for name in ["SSH_CLIENT", "SSH_CONNECTION"] {
            if let value = environment[name], let first = value.split(separator: " ").first, !first.isEmpty {
                return String(first)
            }
        }
        return nil
    }

    /// The wall-clock time now as ISO-8601 UTC (`2026-03-01T14:05:09Z`).
    static func wallTime(_ date: Date = Date()) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }

    /// This process's user as the origin of a command given now from
    /// `source`. Groups are this process's own; the engine re-resolves them.
    static func origin(_ source: CommandSource, user: String? = nil, readOnly: Bool = false) -> CommandOrigin {
        CommandOrigin(user: user ?? loginName(), groups: groupNames(), sshClient: sshClient(), source: source,
                      wallTime: wallTime(), readOnly: readOnly)
    }

    /// The names of this process's groups (primary and supplementary), sorted.
    static func groupNames() -> [String] {
        var ids = [gid_t](repeating: 0, count: Int(max(0, getgroups(0, nil))))
        let count = ids.isEmpty ? 0 : getgroups(Int32(ids.count), &ids)
        var names = Set<String>()
        for id in ids.prefix(Int(max(0, count))) + [getegid()] {
            if let entry = getgrgid(id), let name = entry.pointee.gr_name { names.insert(String(cString: name)) }
        }
        return names.sorted()
    }

    /// The identity recorded with an approval or rejection taken now.
    static func decisionIdentity(user: String? = nil) -> DecisionIdentity {
        DecisionIdentity(user: user ?? loginName(), sshClient: sshClient(), wallTime: wallTime())
    }
}
