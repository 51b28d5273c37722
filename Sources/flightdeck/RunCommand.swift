import ArgumentParser
import Engine
import Foundation
import Terminal
import TUICore

/// `flightdeck run PIPELINE`: one run, headless, as fast as its steps allow.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Trigger a pipeline run and wait for it: exit 0 when it succeeds, 1 when it fails, 2 on bad input.",
        discussion: "Simulated steps take simulated time (fast-forwarded); shell steps really run. The whole project runs meanwhile, so schedules may start other runs; only this run is reported."
    )

    @Argument(help: "The pipeline id.")
    var pipeline: String

    @Option(name: .customLong("param"), help: ArgumentHelp("A parameter value, e.g. --param rows=5000 (repeatable).", valueName: "k=v"))
    var params: [String] = []

    @Flag(name: .long, help: "Also print each step's log lines as they arrive.")
    var follow = false

    @OptionGroup var options: ProjectOptions

    func run() throws {
        let workspace = try Workspace.load(options)
        let bindings = try PipelineParams.bindings(params, pipeline: pipeline, in: workspace.spec)
        try CommandDelivery.refuseIfReadOnly(.trigger(pipeline: pipeline, params: bindings, by: OperatorIdentity.loginName()), workspace: workspace)
        let opened = try userFacing { try workspace.openEngine(persist: true) }
        try RunDriver.drive(opened, pipeline: pipeline, bindings: bindings, follow: follow)
    }

}

/// Prints a line whenever a step of the run changes state, and with
/// `follow` the log lines each step has written since the last report.
struct RunProgress {
    let run: RunID
    let follow: Bool
    private var lastStates: [String: String] = [:]
    private var printedLines: [String: Int] = [:]

    init(run: RunID, follow: Bool) {
        self.run = run
        self.follow = follow
    }

    mutating func report(_ engine: Engine) {
        guard let summary = engine.runSummary(run) else { return }
        for step in summary.steps {
            let line = step.reason.isEmpty ? step.state.rawValue : step.reason
            if lastStates[step.id] != line {
                lastStates[step.id] = line
                print("\(engine.now.clockLabel)  \(TextLayout.pad(step.id, to: 14))  \(TextSanitizer.clean(line))")
            }
            guard follow, step.attempts > 0, let lines = try? engine.logs(run: run, step: step.id) else { continue }
            let already = printedLines[step.id] ?? 0
            for logLine in lines.dropFirst(already) {
                let stream = logLine.stream == .stdout ? "" : "[\(logLine.stream.rawValue)] "
                print("    \(step.id) #\(logLine.key.attempt) | \(stream)\(TextSanitizer.clean(logLine.text))")
            }
            printedLines[step.id] = max(already, lines.count)
        }
    }
}

/// Triggers a run on an engine this process holds and drives it to its end
/// (the `run` command, and `trigger` when no engine is running): progress
/// lines, exit 0 on success, 1 on a failed run, 2 on a refused trigger.
enum RunDriver {
    static func drive(_ opened: OpenEngine, pipeline: String, bindings: [ParamBinding], follow: Bool) throws {
        let engine = opened.engine
        let result = engine.apply(.trigger(pipeline: pipeline, params: bindings, by: OperatorIdentity.loginName()), origin: OperatorIdentity.origin(.cli))
        guard result.outcome != .rejected, let runID = engine.runs(pipeline: pipeline).first?.id else {
            throw cliFailure(result.message)
        }
        print("run #\(runID) of \(pipeline): \(result.message)")
        var progress = RunProgress(run: runID, follow: follow)
        let limit = engine.now + SimDuration.days(30)
        NcursesTerminal.installSignalHandlers()
        engine.runUntilIdle(maxTime: limit, waitForShell: true) { engine in
            opened.pollChannel()
            progress.report(engine)
            return NcursesTerminal.pendingSignal != nil || (engine.run(runID)?.state.isFinal ?? true)
        }
        opened.shutdown()
        if let signal = NcursesTerminal.pendingSignal {
            print("interrupted: its shell steps were stopped; the run will show as interrupted and can be rerun from its failure")
            throw ExitCode(128 + signal)
        }
        progress.report(engine)
        guard let final = engine.run(runID) else { throw cliFailure("run #\(runID) disappeared") }
        print("run #\(runID) \(TextSanitizer.clean(final.reason))")
        if let error = engine.snapshot().storeError { throw cliFailure(error) }
        switch final.state {
        case .succeeded: return
        case .queued, .running:
            print("run #\(runID) did not finish within 30 days of simulated time")
            throw ExitCode(1)
        case .failed, .cancelled, .interrupted:
            throw ExitCode(1)
        }
    }
}
