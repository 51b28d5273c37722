import ArgumentParser
import Engine

/// `flightdeck rerun RUN`: reruns a failed, cancelled or interrupted run from
/// its first unsuccessful step (what `r` does on the Pipelines screen).
struct RerunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rerun",
        abstract: "Rerun a failed, cancelled or interrupted run from its failure (through the running engine when one holds the state directory)."
    )

    @Argument(help: ArgumentHelp("The run id (as in 'flightdeck runs').", valueName: "run"))
    var runID: Int64

    @OptionGroup var options: ProjectOptions

    func run() throws {
        let workspace = try Workspace.load(options)
        let user = OperatorIdentity.loginName()
        try CommandDelivery.deliver(.rerunFromFailure(RunID(runID), by: user), workspace: workspace, user: user)
    }
}
