/// Why a state directory could not be opened.
public enum StateDirectoryError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Another process holds the directory's lock. `pid` is 0 and `user`
    /// `unknown` when the holder's lock file could not be read.
    case locked(path: String, pid: Int32, user: String)
    /// The directory (or a parent) could not be created.
    case cannotCreate(path: String, reason: String)
    /// The path exists and is not a directory.
    case notADirectory(path: String)
    /// A file inside the directory could not be opened, locked or written.
    case fileError(path: String, operation: String, reason: String)

    public var description: String {
        switch self {
        case let .locked(path, pid, user):
            let holder = pid > 0 ? "pid \(pid) (user \(user))" : "another process (user \(user))"
            return "state directory \(path) is in use by \(holder); stop that flightdeck first or use --state DIR"
        case let .cannotCreate(path, reason):
            return "cannot create state directory \(path): \(reason)"
        case let .notADirectory(path):
            return "state directory \(path) exists and is not a directory; remove it or use --state DIR"
        case let .fileError(path, operation, reason):
            return "cannot \(operation) \(path): \(reason)"
        }
    }
}
