import ArgumentParser
import Engine
import Foundation
import TUICore

/// `flightdeck logs RUN STEP`: a step's log, escape sequences stripped.
struct LogsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "logs", abstract: "Print a step's log (all attempts, or one with --attempt).")

    @Argument(help: "The run id (as `flightdeck runs` shows it, with or without #).")
    var runID: String

    @Argument(help: "The step id.")
    var step: String

    @Option(name: .long, help: "Only this attempt (1-based).")
    var attempt: Int?

    @OptionGroup var options: ProjectOptions

    func run() throws {
        guard let id = Int64(runID.hasPrefix("#") ? String(runID.dropFirst()) : runID), id > 0 else {
            FileHandle.standardError.write(Data("flightdeck: '\(runID)' is not a run id (expected a number such as 12)\n".utf8))
            throw ExitCode(2)
        }
        let workspace = try Workspace.load(options)
        let lines: [LogLine] = try userFacing {
            guard let store = try workspace.readHistory(), let record = try store.runs(pipeline: nil, limit: nil).first(where: { $0.id == RunID(id) }) else {
                throw CLIError("no run #\(id) in \(workspace.statePath)")
            }
            let steps = try store.steps(run: record.id)
            guard steps.contains(where: { $0.step == step }) else {
                throw CLIError("run #\(id) (\(record.pipeline)) has no step '\(step)'; steps: \(steps.map(\.step).joined(separator: ", "))")
            }
            return try store.logs(run: record.id, step: step, attempt: attempt)
        }
        var currentAttempt = 0
        for line in lines {
            if line.key.attempt != currentAttempt {
                currentAttempt = line.key.attempt
                print("== attempt \(currentAttempt)")
            }
            let stream = line.stream == .stdout ? "" : "[\(line.stream.rawValue)] "
            print("\(line.time.clockLabel) \(stream)\(TextSanitizer.clean(line.text))")
        }
    }
}

/// A message for the user; the command exits with status 2.
struct CLIError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
