import Engine
import Foundation

/// What a state directory looks like from outside, without taking its lock:
/// owner and mode, and the engine that holds it (from the lock file and the
/// kernel's lock table).
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

    /// The lock file's `pid user host`, and whether the kernel's lock table
    /// (`/proc/locks`) shows a lock on it held by that pid; where that
    /// table cannot be read, whether the process is alive.
    static func readHolder(lockPath: String) -> Holder? {
        guard let text = try? String(contentsOfFile: lockPath, encoding: .utf8) else { return nil }
        let fields = text.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
        guard fields.count >= 2, let pid = Int32(fields[0]), pid > 0 else { return nil }
        let running: Bool
        var info = stat()
        if stat(lockPath, &info) == 0, let table = try? String(contentsOfFile: "/proc/locks", encoding: .utf8) {
            running = lockTableHolders(table, device: UInt64(info.st_dev), inode: UInt64(info.st_ino)).contains(pid)
        } else {
            running = kill(pid, 0) == 0 || errno == EPERM
        }
        return Holder(pid: pid, user: fields[1], host: fields.count > 2 ? fields[2] : "unknown", running: running)
    }

    /// The pids holding a `flock` on the file with `device` and `inode`,
    /// read from the text of `/proc/locks` (`1: FLOCK ADVISORY WRITE 123
    /// 08:01:456 0 EOF`; the device is `major:minor` in hex).
    static func lockTableHolders(_ table: String, device: UInt64, inode: UInt64) -> [Int32] {
        let major = ((device >> 8) & 0xfff) | ((device >> 32) & ~UInt64(0xfff))
        let minor = (device & 0xff) | ((device >> 12) & ~UInt64(0xff))
        var pids: [Int32] = []
        for line in table.split(separator: "\n") {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            // Blocked waiters are marked with "->" before the type.
            guard fields.count > 1, fields[1] != "->", let type = fields.firstIndex(of: "FLOCK"), type + 4 < fields.count,
                  let pid = Int32(fields[type + 3]) else { continue }
            let id = fields[type + 4].split(separator: ":")
            guard id.count == 3, UInt64(id[0], radix: 16) == major, UInt64(id[1], radix: 16) == minor,
                  UInt64(id[2]) == inode else { continue }
            pids.append(pid)
        }
        return pids
    }

    static func userName(uid: uid_t) -> String {
        if let entry = getpwuid(uid), let name = entry.pointee.pw_name { return String(cString: name) }
        return String(uid)
    }
}
