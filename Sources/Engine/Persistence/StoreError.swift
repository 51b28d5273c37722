import GRDB

/// A run history operation that failed. A failed write leaves the store as
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
            let text = error.message ?? "SQLite error \(error.resultCode.rawValue)"
            self.init(path: path, operation: operation, message: "\(text) (SQLite code \(error.extendedResultCode.rawValue))")
        } else {
            self.init(path: path, operation: operation, message: String(describing: underlying))
        }
    }

    public var description: String { "run history \(path): cannot \(operation): \(message)" }
}
