/// What applying an ``EngineCommand`` did, with a one-line message for the
/// status bar or the CLI.
public struct CommandResult: Hashable, Sendable, CustomStringConvertible {
    /// Whether the command changed anything.
    public enum Outcome: Hashable, Sendable {
        /// The command took effect (and was recorded in the event log).
        case applied
        /// The command was valid but there was nothing to change (not logged).
        case unchanged
        /// The command was refused (not logged); the message says why.
        case rejected
    }

    /// Whether the command changed anything.
    public var outcome: Outcome
    /// E.g. `paused at d0 00:05:30`, `already paused`, `speed 60x`.
    public var message: String

    /// A result with the given outcome and message.
    public init(outcome: Outcome, message: String) {
        self.outcome = outcome
        self.message = message
    }

    /// The command took effect.
    public static func applied(_ message: String) -> CommandResult { CommandResult(outcome: .applied, message: message) }
    /// Nothing to change.
    public static func unchanged(_ message: String) -> CommandResult { CommandResult(outcome: .unchanged, message: message) }
    /// Refused.
    public static func rejected(_ message: String) -> CommandResult { CommandResult(outcome: .rejected, message: message) }

    /// Whether the command took effect.
    public var isApplied: Bool { outcome == .applied }

    public var description: String { message }
}
