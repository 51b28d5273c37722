import ArgumentParser
import Engine
import Foundation
import TUICore

/// `flightdeck runs [--pipeline P] [--json]`: the run history.
struct RunsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "runs", abstract: "List pipeline runs, newest first.")

    @Option(name: .long, help: "Only this pipeline's runs.")
    var pipeline: String?

    @Option(name: .long, help: "At most this many runs.")
    var limit: Int?

    @Flag(name: .long, help: "JSON instead of a table.")
    var json = false

    @OptionGroup var options: ProjectOptions

    func run() throws {
        let workspace = try Workspace.load(options)
        if let pipeline, workspace.spec.pipeline(pipeline) == nil {
            FileHandle.standardError.write(Data("flightdeck: no pipeline '\(pipeline)' in \(workspace.spec.source); pipelines: \(workspace.spec.pipelines.map(\.id).joined(separator: ", "))\n".utf8))
            throw ExitCode(2)
        }
        let runs = try userFacing { try workspace.readHistory()?.runs(pipeline: pipeline, limit: limit) ?? [] }
        if json {
            print(try JSONOutput.encode(runs.map(RunJSON.init)))
            return
        }
        guard !runs.isEmpty else {
            print("no runs yet in \(workspace.statePath)")
            return
        }
        var rows = [["RUN", "PIPELINE", "STATE", "QUEUED", "TOOK", "TRIGGER", "REASON"]]
        for run in runs {
            let took = run.startedAt.map { ((run.endedAt ?? $0) - $0).compactDescription } ?? "-"
            rows.append(["#\(run.id)", run.pipeline, run.state.rawValue, run.queuedAt.clockLabel, took, run.trigger, run.reason].map { TextSanitizer.clean($0) })
        }
        print(TextTable.render(rows))
    }
}

/// A run as `--json` prints it.
struct RunJSON: Encodable {
    let id: Int64
    let pipeline: String
    let number: Int
    let state: String
    let reason: String
    let trigger: String
    let params: [String: String]
    let codeVersion: String?
    let queuedAtMs: Int64
    let startedAtMs: Int64?
    let endedAtMs: Int64?

    init(_ run: RunRecord) {
        id = run.id.value
        pipeline = run.pipeline
        number = run.number
        state = run.state.rawValue
        reason = run.reason
        trigger = run.trigger
        params = Dictionary(run.params.map { ($0.name, $0.value) }, uniquingKeysWith: { $1 })
        codeVersion = run.codeVersion
        queuedAtMs = run.queuedAt.milliseconds
        startedAtMs = run.startedAt?.milliseconds
        endedAtMs = run.endedAt?.milliseconds
    }
}

/// JSON with sorted keys, so output is byte-for-byte reproducible.
enum JSONOutput {
    static func encode(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}

/// Left-aligned columns separated by two spaces.
enum TextTable {
    static func render(_ rows: [[String]]) -> String {
        guard let first = rows.first else { return "" }
        var widths = Array(repeating: 0, count: first.count)
        for row in rows {
            for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], CharacterWidth.of(cell)) }
        }
        return rows.map { row in
            row.enumerated().map { i, cell in i == row.count - 1 ? cell : TextLayout.pad(cell, to: widths[i]) }.joined(separator: "  ")
        }.joined(separator: "\n")
    }
}
