import Foundation

/// This process's resident memory, read from `/proc/self` (Linux). Nil
/// where the files are missing or unreadable.
enum ResidentMemory {
    /// The resident set now, in bytes (`/proc/self/statm`: the second field
    /// is resident pages).
    static func current() -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return nil }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return nil }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }

    /// The peak resident set so far, in bytes (`VmHWM` in `/proc/self/status`).
    static func peak() -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        return statusValue(text, key: "VmHWM")
    }

    /// A `Key:   1234 kB` line of `/proc/self/status`, in bytes.
    static func statusValue(_ status: String, key: String) -> Int? {
        for line in status.split(separator: "\n") where line.hasPrefix(key + ":") {
            let number = line.dropFirst(key.count + 1).split(whereSeparator: { $0 == " " || $0 == "\t" }).first.flatMap { Int($0) }
            return number.map { $0 * 1024 }
        }
        return nil
    }

    /// Bytes as mebibytes with one decimal, e.g. `42.3 MB`.
    static func text(_ bytes: Int) -> String {
        String(format: "%.1f MiB", Double(bytes) / 1_048_576)
    }
}
