import ArgumentParser
import Engine
import Foundation

/// `flightdeck validate [FILE]`: check a project file without running it.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a project file: every error with file:line:col (exit 2), or a summary of what it declares (plan warnings on stderr)."
    )

    @Argument(help: ArgumentHelp("The project file (default: --project, ./flightdeck.yaml, else the embedded demo).", valueName: "FILE"))
    var file: String?

    @OptionGroup var options: ProjectOptions

    func run() throws {
        var options = options
        if let file { options.project = file }
        let workspace = try Workspace.load(options)
        let lines = ProjectSummary.lines(for: workspace.spec, now: .zero, calendar: SimCalendar())
        for warning in workspace.spec.warnings {
            FileHandle.standardError.write(Data((warning + "\n").utf8))
        }
        print("\(workspace.projectFile ?? ProjectLoader.embeddedDemoSource): valid")
        print(lines.joined(separator: "\n"))
    }
}
