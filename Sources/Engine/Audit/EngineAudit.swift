extension Engine {
    /// Sets the ``auditSink`` and writes to it the records made while there
    /// was none (the automatic actions of the engine's start: missed
    /// schedules, initial deploys, rollouts resumed), oldest first. Call it
    /// right after creating the engine, before any command. A write failure
    /// is reported like any other (``auditError`` and a `store-error` event).
    public func attachAuditSink(_ sink: any AuditSink) {
        let unwritten = auditSink == nil ? recentAudit.elements : []
        auditSink = sink
        for record in unwritten {
            do {
                try sink.append(record)
            } catch {
                let message = "could not write the audit log: \(error)"
                if auditError != message { self.record(.storeError, message) }
                auditError = message
                return
            }
        }
    }
}

extension Engine {
    /// Audits what a rollout did by itself (its effects with no operator
    /// command behind them, before they are applied): traffic steps,
    /// promotions, rollbacks, aborts, approvals it asked for or recorded.
    /// Notes (`log`) change nothing; a bandit's re-allocations among the
    /// same versions (about one a minute) are kept in the traffic history
    /// only, so they do not drown the log.
    func auditRolloutEffect(_ effect: RolloutEffect, on runtime: DeploymentRuntime) {
        let deployment = runtime.spec.id, model = runtime.spec.model
        switch effect {
        case .route(let routing, let why):
            if case .bandit = runtime.spec.strategy,
               Set(routing.live.map(\.version)) == Set(runtime.simulator.routing.live.map(\.version)) { return }
            recordAutomaticAudit(action: "rollout-step", target: deployment, reason: why, message: routing.splitText)
        case .requestApproval(let version):
            recordAutomaticAudit(action: "request-approval", target: "\(model) v\(version)", reason: "rollout gate of \(deployment)",
                                 message: "\(model) v\(version) awaits approval")
        case .recordApproval(let version, let by, let reason):
            recordAutomaticAudit(action: "approve", target: "\(model) v\(version)", reason: reason,
                                 message: "approved by \(by) at \(deployment)'s gate")
        case .promoted(let version):
            recordAutomaticAudit(action: "rollout-promote", target: "\(deployment) v\(version)", reason: nil,
                                 message: "\(model) v\(version) promoted on \(deployment)")
        case .rolledBack(let reason):
            recordAutomaticAudit(action: "rollout-rollback", target: deployment, reason: reason, message: "\(deployment) rolled back")
        case .aborted(let reason):
            recordAutomaticAudit(action: "rollout-abort", target: deployment, reason: reason, message: "\(deployment) rollout aborted")
        case .log:
            break
        }
    }
}
