import ArgumentParser

/// `--project` and `--state`, taken by every command.
struct ProjectOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Project file (default: ./flightdeck.yaml, else the embedded demo).", valueName: "FILE"))
    var project: String?

    @Option(name: .long, help: ArgumentHelp("State directory (default: .flightdeck next to the project file).", valueName: "DIR"))
    var state: String?
}
