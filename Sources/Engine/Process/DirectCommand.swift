#if canImport(Glibc)
import Glibc
#endif

/// A `run:` command plain enough to start without `/bin/sh` in between:
/// words separated by blanks, none of the characters the shell would
/// interpret, and a first word that names a program rather than a shell
/// keyword or a builtin whose external namesake behaves differently.
///
/// GNU make has done the same for decades (its "fast path" in job.c) and
/// for the same reason: dash runs an external program by starting, forking
/// and then executing it, so `/bin/sh -c /usr/bin/true` took 2.1 ms here
/// against 0.85 ms for spawning `/usr/bin/true` itself (200 sequential
/// spawns, 5 rounds). Everything the shell would do for such a
/// command is reproduced: the program is looked up along the child's
/// `PATH`, `argv[0]` is the word as written, `PWD` is the working
/// directory's real path (dash always exports that), and environment
/// entries whose names are not shell identifiers are dropped (dash drops
/// them too). Whatever cannot be reproduced exactly goes through the
/// shell: a program not found, not executable or not an executable format
/// (so `sh` reports `not found` / exit 127 or runs the script as usual), a
/// relative `PATH` entry, no `PATH` at all.
///
/// One visible difference remains, on purpose: a program that dies of a
/// signal is reported as that signal rather than as the shell's exit status
/// 128+N.
struct DirectCommand: Equatable {
    /// The words of the command, `arguments[0]` as written.
    var arguments: [String]

    /// Bytes that make a command need the shell: quoting, expansion,
    /// globbing, redirection, pipes and lists, grouping, comments, history
    /// and line breaks (GNU make's `sh_chars` plus single quotes).
    private static let shellBytes: Set<UInt8> = Set("#;\"'*?[]&|<>(){}$`^~!\\\n\r".utf8)

    /// First words that must reach the shell: reserved words, builtins that
    /// change the shell itself or have no program, and builtins whose
    /// programs of the same name behave differently (`echo -e`, `pwd`'s
    /// logical path, `kill -l`, `printf`, `test`).
    private static let shellWords: Set<String> = [
        "!", ".", ":", "[", "alias", "bg", "break", "case", "cd", "chdir", "command", "continue", "do", "done",
        "echo", "elif", "else", "esac", "eval", "exec", "exit", "export", "fc", "fg", "fi", "for",
        "function", "getopts", "hash", "if", "in", "jobs", "kill", "let", "local", "login", "logout", "printf",
        "pwd", "read", "readonly", "return", "select", "set", "shift", "source", "suspend", "test", "then",
        "times", "trap", "type", "typeset", "ulimit", "umask", "unalias", "unset", "until", "wait",
        "while",
    ]

    /// Builtins whose programs behave the same without arguments (with
    /// some, `true --help` prints help where the builtin ignores it).
    private static let argumentlessWords: Set<String> = ["true", "false"]

    /// The command's words, or nil when it needs the shell.
    init?(_ command: String) {
        var words: [String] = []
        var current: [UInt8] = []
        for byte in command.utf8 {
            if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") {
                if !current.isEmpty {
                    words.append(String(decoding: current, as: UTF8.self))
                    current.removeAll(keepingCapacity: true)
                }
                continue
            }
            if byte < 0x20 || byte == 0x7f || Self.shellBytes.contains(byte) { return nil }
            current.append(byte)
        }
        if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)) }
        guard let first = words.first else { return nil }
        // An assignment (`NAME=value cmd`) or a builtin is the shell's.
        if first.utf8.contains(UInt8(ascii: "=")) || Self.shellWords.contains(first) { return nil }
        if words.count > 1 && Self.argumentlessWords.contains(first) { return nil }
        arguments = words
    }

    /// The file to execute for `program`: itself when it contains a slash
    /// (relative to the child's working directory, as the shell does),
    /// else the first regular executable file of that name along
    /// `searchPath`. Nil when there is none, or when the search would
    /// depend on the child's working directory (an empty or relative
    /// `PATH` entry before a match).
    static func resolve(_ program: String, searchPath: String) -> String? {
        if program.utf8.contains(UInt8(ascii: "/")) { return program }
        for directory in searchPath.split(separator: ":", omittingEmptySubsequences: false) {
            guard directory.hasPrefix("/") else { return nil }
            let candidate = directory.hasSuffix("/") ? String(directory) + program : String(directory) + "/" + program
            var info = stat()
            if stat(candidate, &info) == 0, info.st_mode & S_IFMT == S_IFREG, access(candidate, X_OK) == 0 {
                return candidate
            }
        }
        return nil
    }

    /// The value of `name` in a `NAME=value` block, the first occurrence.
    static func value(of name: String, in block: [UnsafeMutablePointer<CChar>?]) -> String? {
        let prefix = Array((name + "=").utf8)
        for case let entry? in block {
            let matches = prefix.indices.allSatisfy { UInt8(bitPattern: entry[$0]) == prefix[$0] }
            if matches { return String(cString: entry + prefix.count) }
        }
        return nil
    }

    /// What the shell would pass on of `block`: entries named by an
    /// identifier, and `PWD` naming the working directory (the inherited
    /// value when it is absolute and names that directory, else its real
    /// path). `pwd` is the new `PWD=` line, which the caller frees; nil
    /// when the directory cannot be resolved.
    static func environment(_ block: [UnsafeMutablePointer<CChar>?], workingDirectory: String)
        -> (block: [UnsafeMutablePointer<CChar>?], pwd: UnsafeMutablePointer<CChar>)? {
        let directory = workingDirectory.isEmpty ? "." : workingDirectory
        var wanted = stat()
        guard stat(directory, &wanted) == 0 else { return nil }
        var logical: String?
        if let inherited = value(of: "PWD", in: block), inherited.hasPrefix("/") {
            var named = stat()
            if stat(inherited, &named) == 0, named.st_dev == wanted.st_dev, named.st_ino == wanted.st_ino {
                logical = inherited
            }
        }
        if logical == nil, let real = realpath(directory, nil) {
            logical = String(cString: real)
            free(real)
        }
        guard let logical, let pwd = strdup("PWD=" + logical) else { return nil }
        var result: [UnsafeMutablePointer<CChar>?] = []
        result.reserveCapacity(block.count + 1)
        for case let entry? in block {
            guard let equals = strchr(entry, Int32(UInt8(ascii: "="))) else { continue }
            let name = UnsafeRawBufferPointer(start: entry, count: entry.distance(to: equals))
            if isIdentifier(name) && !(name.count == 3 && strncmp(entry, "PWD", 3) == 0) { result.append(entry) }
        }
        result.append(pwd)
        result.append(nil)
        return (result, pwd)
    }

    /// Whether `name` is a shell identifier (dash drops other environment
    /// entries before running anything).
    static func isIdentifier<Name: Collection<UInt8>>(_ name: Name) -> Bool {
        guard let first = name.first, first == UInt8(ascii: "_") || isLetter(first) else { return false }
        return name.allSatisfy { $0 == UInt8(ascii: "_") || isLetter($0) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
    }
}
