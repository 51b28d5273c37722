/// `access:` — who may act on the project (see ``AccessPolicy``).
///
/// One key per ``AccessRight`` with the list of principals that hold it (a
/// login name, `group:NAME`, or `"*"`), plus `users:` and `groups:` mapping
/// a name to `{read_only: true}`. A right that is not listed stays open to
/// everyone; a listed one is held only by its principals (`[]`: no one).
enum AccessSection: ProjectSection {
    static let key = "access"
    static let requiredForm: String? = nil

    /// The rights' keys, in ``AccessRight`` order.
    static let rightKeys = AccessRight.allCases.map(\.rawValue)
    /// Every key of `access:`.
    static let keys = rightKeys + ["users", "groups"]
    /// The keys of one `users:` or `groups:` entry.
    static let memberKeys = ["read_only"]
    /// The longest login or group name accepted.
    static let maximumNameLength = 256
    static let principalForm = "a login name, group:NAME or \"*\""

    static func read(_ node: YAMLNode, into project: inout ProjectSpec, diagnostics d: inout ProjectDiagnostics) {
        guard let entries = d.mapping(node, key, expected: "a mapping of rights (\(rightKeys.joined(separator: ", "))), users and groups") else {
            return
        }
        var policy = AccessPolicy(isDeclared: true)
        var readOnlyUsers: [AccessPrincipal] = []
        var readOnlyGroups: [AccessPrincipal] = []
        for (name, entry) in d.knownKeys(entries, allowed: keys, place: key) {
            if let right = AccessRight(rawValue: name) {
                if let principals = readPrincipals(entry.value, right: right, diagnostics: &d) {
                    policy.grants.append(AccessGrant(right: right, principals: principals))
                }
            } else if name == "users" {
                readOnlyUsers = readMembers(entry.value, section: "users", noun: "user", diagnostics: &d).map { .user($0) }
            } else {
                readOnlyGroups = readMembers(entry.value, section: "groups", noun: "group", diagnostics: &d).map { .group($0) }
            }
        }
        policy.readOnly = readOnlyUsers + readOnlyGroups
        project.access = policy
    }

    /// A right's list of principals, each once.
    static func readPrincipals(_ node: YAMLNode, right: AccessRight, diagnostics d: inout ProjectDiagnostics) -> [AccessPrincipal]? {
        let label = right.rawValue
        guard let items = d.sequence(node, label, expected: "a list of who may \(label), each \(principalForm) (like [alice, group:ml-leads])") else {
            return nil
        }
        var principals: [AccessPrincipal] = []
        var positions: [SourcePosition] = []
        for item in items {
            guard let principal = readPrincipal(item, label: label, diagnostics: &d) else { continue }
            if let index = principals.firstIndex(of: principal) {
                d.error("\(label): duplicate principal '\(written(principal))' (first at \(positions[index])); expected each user or group once", at: item)
                continue
            }
            principals.append(principal)
            positions.append(item.position)
        }
        return principals
    }

    /// One principal: `"*"`, `group:NAME` or a login name.
    static func readPrincipal(_ node: YAMLNode, label: String, diagnostics d: inout ProjectDiagnostics) -> AccessPrincipal? {
        guard let scalar = node.scalar, scalar.type != .null else {
            d.error("\(label): expected \(principalForm), found \(node.found)", at: node)
            return nil
        }
        let text = scalar.text
        if text == "*" { return .everyone }
        if text.hasPrefix("group:") {
            let name = String(text.dropFirst("group:".count))
            guard checkName(name, noun: "group", label: label, node: node, offset: "group:".count, diagnostics: &d) else { return nil }
            return .group(name)
        }
        guard checkName(text, noun: "user", label: label, node: node, offset: 0, diagnostics: &d) else { return nil }
        return .user(text)
    }

    /// `users:` or `groups:` — names mapped to `{read_only: BOOL}`; returns
    /// the read-only names in file order.
    static func readMembers(_ node: YAMLNode, section: String, noun: String, diagnostics d: inout ProjectDiagnostics) -> [String] {
        guard let entries = d.mapping(node, section, expected: "a mapping of \(noun) names to {read_only: true}") else { return [] }
        var names: [String] = []
        for (name, entry) in d.uniqueEntries(entries, noun: noun, place: section) {
            let place = "\(noun) '\(name)'"
            let valid = checkName(name, noun: noun, label: section, position: entry.keyPosition, diagnostics: &d)
            guard let fields = d.mapping(entry.value, place, expected: "{read_only: true}") else { continue }
            let known = d.knownKeys(fields, allowed: memberKeys, place: place)
            guard let readOnly = known.first(where: { $0.key == "read_only" })?.entry else {
                if fields.isEmpty { d.error("\(place): expected {read_only: true}, found an empty mapping", at: entry.value) }
                continue
            }
            if d.boolean(readOnly.value, "read_only") == true, valid { names.append(name) }
        }
        return names
    }

    /// Reports an empty or malformed name of a scalar at `node` (the name
    /// starts `offset` characters into it). Returns whether it is valid.
    static func checkName(_ name: String, noun: String, label: String, node: YAMLNode, offset: Int, diagnostics d: inout ProjectDiagnostics) -> Bool {
        guard let problem = nameProblem(name, noun: noun) else { return true }
        d.error("\(label): \(problem.message)", at: d.position(in: node, offset: offset + problem.offset))
        return false
    }

    static func checkName(_ name: String, noun: String, label: String, position: SourcePosition, diagnostics d: inout ProjectDiagnostics) -> Bool {
        guard let problem = nameProblem(name, noun: noun) else { return true }
        d.error("\(label): \(problem.message)", at: position)
        return false
    }

    /// What is wrong with a login or group name, and at which character: it
    /// is empty, too long, or holds a control character, a space, `:`, `,`
    /// or `*`.
    static func nameProblem(_ name: String, noun: String) -> (message: String, offset: Int)? {
        let scalars = Array(name.unicodeScalars)
        if scalars.isEmpty {
            return ("empty \(noun) name; expected \(noun == "group" ? "group:NAME with a group name" : principalForm)", 0)
        }
        if scalars.count > maximumNameLength {
            return ("\(noun) name is \(scalars.count) characters long; expected at most \(maximumNameLength)", 0)
        }
        for (offset, scalar) in scalars.enumerated() {
            let value = scalar.value
            let hex = String(value, radix: 16, uppercase: true)
            let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
            if value < 0x20 || (0x7F...0x9F).contains(value) {
                return ("\(noun) name has a control character (\(code)); expected a \(noun) name without control characters", offset)
            }
            if scalar.properties.isWhitespace {
                return ("\(noun) name has a space (\(code)); expected one \(noun) name per list item", offset)
            }
            if scalar == ":" || scalar == "," || scalar == "*" {
                let hint = scalar == ":" && noun == "user" ? " (a group is written group:NAME)" : ""
                return ("\(noun) name has '\(scalar)'\(hint); expected a \(noun) name without ':', ',' or '*'", offset)
            }
        }
        return nil
    }

    /// A principal as the file writes it.
    static func written(_ principal: AccessPrincipal) -> String {
        switch principal {
        case .user(let name): name
        case .group(let name): "group:" + name
        case .everyone: "*"
        }
    }
}
