import Foundation

/// The C library's text for an errno value, e.g. `Permission denied`.
func errnoText(_ code: Int32) -> String {
    String(cString: strerror(code))
}

/// The user name for a uid, or the number when it has none.
func userName(uid: uid_t) -> String {
    if let entry = getpwuid(uid), let name = entry.pointee.pw_name {
        return String(cString: name)
    }
    return String(uid)
}
