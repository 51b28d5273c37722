import Foundation
import GRDB

/// A state database operation (run history, registry, serving, monitoring,
/// command channel) that failed. A failed write leaves the store as
/// it was before the call (its transaction rolled back).
public struct StoreError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The database file.
    public var path: String
    /// What was being done: `open`, `append 12 changes`, `read runs`.
    public var operation: String
    /// The reason, from SQLite or the store (`attempt to write a readonly database`).
    public var message: String

    public init(path: String, operation: String, message: String) {
        self.path = path
        self.operation = operation
        self.message = message
    }

    /// Wraps any error thrown by GRDB or the store. SQL text and arguments
    /// are left out: arguments can hold untrusted log text.
    init(path: String, operation: String, underlying: any Error) {
        if let error = underlying as? StoreError {
            self.init(path: error.path.isEmpty ? path : error.path, operation: operation, message: error.message)
        } else if let error = underlying as? DatabaseError {
            self.init(path: path, operation: operation, message: Self.explain(error, path: path))
        } else {
            self.init(path: path, operation: operation, message: String(describing: underlying))
        }
    }

    public var description: String { "state database \(path): cannot \(operation): \(message)" }

    /// SQLite's reason in words an operator can act on, with the result
    /// code's name: `disk is full (SQLITE_FULL)`,
    /// `attempt to write a readonly database (SQLITE_READONLY)`.
    /// An I/O error on a file system with no space left (SQLite reports
    /// ENOSPC on its `-shm` file as SQLITE_IOERR_SHMSIZE) is a full disk too.
    static func explain(_ error: DatabaseError, path: String) -> String {
        let text = error.message ?? "SQLite error \(error.resultCode.rawValue)"
        let full = "free space where the state directory is; nothing of this write was kept"
        switch error.resultCode {
        case .SQLITE_FULL:
            return "disk is full (SQLITE_FULL): " + full
        case .SQLITE_IOERR where noSpaceLeft(near: path):
            return "disk is full (\(ioErrorName(error.extendedResultCode.rawValue))): " + full
        case .SQLITE_READONLY:
            return "\(text) (SQLITE_READONLY): check the state directory's permissions and free space"
        case .SQLITE_CANTOPEN:
            return "\(text) (SQLITE_CANTOPEN): check that the state directory exists and is writable"
        case .SQLITE_IOERR:
            return "\(text) (\(ioErrorName(error.extendedResultCode.rawValue))): the disk or file system failed"
        case .SQLITE_PERM:
            return "\(text) (SQLITE_PERM): permission denied"
        case .SQLITE_CORRUPT, .SQLITE_NOTADB:
            return "\(text) (SQLite code \(error.extendedResultCode.rawValue)): the database file is damaged or not a flightdeck state file"
        default:
            return "\(text) (SQLite code \(error.extendedResultCode.rawValue))"
        }
    }

    /// SQLite's name for an extended I/O error code.
    static func ioErrorName(_ code: Int32) -> String {
        switch code {
        case 266: "SQLITE_IOERR_READ"
        case 778: "SQLITE_IOERR_WRITE"
        case 1034: "SQLITE_IOERR_FSYNC"
        case 1546: "SQLITE_IOERR_TRUNCATE"
        case 4618: "SQLITE_IOERR_SHMOPEN"
        case 4874: "SQLITE_IOERR_SHMSIZE"
        case 5386: "SQLITE_IOERR_SHMMAP"
        default: "SQLITE_IOERR, extended code \(code)"
        }
    }

    /// Whether the file system holding `path` (or its directory) has no
    /// block left for this user.
    static func noSpaceLeft(near path: String) -> Bool {
        var candidates = [path]
        if let slash = path.lastIndex(of: "/") { candidates.append(slash == path.startIndex ? "/" : String(path[..<slash])) }
        for candidate in candidates {
            var info = statvfs()
            if statvfs(candidate, &info) == 0 {
                return (geteuid() == 0 ? info.f_bfree : info.f_bavail) == 0
            }
        }
        return false
    }
}
