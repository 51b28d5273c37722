import Engine

extension Reducer {
    /// The Events screen's own actions (k, s, Enter); nil for the others
    /// (the general reducer moves the selection through `data.rowCount` rows).
    static func reduceEvents(_ action: Action, state: inout UIState, data: EventsData, context: ReducerContext) -> [EngineCommand]? {
        guard state.mode == .normal else { return nil }
        switch action {
        case .acknowledgeAlert:
            guard let alert = data.selectedAlert else { return noAlert(&state, data: data) }
            switch alert.state {
            case .firing, .silenced:
                break
            case .acknowledged:
                state.status = StatusMessage("\(alert.id) is already acknowledged by \(alert.acknowledgedBy ?? "someone")", isError: true)
                return []
            case .pending:
                state.status = StatusMessage("\(alert.id) is pending (not firing yet): nothing to acknowledge; s silences it", isError: true)
                return []
            case .resolved, .ok:
                state.status = StatusMessage("\(alert.id) is \(alert.state.rawValue): nothing to acknowledge", isError: true)
                return []
            }
            state.dialog = .acknowledgeAlert(AcknowledgeForm(alert: alert.id, situation: situation(alert)))
            state.mode = .dialog
        case .silenceAlert:
            guard let alert = data.selectedAlert else { return noAlert(&state, data: data) }
            state.dialog = .silenceAlert(SilenceForm(alert: alert.id, situation: situation(alert), now: data.now))
            state.mode = .dialog
        case .toggleAuditLog:
            state.eventsShowAudit.toggle()
            state.selections[.events] = 0
            state.status = StatusMessage(state.eventsShowAudit
                ? "audit log: \(data.totalAudit) recent entr\(data.totalAudit == 1 ? "y" : "ies") (a: back to the event log)"
                : "event log (a: the audit log)")
        case .openSubject:
            guard data.rowCount > 0 else {
                state.status = StatusMessage("nothing to open: no alert or event is listed", isError: true)
                return []
            }
            guard let subject = data.selectedSubject else {
                state.status = StatusMessage("nothing to open: this row is not about a run, version, deployment or alert", isError: true)
                return []
            }
            open(subject, state: &state, data: data)
        default:
            return nil
        }
        return []
    }

    /// Switches to the screen that shows `subject`, selected.
    private static func open(_ subject: EventSubject, state: inout UIState, data: EventsData) {
        switch subject {
        case .run(let run):
            state.selectRun(run, pipeline: data.selectedRunPipeline)
            if data.selectedRunPipeline == nil {
                state.status = StatusMessage("run #\(run) is no longer among the recent runs", isError: true)
            }
        case .pipeline(let pipeline):
            state.selectPipeline(pipeline)
        case .version(let model, let version):
            state.selectVersion(model: model, version: version)
        case .deployment(let deployment):
            state.selectDeployment(deployment)
        case .monitor:
            state.screen = .monitors
        case .alert(let id):
            if let row = data.row(ofAlert: id) {
                state.selections[.events] = row
            } else if let row = data.alertOrder.firstIndex(of: id) {
                // The filter hides it: clear the filter, whose rows the order is.
                state.filters[.events] = nil
                state.selections[.events] = row
            } else {
                state.status = StatusMessage("alert \(id) has not fired: it is not listed", isError: true)
            }
        }
    }

    /// `firing (critical) for 12m: drift.amount 0.231 >= 0.2`.
    private static func situation(_ alert: AlertSummary) -> String {
        let level = alert.severity.map { " (\($0.rawValue))" } ?? ""
        return "\(alert.state.rawValue)\(level): \(alert.message)"
    }

    private static func noAlert(_ state: inout UIState, data: EventsData) -> [EngineCommand] {
        let text = data.totalAlerts == 0 ? "no alert has fired" : "select an alert first (the alerts are listed on top)"
        state.status = StatusMessage(text, isError: true)
        return []
    }

    /// The keys of the acknowledge and silence dialogs; nil when neither is open.
    static func reduceAlertDialog(_ action: Action, state: inout UIState, context: ReducerContext) -> [EngineCommand]? {
        guard state.mode == .dialog, let dialog = state.dialog else { return nil }
        func close() {
            state.dialog = nil
            state.mode = .normal
        }
        switch (action, dialog) {
        case (.dialogSubmit, .acknowledgeAlert(let form)):
            close()
            guard let identity = context.identity else { return noIdentity(&state) }
            return [.acknowledgeAlert(form.alert, identity: identity, reason: form.reasonValue)]
        case (.dialogKey(let key), .acknowledgeAlert(var form)):
            _ = form.reason.handle(key)
            state.dialog = .acknowledgeAlert(form)
        case (.dialogSubmit, .silenceAlert(var form)):
            switch form.parsedDuration() {
            case .failure(let error):
                form.error = error.message
                form.step = .duration
                state.dialog = .silenceAlert(form)
            case .success(let duration):
                guard form.step == .reason else {
                    form.step = .reason
                    state.dialog = .silenceAlert(form)
                    return []
                }
                close()
                guard let identity = context.identity else { return noIdentity(&state) }
                return [.silenceAlert(form.alert, duration: duration, identity: identity, reason: form.reasonValue)]
            }
        case (.dialogNextField, .silenceAlert(var form)), (.dialogPreviousField, .silenceAlert(var form)):
            form.step = form.step == .duration ? .reason : .duration
            state.dialog = .silenceAlert(form)
        case (.dialogKey(let key), .silenceAlert(var form)):
            switch form.step {
            case .duration:
                _ = form.duration.handle(key)
                form.error = nil
            case .reason:
                _ = form.reason.handle(key)
            }
            state.dialog = .silenceAlert(form)
        default:
            // Cancel, quit and the other dialogs: the general dialog reducer.
            return nil
        }
        return []
    }
}
