import Foundation

/// Who is at the keyboard: the OS login name (from the password database,
/// not the environment, which anyone can set).
enum OperatorIdentity {
    static func loginName() -> String {
        if let entry = getpwuid(getuid()), let name = entry.pointee.pw_name {
            return String(cString: name)
        }
        return "uid \(getuid())"
    }
}
