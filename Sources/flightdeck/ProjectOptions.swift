import ArgumentParser

/// `--project`, `--state` and `--read-only`, taken by every command.
struct ProjectOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Project file (default: ./flightdeck.yaml, else the embedded demo).", valueName: "FILE"))
    var project: String?

    @Option(name: .long, help: ArgumentHelp("State directory (default: .flightdeck next to the project file).", valueName: "DIR"))
    var state: String?

    @Flag(name: .customLong("read-only"), help: "Watch only: every state-changing action is hidden and refused (the CLI exits 2 without sending it).")
    var readOnly = false
}
