import ArgumentParser
import Foundation

/// The `flightdeck` command: the control room by default, headless
/// subcommands for scripts and CI.
@main
struct Flightdeck: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "flightdeck",
        abstract: "A terminal control room for machine-learning operations.",
        discussion: """
        Without a subcommand, opens the full-screen control room on the project \
        (./flightdeck.yaml, else the embedded demo project). Press ? inside for keys.
        """,
        version: version,
        subcommands: [ControlRoomCommand.self, ValidateCommand.self, RunCommand.self, RunsCommand.self, LogsCommand.self, SimulateCommand.self, InitCommand.self,
                      ModelsCommand.self, VersionsCommand.self, HistoryCommand.self, ApproveCommand.self, RejectCommand.self, AliasCommand.self, ArchiveCommand.self, CleanupCommand.self,
                      TriggerCommand.self, CancelCommand.self, RolloutCommand.self, AlertsCommand.self, AckCommand.self, SilenceCommand.self,
                      DriftCommand.self, WhoamiCommand.self, AuditCommand.self, ServeCommand.self, RerunCommand.self,
                      MetricsCommand.self],
        defaultSubcommand: ControlRoomCommand.self
    )

    /// Runs the command. Usage errors exit with status 2 (not ArgumentParser's
    /// 64), as every bad input to flightdeck does; --help and --version exit 0.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let exit as ExitCode {
            Foundation.exit(exit.rawValue)
        } catch {
            if exitCode(for: error).isSuccess { self.exit(withError: error) }
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            Foundation.exit(2)
        }
    }
}
