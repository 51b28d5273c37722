import Foundation

/// The directory that holds one engine's persistent state: `state.db` (the
/// run history) and `lock`. By default `.flightdeck/` next to the project
/// file; the caller passes the path.
///
/// Opening it creates it when missing (mode 0700) and takes an exclusive
/// `flock` on `lock` for as long as this object is open: one engine per state
/// directory. The lock file then holds `pid user host` of the holder, which
/// a second opener reports in ``StateDirectoryError/locked(path:pid:user:)``.
/// When the holder dies the kernel releases the lock, so a stale lock file
/// never blocks anyone.
public final class StateDirectory {
    /// The default directory name, created next to the project file.
    public static let defaultName = ".flightdeck"
    /// The run history database inside the directory.
    public static let databaseFileName = "state.db"
    /// The lock file inside the directory.
    public static let lockFileName = "lock"

    /// The directory, as given (without a trailing `/`).
    public let path: String
    /// Problems worth telling the operator about that do not stop the engine
    /// (a directory owned by another user, or open to group or others).
    public let warnings: [String]
    /// Whether this call created the directory.
    public let created: Bool
    private var lockDescriptor: Int32

    /// `state.db` inside the directory.
    public var databasePath: String { path + "/" + Self.databaseFileName }
    /// `lock` inside the directory.
    public var lockPath: String { path + "/" + Self.lockFileName }
    /// Whether the lock is still held (until ``close()``).
    public var isOpen: Bool { lockDescriptor >= 0 }

    /// The default state directory for a project file: `.flightdeck` in the
    /// file's directory.
    public static func defaultPath(forProjectFile projectFile: String) -> String {
        guard let slash = projectFile.lastIndex(of: "/") else { return defaultName }
        let directory = projectFile[..<slash]
        return (directory.isEmpty ? "" : String(directory)) + "/" + defaultName
    }

    /// Creates the directory when missing (parents too) and locks it.
    /// - Throws: ``StateDirectoryError`` naming the path and the system's
    ///   reason when it cannot be created, is not a directory, or is locked.
    public init(path: String) throws {
        var trimmed = path
        while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed.removeLast() }
        self.path = trimmed
        let created = try Self.createDirectory(trimmed)
        self.created = created
        self.warnings = created ? [] : try Self.inspectExisting(trimmed)
        self.lockDescriptor = try Self.acquireLock(directory: trimmed, lockPath: trimmed + "/" + Self.lockFileName)
    }

    deinit { close() }

    /// Releases the lock. Safe to call more than once.
    public func close() {
        if lockDescriptor >= 0 {
            _ = Foundation.close(lockDescriptor)
            lockDescriptor = -1
        }
    }

    /// The mode of the files inside: 0600, or 0660 when the team opened the
    /// directory to its group (group rwx, e.g. `chmod 2770`), so that the
    /// group's members can attach to the engine and use the CLI.
    public var fileMode: mode_t { Self.fileMode(forDirectory: path) }

    /// ``fileMode`` of the directory at `path`.
    public static func fileMode(forDirectory path: String) -> mode_t {
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & 0o070 == 0o070, info.st_mode & 0o007 == 0 else { return 0o600 }
        return 0o660
    }

    /// Creates `name` inside the directory when missing and gives it
    /// ``fileMode`` (when this user owns it); returns its path.
    @discardableResult
    public func secureFile(named name: String) throws -> String {
        let filePath = path + "/" + name
        let mode = fileMode
        let descriptor = open(filePath, O_RDWR | O_CREAT | O_CLOEXEC, mode)
        guard descriptor >= 0 else {
            throw StateDirectoryError.fileError(path: filePath, operation: "create", reason: errnoText(errno))
        }
        defer { _ = Foundation.close(descriptor) }
        try Self.restrict(descriptor: descriptor, path: filePath, mode: mode)
        return filePath
    }

    /// Sets ``fileMode`` on `name` inside the directory if it exists and this
    /// user owns it (SQLite's `-wal` and `-shm` files).
    public func restrictIfPresent(named name: String) throws {
        let filePath = path + "/" + name
        let mode = fileMode
        var info = stat()
        guard stat(filePath, &info) == 0 else { return }
        guard info.st_uid == geteuid(), info.st_mode & 0o7777 != mode else { return }
        if chmod(filePath, mode) != 0 {
            throw StateDirectoryError.fileError(path: filePath, operation: "chmod \(Self.octal(mode))", reason: errnoText(errno))
        }
    }

    // MARK: - Creation

    /// mkdir -p: parents with 0755 (less the umask), the directory itself
    /// with exactly 0700. Returns whether the directory was created.
    private static func createDirectory(_ path: String) throws -> Bool {
        var info = stat()
        if stat(path, &info) == 0 {
            guard info.st_mode & S_IFMT == S_IFDIR else { throw StateDirectoryError.notADirectory(path: path) }
            return false
        }
        let components = path.split(separator: "/", omittingEmptySubsequences: true)
        var prefix = path.hasPrefix("/") ? "/" : ""
        for (index, component) in components.enumerated() {
            prefix += (prefix.isEmpty || prefix.hasSuffix("/") ? "" : "/") + component
            let isLast = index == components.count - 1
            if stat(prefix, &info) == 0 {
                guard info.st_mode & S_IFMT == S_IFDIR else {
                    if isLast { throw StateDirectoryError.notADirectory(path: path) }
                    throw StateDirectoryError.cannotCreate(path: path, reason: "\(prefix): \(errnoText(ENOTDIR))")
                }
                continue
            }
            if mkdir(prefix, isLast ? 0o700 : 0o755) != 0 {
                let code = errno
                if code == EEXIST { continue }
                throw StateDirectoryError.cannotCreate(path: path, reason: isLast ? errnoText(code) : "\(prefix): \(errnoText(code))")
            }
        }
        if chmod(path, 0o700) != 0 {
            throw StateDirectoryError.cannotCreate(path: path, reason: "chmod 700: \(errnoText(errno))")
        }
        return true
    }

    /// Warnings for an existing directory that another user owns or that
    /// group or others may read.
    private static func inspectExisting(_ path: String) throws -> [String] {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw StateDirectoryError.fileError(path: path, operation: "inspect", reason: errnoText(errno))
        }
        var warnings: [String] = []
        let me = geteuid()
        if info.st_uid != me {
            warnings.append("state directory \(path) is owned by \(userName(uid: info.st_uid)), not by \(userName(uid: me))")
        }
        let mode = info.st_mode & 0o777
        if mode & 0o007 == 0, mode & 0o070 == 0o070 {
            warnings.append("state directory \(path) is shared with group \(groupName(gid: info.st_gid)) (mode \(octal(info.st_mode & 0o7777))): "
                + "its files are made 0660 so the group's members can attach and use the CLI; access: in the project file says who may act")
        } else if mode & 0o077 != 0 {
            warnings.append("state directory \(path) is open to group or others (mode \(octal(mode))); "
                + "its run history and logs may be readable by them — chmod 700 \(path)")
        }
        return warnings
    }

    private static func groupName(gid: gid_t) -> String {
        if let entry = getgrgid(gid), let name = entry.pointee.gr_name { return String(cString: name) }
        return String(gid)
    }

    private static func octal(_ mode: mode_t) -> String {
        let digits = String(mode, radix: 8)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    private static func restrict(descriptor: Int32, path: String, mode: mode_t) throws {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            throw StateDirectoryError.fileError(path: path, operation: "inspect", reason: errnoText(errno))
        }
        guard info.st_uid == geteuid(), info.st_mode & 0o7777 != mode else { return }
        if fchmod(descriptor, mode) != 0 {
            throw StateDirectoryError.fileError(path: path, operation: "chmod \(octal(mode))", reason: errnoText(errno))
        }
    }

    // MARK: - Lock

    /// The holder the lock file of the state directory at `path` names
    /// (`pid user host`), read without taking the lock; nil when there is no
    /// readable lock file. The named process may have ended since: ask
    /// ``isLockHeld(path:)``.
    public static func recordedHolder(path: String) -> (pid: Int32, user: String)? {
        let descriptor = open(path + "/" + lockFileName, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { _ = Foundation.close(descriptor) }
        let holder = readHolder(descriptor: descriptor)
        return holder.pid > 0 ? holder : nil
    }

    /// Whether an engine holds the lock of the state directory at `path` now.
    /// Probes with a shared lock taken and released at once (a starting
    /// engine that tries its exclusive lock in that instant is told the
    /// directory is in use, and can try again).
    public static func isLockHeld(path: String) -> Bool {
        let descriptor = open(path + "/" + lockFileName, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { _ = Foundation.close(descriptor) }
        if flock(descriptor, LOCK_SH | LOCK_NB) == 0 {
            _ = flock(descriptor, LOCK_UN)
            return false
        }
        return errno == EWOULDBLOCK
    }

    private static func acquireLock(directory: String, lockPath: String) throws -> Int32 {
        let mode = fileMode(forDirectory: directory)
        let descriptor = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, mode)
        guard descriptor >= 0 else {
            throw StateDirectoryError.fileError(path: lockPath, operation: "open lock file", reason: errnoText(errno))
        }
        do {
            try restrict(descriptor: descriptor, path: lockPath, mode: mode)
            if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
                let code = errno
                guard code == EWOULDBLOCK else {
                    throw StateDirectoryError.fileError(path: lockPath, operation: "lock", reason: errnoText(code))
                }
                let holder = readHolder(descriptor: descriptor)
                throw StateDirectoryError.locked(path: directory, pid: holder.pid, user: holder.user)
            }
            try writeHolder(descriptor: descriptor, path: lockPath)
            return descriptor
        } catch {
            _ = Foundation.close(descriptor)
            throw error
        }
    }

    private static func writeHolder(descriptor: Int32, path: String) throws {
        var host = [CChar](repeating: 0, count: 256)
        let hostName = gethostname(&host, host.count - 1) == 0
            ? String(decoding: host.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self) : "unknown"
        let line = "\(getpid()) \(userName(uid: geteuid())) \(hostName)\n"
        let bytes = Array(line.utf8)
        guard ftruncate(descriptor, 0) == 0 else {
            throw StateDirectoryError.fileError(path: path, operation: "write lock file", reason: errnoText(errno))
        }
        let written = bytes.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
        guard written == bytes.count else {
            let reason = written < 0 ? errnoText(errno) : "short write"
            throw StateDirectoryError.fileError(path: path, operation: "write lock file", reason: reason)
        }
    }

    /// The holder writes its line right after locking; give it a moment when
    /// the file is still empty.
    private static func readHolder(descriptor: Int32) -> (pid: Int32, user: String) {
        for _ in 0..<20 {
            var buffer = [UInt8](repeating: 0, count: 512)
            let count = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, 0) }
            if count > 0 {
                let text = String(decoding: buffer.prefix(count), as: UTF8.self)
                let fields = text.split(whereSeparator: { $0 == " " || $0 == "\n" })
                if fields.count >= 2, let pid = Int32(fields[0]) {
                    return (pid, String(fields[1]))
                }
            }
            usleep(5_000)
        }
        return (0, "unknown")
    }
}
