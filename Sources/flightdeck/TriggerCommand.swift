import ArgumentParser
import Engine
import Foundation

/// `flightdeck trigger PIPELINE [--param k=v]`: starts a run on the running
/// engine (the control room, a `run` or a `simulate --state`) through the
/// command channel, without waiting for the run. Without a running engine it
/// applies the trigger itself and, as nothing else would, runs it to its end
/// like `flightdeck run`.
struct TriggerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trigger",
        abstract: "Trigger a pipeline run on the running engine (e.g. the control room) without waiting for it.",
        discussion: "Without a running engine the trigger is applied here and the run is driven to its end, as 'flightdeck run PIPELINE' does."
    )

    @Argument(help: "The pipeline id.")
    var pipeline: String

    @Option(name: .customLong("param"), help: ArgumentHelp("A parameter value, e.g. --param rows=5000 (repeatable).", valueName: "k=v"))
    var params: [String] = []

    @OptionGroup var options: ProjectOptions

    func run() throws {
        let workspace = try Workspace.load(options)
        let bindings = try PipelineParams.bindings(params, pipeline: pipeline, in: workspace.spec)
        let user = OperatorIdentity.loginName()
        try CommandDelivery.deliver(.trigger(pipeline: pipeline, params: bindings, by: user), workspace: workspace, user: user) { opened in
            print("no engine is running on \(workspace.statePath): running the pipeline here")
            try RunDriver.drive(opened, pipeline: pipeline, bindings: bindings, follow: false)
        }
    }
}

/// `flightdeck cancel RUN`: cancels a queued or running run.
struct CancelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cancel",
        abstract: "Cancel a queued or running run (through the running engine when one holds the state directory)."
    )

    @Argument(help: ArgumentHelp("The run id (as in 'flightdeck runs').", valueName: "run"))
    var runID: Int64

    @OptionGroup var options: ProjectOptions

    func run() throws {
        let workspace = try Workspace.load(options)
        let user = OperatorIdentity.loginName()
        try CommandDelivery.deliver(.cancelRun(RunID(runID), by: user), workspace: workspace, user: user)
    }
}

/// Reads `--param k=v` options against a pipeline's declared parameters.
enum PipelineParams {
    /// The bindings, in the order given; exit 2 with a message for an
    /// unknown pipeline or parameter or a malformed option.
    static func bindings(_ params: [String], pipeline: String, in project: ProjectSpec) throws -> [ParamBinding] {
        guard let spec = project.pipeline(pipeline) else {
            throw cliFailure("no pipeline '\(pipeline)' in \(project.source); pipelines: \(project.pipelines.map(\.id).joined(separator: ", "))")
        }
        var bindings: [ParamBinding] = []
        for param in params {
            guard let eq = param.firstIndex(of: "=") else { throw cliFailure("--param \(param): expected k=v") }
            let name = String(param[..<eq])
            guard spec.params.contains(where: { $0.name == name }) else {
                throw cliFailure("--param \(param): pipeline \(pipeline) has no parameter '\(name)'; parameters: \(spec.params.map(\.name).joined(separator: ", "))")
            }
            bindings.append(ParamBinding(name: name, value: String(param[param.index(after: eq)...])))
        }
        return bindings
    }
}
