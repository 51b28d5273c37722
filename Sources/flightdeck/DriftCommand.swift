import ArgumentParser

/// `flightdeck drift ...`: data drift, headless. Each subcommand is one
/// entry of `subcommands` (a default `status` showing the monitors joins
/// as one more entry plus `defaultSubcommand`).
struct DriftCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "drift",
        abstract: "Data drift: compare two CSV files column by column.",
        subcommands: [DriftCompareCommand.self]
    )
}
