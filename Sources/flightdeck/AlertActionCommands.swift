import ArgumentParser
import Engine
import Foundation

/// `flightdeck ack ALERT [--reason TEXT]`.
struct AckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ack",
        abstract: "Acknowledge a firing alert: you own it (recorded with your login name and SSH client); it stays until it resolves."
    )
    @Argument(help: "The alert id (a key of alerts: in the project file).") var alert: String
    @Option(name: .long, help: "Why, or what you are doing about it.") var reason: String?
    @OptionGroup var options: ProjectOptions

    func run() throws {
        let workspace = try Workspace.load(options)
        try workspace.requireAlert(alert)
        let user = OperatorIdentity.loginName()
        try CommandDelivery.deliver(.acknowledgeAlert(alert, identity: OperatorIdentity.decisionIdentity(user: user), reason: reason),
                                    workspace: workspace, user: user)
    }
}

/// `flightdeck silence ALERT DURATION [--reason TEXT]`.
struct SilenceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "silence",
        abstract: "Silence an alert for a span of simulated time (30m, 2h, 1d): it is still evaluated and recorded, but not shown as firing until then."
    )
    @Argument(help: "The alert id (a key of alerts: in the project file).") var alert: String
    @Argument(help: ArgumentHelp("How long, in simulated time: 30m, 2h, 1h30m, 1d.", valueName: "DURATION")) var duration: String
    @Option(name: .long, help: "Why (e.g. a known issue).") var reason: String?
    @OptionGroup var options: ProjectOptions

    /// The longest silence accepted (longer ones are mistakes more often than not).
    static let longest = SimDuration.days(30)

    /// Reads DURATION: a positive duration of at most ``longest``.
    static func parseDuration(_ text: String) throws(InvalidArgument) -> SimDuration {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let duration = try? SimDuration(parsing: trimmed) else {
            throw InvalidArgument(message: "silence duration '\(text)': expected a duration of simulated time such as 30m, 2h, 1h30m or 1d")
        }
        guard duration > .zero else { throw InvalidArgument(message: "silence duration '\(text)': must be longer than 0s") }
        guard duration <= longest else { throw InvalidArgument(message: "silence duration '\(text)': at most \(longest)") }
        return duration
    }

    func run() throws {
        let span: SimDuration
        do {
            span = try Self.parseDuration(duration)
        } catch {
            throw cliFailure(error.message)
        }
        let workspace = try Workspace.load(options)
        try workspace.requireAlert(alert)
        let user = OperatorIdentity.loginName()
        try CommandDelivery.deliver(.silenceAlert(alert, duration: span, identity: OperatorIdentity.decisionIdentity(user: user), reason: reason),
                                    workspace: workspace, user: user)
    }
}

/// A command-line value that is not acceptable; the CLI prints `message` and exits 2.
struct InvalidArgument: Error, Equatable {
    let message: String
}
