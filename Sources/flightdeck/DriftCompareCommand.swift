import ArgumentParser
import Engine
import TUICore

/// `flightdeck drift compare REFERENCE.csv CURRENT.csv [--json] [--method M] [--categorical COL]...`:
/// per-column drift between two CSV files with the monitors' methods and
/// defaults, then the dataset verdict. Exits 0 whether or not there is
/// drift, 2 on bad input (the file and line in the message).
struct DriftCompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare two CSV files (header row) column by column: method, statistic, p-value, sample sizes, threshold and verdict, then the dataset verdict.",
        discussion: """
        Numeric columns (every non-empty value on both sides a number) get the KS p-value below 1,000 values per side \
        and PSI from 1,000; categorical ones chi-square below 1,000 and Jensen-Shannon from 1,000 (the monitors' defaults). \
        Empty fields are missing values, left out and counted. The dataset drifts when at least half of the columns do. \
        Exit status 0 with or without drift; 2 on malformed input.
        """
    )

    @Argument(help: "The reference CSV file (header row required).") var reference: String
    @Argument(help: "The current CSV file, with the same columns.") var current: String
    @Flag(name: .long, help: "JSON instead of text.") var json = false
    @Option(name: .long, help: "One method for every column it applies to: psi, ks, wasserstein, js or chi_square.") var method: String?
    @Option(name: .long, help: "Compare this column as categories even if its values are numbers (repeatable).") var categorical: [String] = []

    func run() throws {
        var forced: DriftMethod?
        if let method {
            let names = DriftMethod.allCases.map(\.rawValue)
            guard let parsed = DriftMethod(rawValue: method) else {
                let hint = DidYouMean.suggestion(for: method, among: names).map { "did you mean '\($0)'? " } ?? ""
                throw cliFailure("--method: unknown method '\(method)'; \(hint)expected one of \(names.joined(separator: ", "))")
            }
            forced = parsed
        }
        let report: DriftCompareReport
        do {
            report = try DriftCompareReport.compare(reference: CSVTable.read(path: reference), current: CSVTable.read(path: current),
                                                    method: forced, categorical: categorical)
        } catch {
            throw cliFailure(error.description)
        }
        if json {
            print(try JSONOutput.encode(report))
            return
        }
        print(TextSanitizer.clean(report.titleLine))
        let table = TextTable.render(report.tableRows.map { $0.map { TextSanitizer.clean($0) } })
        // The last column (note) is often empty: no padding left at the end of a line.
        print(table.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            String(line.reversed().drop { $0 == " " }.reversed())
        }.joined(separator: "\n"))
        print(report.datasetLine)
    }
}
