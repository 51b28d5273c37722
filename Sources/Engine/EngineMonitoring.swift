import SimKernel

extension Engine {
    /// Acknowledge and silence. (Wired to the monitors at integration.)
    func applyMonitoringCommand(_ command: EngineCommand) -> CommandResult {
        .rejected("no monitors are running")
    }
}
