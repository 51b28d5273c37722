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

    /// The identity recorded with an approval or rejection taken now.
    static func decisionIdentity(user: String? = nil) -> DecisionIdentity {
        DecisionIdentity(user: user ?? loginName(), sshClient: sshClient(), wallTime: wallTime())
    }
}
