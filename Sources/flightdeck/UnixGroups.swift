import Foundation

/// A login name's Unix groups from the system's databases (`getpwnam` and
/// `getgrouplist`): what `access:` rules with `group:NAME` are checked
/// against, whoever submitted the command.
enum UnixGroups {
    /// The names of `user`'s groups (primary and supplementary), sorted;
    /// empty when the system does not know the user. Groups without a name
    /// are left out.
    static func names(ofUser user: String) -> [String] {
        guard let entry = getpwnam(user) else { return [] }
        let primary = entry.pointee.pw_gid
        var count: Int32 = 32
        var ids = [gid_t](repeating: 0, count: Int(count))
        // A first call with too small a list reports the size needed.
        while getgrouplist(user, primary, &ids, &count) < 0 {
            guard count > Int32(ids.count), count <= 65_536 else { return [] }
            ids = [gid_t](repeating: 0, count: Int(count))
        }
        var names: [String] = []
        for id in ids.prefix(Int(max(0, count))) {
            if let group = getgrgid(id), let name = group.pointee.gr_name {
                let text = String(cString: name)
                if !names.contains(text) { names.append(text) }
            }
        }
        return names.sorted()
    }

    /// The groups the engine checks for `user`: from the system's databases,
    /// or `fallback` (the submitter's own) when the system does not know
    /// the user.
    static func resolve(_ user: String, fallback: [String] = []) -> [String] {
        let names = names(ofUser: user)
        return names.isEmpty && getpwnam(user) == nil ? fallback : names
    }
}
