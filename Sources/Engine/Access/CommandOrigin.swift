/// Where an operator command came from.
public enum CommandSource: String, Sendable, Hashable, Codable, CaseIterable {
    /// A keypress in the control room that runs the engine.
    case key
    /// A CLI command that opened the engine itself.
    case cli
    /// The command channel: another process (an attached control room, a CLI)
    /// submitted it to the engine holding the state directory.
    case channel
    /// The engine's own rules (automatic rollback, approval timeout,
    /// `on_alert` triggers, retention).
    case automatic
}

/// Who asked for a command, from where and when: checked against the
/// ``AccessPolicy`` and written to the audit log.
public struct CommandOrigin: Sendable, Hashable, Codable {
    /// The login name (from the password database, not the environment).
    public var user: String
    /// The user's Unix groups as the submitting host resolved them. The
    /// engine re-resolves them with ``Engine/groupResolver`` when it has one.
    public var groups: [String]
    /// The SSH client's address (`SSH_CLIENT`), nil outside SSH.
    public var sshClient: String?
    /// Key, CLI, channel or automatic.
    public var source: CommandSource
    /// The submitter's wall-clock time as ISO-8601 UTC, nil when unknown
    /// (the engine itself never reads the wall clock).
    public var wallTime: String?
    /// Whether the submitter runs read-only (`--read-only`): every
    /// state-changing command is refused.
    public var readOnly: Bool

    /// An origin with the given fields.
    public init(user: String, groups: [String] = [], sshClient: String? = nil, source: CommandSource,
                wallTime: String? = nil, readOnly: Bool = false) {
        self.user = user
        self.groups = groups
        self.sshClient = sshClient
        self.source = source
        self.wallTime = wallTime
        self.readOnly = readOnly
    }

    /// The engine's own rules, as the audit log names them.
    public static let automaticUser = "flightdeck"

    /// An automatic action of the engine.
    public static func automatic(wallTime: String? = nil) -> CommandOrigin {
        CommandOrigin(user: automaticUser, source: .automatic, wallTime: wallTime)
    }
}
