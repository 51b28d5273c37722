import Engine

extension Reducer {
    /// The Deployments screen's actions; nil when `action` is not one of its
    /// own (the general reducer handles it). Commands that cannot apply to
    /// the selected rollout's phase are refused here with a status message.
    static func reduceDeployments(_ action: Action, state: inout UIState, data: DeploymentsData, context: ReducerContext) -> [EngineCommand]? {
        guard state.mode == .normal else { return nil }
        switch action {
        case .moveSelection(let delta):
            selectDeployment(&state, data: data, index: data.selectedIndex + delta)
        case .selectFirst:
            selectDeployment(&state, data: data, index: 0)
        case .selectLast:
            selectDeployment(&state, data: data, index: data.deployments.count - 1)
        case .promoteRollout, .promoteRolloutFully, .abortRollout, .toggleRolloutPause, .setRolloutWeight, .retryRollout:
            guard let deployment = data.selected else { return noDeployment(&state, data: data) }
            state.deployments.deployment = deployment.id
            return rolloutCommand(action, deployment: deployment, state: &state, context: context)
        case .moveArmSelection(let delta):
            guard let deployment = data.selected else { return noDeployment(&state, data: data) }
            guard let bandit = deployment.bandit, !bandit.arms.isEmpty else { return notBandit(&state, deployment) }
            let current = bandit.arms.firstIndex { $0.version == data.selectedArm?.version } ?? 0
            let index = max(0, min(bandit.arms.count - 1, current + delta))
            state.deployments.deployment = deployment.id
            state.deployments.arm = bandit.arms[index].version
        case .pinArm, .freezeArm, .releaseArm:
            guard let deployment = data.selected else { return noDeployment(&state, data: data) }
            guard deployment.bandit != nil, let arm = data.selectedArm else { return notBandit(&state, deployment) }
            guard let by = operatorName(context) else { return noIdentity(&state) }
            let hold: BanditArmHold
            switch action {
            case .pinArm: hold = arm.pinned ? .release : .pin
            case .freezeArm: hold = arm.frozen ? .release : .freeze
            default:
                guard arm.pinned || arm.frozen else {
                    state.status = StatusMessage("v\(arm.version) is neither pinned nor frozen: nothing to release", isError: true)
                    return []
                }
                hold = .release
            }
            state.deployments.deployment = deployment.id
            state.deployments.arm = arm.version
            return [.banditArm(deployment: deployment.id, version: arm.version, hold: hold, by: by)]
        default:
            return nil
        }
        return []
    }

    private static func rolloutCommand(_ action: Action, deployment d: DeploymentSummary, state: inout UIState, context: ReducerContext) -> [EngineCommand] {
        func open(_ dialog: DialogState) -> [EngineCommand] {
            state.dialog = dialog
            state.mode = .dialog
            return []
        }
        func reasonForm(_ rollout: RolloutAction) -> [EngineCommand] {
            open(.rolloutReason(RolloutReasonForm(deployment: d.id, action: rollout, stableVersion: d.stableVersion,
                                                  candidateVersion: d.candidateVersion, situation: DeploymentAppearance.reasonText(d))))
        }
        switch action {
        case .promoteRollout:
            guard d.phase.isActive else { return refuse(&state, "promote", d) }
            if d.phase == .awaitingApproval { return reasonForm(.promote) }
            guard let identity = context.identity else { return noIdentity(&state) }
            return [.rollout(deployment: d.id, action: .promote, reason: nil, identity: identity)]
        case .promoteRolloutFully:
            guard d.phase.isActive else { return refuse(&state, "promote", d) }
            if d.phase == .awaitingApproval { return reasonForm(.promoteFull) }
            guard let identity = context.identity else { return noIdentity(&state) }
            let left = d.plan.filter { $0.status == .current || $0.status == .pending }.count
            var message = ["\(versionText(d.candidateVersion)) takes all live traffic of \(d.id) now" + (d.stableVersion.map { ", replacing v\($0)" } ?? "") + "."]
            if left > 0 { message.append("The \(left) remaining step\(left == 1 ? "" : "s") of the plan (pauses and analyses) are skipped.") }
            return open(.confirm(ConfirmDialog(title: "Promote \(d.id) fully?", message: message,
                                               command: .rollout(deployment: d.id, action: .promoteFull, reason: nil, identity: identity))))
        case .abortRollout:
            guard d.phase.isActive || canRollBackAfterPromotion(d) else { return refuse(&state, "abort", d) }
            return reasonForm(.abort)
        case .toggleRolloutPause:
            switch d.phase {
            case .paused:
                guard let identity = context.identity else { return noIdentity(&state) }
                return [.rollout(deployment: d.id, action: .resume, reason: nil, identity: identity)]
            case .progressing, .awaitingApproval:
                guard let identity = context.identity else { return noIdentity(&state) }
                return [.rollout(deployment: d.id, action: .pause, reason: nil, identity: identity)]
            case .inconclusive:
                state.status = StatusMessage("\(d.id)'s analysis is inconclusive and waits for you: p promotes, a rolls back", isError: true)
                return []
            case .empty, .stable, .promoted, .rolledBack, .aborted:
                return refuse(&state, "pause", d)
            }
        case .setRolloutWeight:
            guard d.phase.isActive else { return refuse(&state, "set the weight", d) }
            guard d.strategy == "canary" || d.strategy == "feature_flag" else {
                let hint = d.strategy == "bandit" ? " ([ ] select an arm, i pins it, f freezes it)" : ""
                state.status = StatusMessage("cannot set the weight: \(d.strategy) has no adjustable weight\(hint)", isError: true)
                return []
            }
            let current = d.candidateVersion.map { d.routing.percent(of: $0) } ?? 0
            return open(.rolloutWeight(RolloutWeightForm(deployment: d.id, candidateVersion: d.candidateVersion, currentPercent: current)))
        case .retryRollout:
            guard d.phase == .rolledBack || d.phase == .aborted else {
                state.status = StatusMessage("cannot retry: only a rolled-back or aborted rollout is retried (\(d.id) is \(d.phase.rawValue))", isError: true)
                return []
            }
            guard let identity = context.identity else { return noIdentity(&state) }
            return [.rollout(deployment: d.id, action: .retry, reason: nil, identity: identity)]
        default:
            return []
        }
    }

    /// A blue/green switch can still be undone while the previous
    /// environment is kept warm.
    static func canRollBackAfterPromotion(_ d: DeploymentSummary) -> Bool {
        d.phase == .promoted && d.strategy == "blue_green" && d.versions.contains { $0.role == .previous && $0.replicas > 0 }
    }

    private static func versionText(_ version: Int?) -> String {
        version.map { "v\($0)" } ?? "the candidate"
    }

    private static func refuse(_ state: inout UIState, _ verb: String, _ d: DeploymentSummary) -> [EngineCommand] {
        let why: String
        switch d.phase {
        case .empty: why = "\(d.id) serves nothing yet (no version deployed)"
        case .stable: why = "\(d.id) has no rollout in progress" + (d.stableVersion.map { " (v\($0) serves)" } ?? "")
        case .promoted: why = "\(d.id)'s rollout is over: \(versionText(d.candidateVersion)) was promoted"
        case .rolledBack: why = "\(d.id) was rolled back: r retries the rollout"
        case .aborted: why = "\(d.id) was aborted: r retries the rollout"
        case .progressing, .paused, .awaitingApproval, .inconclusive: why = "\(d.id) is \(d.phase.rawValue)"
        }
        state.status = StatusMessage("cannot \(verb): \(why)", isError: true)
        return []
    }

    private static func noDeployment(_ state: inout UIState, data: DeploymentsData) -> [EngineCommand] {
        let text = data.total == 0 ? "no deployments: add a deployments: section to flightdeck.yaml" : "no deployment matches the filter (Esc clears it)"
        state.status = StatusMessage(text, isError: true)
        return []
    }

    private static func notBandit(_ state: inout UIState, _ d: DeploymentSummary) -> [EngineCommand] {
        state.status = StatusMessage("\(d.id) is not a bandit (\(d.strategy)): it has no arms to pin or freeze", isError: true)
        return []
    }

    private static func selectDeployment(_ state: inout UIState, data: DeploymentsData, index: Int) {
        guard !data.deployments.isEmpty else { return }
        let id = data.deployments[max(0, min(index, data.deployments.count - 1))].id
        if id != data.selected?.id { state.deployments.arm = nil }
        state.deployments.deployment = id
    }

    /// The keys of the rollout reason and weight dialogs; nil when neither is open.
    static func reduceRolloutDialog(_ action: Action, state: inout UIState, context: ReducerContext) -> [EngineCommand]? {
        guard state.mode == .dialog, let dialog = state.dialog else { return nil }
        func close() {
            state.dialog = nil
            state.mode = .normal
        }
        switch (action, dialog) {
        case (.dialogSubmit, .rolloutReason(var form)):
            let reason = form.trimmedReason
            guard !reason.isEmpty else {
                form.error = "a reason is required: say why you \(form.verb) \(form.deployment)"
                state.dialog = .rolloutReason(form)
                return []
            }
            guard let identity = context.identity else {
                close()
                return noIdentity(&state)
            }
            close()
            return [.rollout(deployment: form.deployment, action: form.action, reason: reason, identity: identity)]
        case (.dialogKey(let key), .rolloutReason(var form)):
            _ = form.reason.handle(key)
            form.error = nil
            state.dialog = .rolloutReason(form)
        case (.dialogSubmit, .rolloutWeight(var form)):
            switch form.value() {
            case .failure(let error):
                form.error = error.message
                state.dialog = .rolloutWeight(form)
            case .success(let percent):
                guard let by = operatorName(context) else {
                    close()
                    return noIdentity(&state)
                }
                close()
                return [.setRolloutWeight(deployment: form.deployment, percent: percent, by: by)]
            }
        case (.dialogKey(let key), .rolloutWeight(var form)):
            _ = form.percent.handle(key)
            form.error = nil
            state.dialog = .rolloutWeight(form)
        default:
            // Cancel, quit and the other dialogs: the general dialog reducer.
            return nil
        }
        return []
    }
}
