import ArgumentParser

/// `flightdeck drift ...`: data drift, headless. `status` (the default)
/// shows the monitors; `compare` compares two CSV files column by column.
struct DriftCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "drift",
        abstract: "Data drift: the monitors' drift (default), or two CSV files compared column by column.",
        subcommands: [DriftStatusCommand.self, DriftCompareCommand.self],
        defaultSubcommand: DriftStatusCommand.self
    )
}
