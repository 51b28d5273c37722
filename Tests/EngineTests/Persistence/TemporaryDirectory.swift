import Foundation
import XCTest

/// A fresh directory under /tmp for one test, removed by `remove()`.
final class TemporaryDirectory {
    let path: String

    init() throws {
        var template = Array("/tmp/flightdeck-persistence-XXXXXX".utf8CString)
        guard let result = mkdtemp(&template) else {
            throw NSError(domain: "TemporaryDirectory", code: Int(errno))
        }
        path = String(cString: result)
    }

    func file(_ name: String) -> String { path + "/" + name }

    func remove() {
        _ = chmod(path, 0o700)
        try? FileManager.default.removeItem(atPath: path)
    }
}

/// The permission bits of a file, or nil when it does not exist.
func permissionBits(_ path: String) -> mode_t? {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    return info.st_mode & 0o7777
}
