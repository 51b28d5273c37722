import SimKernel

extension Engine {
    /// Applies a rollout command (integration pending: issue 5).
    func applyServingCommand(_ command: EngineCommand) -> CommandResult {
        .rejected("no deployments are running")
    }

    /// The deployments' summaries, in project-file order.
    func deploymentSummaries() -> [DeploymentSummary] { [] }
}
