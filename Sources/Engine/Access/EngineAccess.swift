import SimKernel

extension Engine {
    /// Applies an operator command on behalf of `origin`: checks the
    /// ``accessPolicy`` (a refusal says who is allowed), applies it through
    /// ``apply(_:)`` and appends an audit record of the attempt (refusals
    /// included). Commands that change nothing (`unchanged`) are audited too,
    /// so the log shows every attempt at a state change.
    @discardableResult
    public func apply(_ command: EngineCommand, origin: CommandOrigin) -> CommandResult {
        if let problem = command.validationProblem {
            // Malformed (however it arrived): refused before the policy is
            // asked, logged as an event and audited as invalid.
            let result = CommandResult.rejected(problem)
            record(.commandRejected, "rejected \(command.auditSummary.action) from \(CommandText.shown(origin.user, limit: 40)): \(problem)")
            recordInvalidAudit(origin: origin, summary: command.auditSummary, message: problem)
            return result
        }
        let groups = groupResolver?(origin.user) ?? origin.groups
        let result: CommandResult
        switch accessPolicy.decide(command.requiredRight, user: origin.user, groups: groups, readOnly: origin.readOnly) {
        case .refused(let why):
            result = .rejected(why)
        case .allowed:
            result = apply(command)
        }
        let summary = command.auditSummary
        recordAudit(AuditRecord(
            simTime: now, wallTime: origin.wallTime, user: origin.user, sshClient: origin.sshClient, source: origin.source,
            action: summary.action, target: summary.target, reason: summary.reason,
            result: result.outcome.auditName, message: result.message))
        return result
    }

    /// Audits a malformed command (result `invalid`): its target and reason
    /// are cut to their limits and stripped of control characters, so a
    /// hostile payload cannot flood the log.
    func recordInvalidAudit(origin: CommandOrigin, summary: (action: String, target: String, reason: String?), message: String) {
        recordAudit(AuditRecord(
            simTime: now, wallTime: origin.wallTime.map { CommandText.shown($0, limit: CommandLimits.nameLength) },
            user: CommandText.shown(origin.user, limit: CommandLimits.nameLength),
            sshClient: origin.sshClient.map { CommandText.shown($0, limit: CommandLimits.nameLength) }, source: origin.source,
            action: CommandText.shown(summary.action, limit: CommandLimits.nameLength),
            target: CommandText.shown(summary.target, limit: CommandLimits.nameLength),
            reason: summary.reason.map { CommandText.shown($0, limit: CommandLimits.reasonLength) },
            result: "invalid", message: message))
    }

    /// Appends `record` to the audit log: kept in ``recentAudit`` and
    /// written to the ``auditSink``; a write failure is reported in
    /// ``auditError`` and as a `store-error` event.
    func recordAudit(_ record: AuditRecord) {
        recentAudit.append(record)
        guard let auditSink else { return }
        do {
            try auditSink.append(record)
            auditError = nil
        } catch {
            let message = "could not write the audit log: \(error)"
            if auditError != message { self.record(.storeError, message) }
            auditError = message
        }
    }

    /// Audits an action the engine took by itself (an automatic rollback, an
    /// approval timeout, an `on_alert` trigger).
    func recordAutomaticAudit(action: String, target: String, reason: String?, message: String) {
        recordAudit(AuditRecord(
            simTime: now, wallTime: wallClock?(), user: CommandOrigin.automaticUser, sshClient: nil, source: .automatic,
            action: action, target: target, reason: reason, result: "applied", message: message))
    }
}

extension CommandResult.Outcome {
    /// The name the audit log and the command channel use.
    public var auditName: String {
        switch self {
        case .applied: "applied"
        case .unchanged: "unchanged"
        case .rejected: "rejected"
        }
    }
}

extension EngineCommand {
    /// The audit log's action, target and reason for this command.
    public var auditSummary: (action: String, target: String, reason: String?) {
        switch self {
        case .pause: ("pause", "clock", nil)
        case .resume: ("resume", "clock", nil)
        case .togglePause: ("toggle-pause", "clock", nil)
        case .setSpeed(let speed): ("set-speed", "clock \(speed)", nil)
        case .faster: ("faster", "clock", nil)
        case .slower: ("slower", "clock", nil)
        case .trigger(let pipeline, let params, _):
            ("trigger", pipeline + (params.isEmpty ? "" : " " + params.map { "\($0.name)=\($0.value)" }.joined(separator: " ")), nil)
        case .cancelRun(let run, _): ("cancel", "run \(run)", nil)
        case .rerunFromFailure(let run, _): ("rerun", "run \(run)", nil)
        case .clearStep(let run, let step, _): ("clear-step", "run \(run) step \(step)", nil)
        case .markStep(let run, let step, let succeeded, _): (succeeded ? "mark-success" : "mark-failed", "run \(run) step \(step)", nil)
        case .approve(let model, let version, let reason, _, _): ("approve", "\(model) v\(version)", reason)
        case .reject(let model, let version, let reason, _, _): ("reject", "\(model) v\(version)", reason)
        case .moveAlias(let model, let alias, let version, _, let reason):
            ("move-alias", "\(model) \(alias) -> " + (version.map { "v\($0)" } ?? "none"), reason)
        case .promote(let model, let version, _): ("promote", "\(model) v\(version)", nil)
        case .archive(let model, let version, _): ("archive", "\(model) v\(version)", nil)
        case .decommission(let model, let version, _): ("decommission", "\(model) v\(version)", nil)
        case .cleanupRegistry: ("cleanup", "registry", nil)
        case .rollout(let deployment, let action, let reason, _): ("rollout-\(action.rawValue)", deployment, reason)
        case .setRolloutWeight(let deployment, let percent, _): ("set-weight", "\(deployment) \(percent)%", nil)
        case .banditArm(let deployment, let version, let hold, _): ("bandit-\(hold.rawValue)", "\(deployment) v\(version)", nil)
        case .acknowledgeAlert(let alert, _, let reason): ("ack", alert, reason)
        case .silenceAlert(let alert, let duration, _, let reason): ("silence", "\(alert) for \(duration)", reason)
        }
    }
}
