/// Why the interactive terminal could not be started.
public struct TerminalError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A complete message for the user, starting with `flightdeck:`.
    public var message: String

    public init(message: String) {
        self.message = message
    }

    public var description: String { message }
}
