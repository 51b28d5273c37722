import Engine
import Foundation

/// What a state directory looks like from outside, without holding its lock:
/// owner and mode, and the engine that holds it (from the lock file, and a
/// probe of its lock).
struct StateDirectoryStatus: Sendable, Equatable, Codable {
    /// The engine named by the lock file.
    struct Holder: Sendable, Equatable, Codable {
        var pid: Int32
        var user: String
        var host: String
        /// Whether it holds the lock now (false: the lock file is left from
        /// an engine that has ended).
        var running: Bool
    }

    var path: String
    var exists: Bool
    /// The owner's login name (the uid when it has none).
    var owner: String?
    /// The permission bits, like `0700`.
    var mode: String?
    /// The lock file's engine, nil when no engine has opened the directory.
    var holder: Holder?
    /// What opening it would warn about: another owner, access for group or others.
    var warnings: [String] = []

    /// Looks at `path`.
    static func inspect(_ path: String) -> StateDirectoryStatus {
        var info = stat()
        guard stat(path, &info) == 0 else { return StateDirectoryStatus(path: path, exists: false) }
        let digits = String(info.st_mode & 0o7777, radix: 8)
        let mode = String(repeating: "0", count: max(0, 4 - digits.count)) + digits
        var warnings: [String] = []
        if info.st_uid != geteuid() { warnings.append("owned by \(userName(uid: info.st_uid)), not by you") }
        if info.st_mode & 0o077 != 0 { warnings.append("open to group or others (mode \(mode)): chmod 700 \(path)") }
        return StateDirectoryStatus(
            path: path, exists: true, owner: userName(uid: info.st_uid), mode: mode,
            holder: readHolder(lockPath: path + "/" + StateDirectory.lockFileName), warnings: warnings)
    }

    /// The lock file's `pid user host`, and whether an engine holds the
    /// lock now (``StateDirectory/isLockHeld(path:)``).
    static func readHolder(lockPath: String) -> Holder? {
        guard let text = try? String(contentsOfFile: lockPath, encoding: .utf8) else { return nil }
        let fields = text.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
        guard fields.count >= 2, let pid = Int32(fields[0]), pid > 0 else { return nil }
        let directory = String(lockPath.dropLast(StateDirectory.lockFileName.count + 1))
        return Holder(pid: pid, user: fields[1], host: fields.count > 2 ? fields[2] : "unknown",
                      running: StateDirectory.isLockHeld(path: directory))
    }

    static func userName(uid: uid_t) -> String {
        if let entry = getpwuid(uid), let name = entry.pointee.pw_name { return String(cString: name) }
        return String(uid)
    }
}
