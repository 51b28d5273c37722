import Foundation

/// The audit log's head kept apart from the database: `audit.head` in the
/// state directory, one line `<seq> <hash>`, mode 0600 (0660 when shared with a group), replaced (written to
/// a temporary file, then renamed) after each append.
///
/// The chain alone cannot show that the newest entries were deleted; the
/// head file can, as long as it was not rewritten too. It is written after
/// the append's transaction commits, so a crash between the two leaves it
/// one entry behind; the next append brings it up to date, and the verifier
/// accepts a head that names an earlier entry with the right hash.
public enum AuditHeadFile {
    /// The file's name in the state directory.
    public static let fileName = "audit.head"

    /// What the file at `path` says.
    public static func read(_ path: String) -> StoredAuditHead {
        guard FileManager.default.fileExists(atPath: path) else { return .absent }
        guard let data = FileManager.default.contents(atPath: path) else {
            return .unreadable("\(path): \(errnoText(errno))")
        }
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        let fields = text.split(separator: " ")
        guard fields.count == 2, let seq = Int64(fields[0]), seq >= 0,
              fields[1].count == 64, fields[1].allSatisfy({ $0.isHexDigit && !$0.isUppercase }) else {
            return .unreadable("\(path): expected '<seq> <64 hex digits>', found '\(text.prefix(100))'")
        }
        return .present(AuditHead(seq: seq, hash: String(fields[1])))
    }

    /// Replaces the file at `path` with `head` (mode 0600, or 0660 in a
    /// state directory shared with its group: ``StateDirectory/fileMode``).
    public static func write(_ head: AuditHead, to path: String) throws {
        let temporary = path + ".tmp"
        let directory = path.lastIndex(of: "/").map { String(path[..<$0]) } ?? "."
        let mode = StateDirectory.fileMode(forDirectory: directory.isEmpty ? "/" : directory)
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode)
        guard descriptor >= 0 else {
            throw StoreError(path: path, operation: "write the audit head", message: "\(temporary): \(errnoText(errno))")
        }
        let bytes = Array("\(head.seq) \(head.hash)\n".utf8)
        let written = bytes.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
        let writeError = written == bytes.count ? nil : (written < 0 ? errnoText(errno) : "short write")
        _ = fchmod(descriptor, mode)
        _ = close(descriptor)
        if let writeError {
            _ = unlink(temporary)
            throw StoreError(path: path, operation: "write the audit head", message: "\(temporary): \(writeError)")
        }
        guard rename(temporary, path) == 0 else {
            let reason = errnoText(errno)
            _ = unlink(temporary)
            throw StoreError(path: path, operation: "write the audit head", message: "rename: \(reason)")
        }
    }
}
