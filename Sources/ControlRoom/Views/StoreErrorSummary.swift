/// The reason of a store error in a few words, for the header and the front
/// of the status line (the full message names the database and the
/// operation first, so its reason would be cut off on a narrow screen).
enum StoreErrorSummary {
    /// `disk is full`, `read-only`, `I/O error` or `cannot write`.
    static func reason(_ message: String) -> String {
        if message.contains("disk is full") { return "disk is full" }
        if message.contains("SQLITE_READONLY") || message.contains("Permission denied") || message.contains("SQLITE_PERM") { return "read-only" }
        if message.contains("SQLITE_IOERR") { return "I/O error" }
        return "cannot write"
    }

    /// The status line's text: the reason first, then the whole message.
    static func statusText(_ message: String) -> String {
        let reason = reason(message)
        return reason == "cannot write" ? message : "\(reason): \(message)"
    }
}
