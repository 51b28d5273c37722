import Engine

extension Reducer {
    /// The Models screen's actions; nil when `action` is not one of its own
    /// (the general reducer handles it).
    static func reduceModels(_ action: Action, state: inout UIState, data: ModelsData, context: ReducerContext) -> [EngineCommand]? {
        guard state.mode == .normal else { return nil }
        var ui = state.models
        defer { state.models = ui }
        switch action {
        case .moveSelection(let delta):
            move(&ui, data: data, to: data.index(in: ui.pane) + delta)
        case .selectFirst:
            move(&ui, data: data, to: 0)
        case .selectLast:
            move(&ui, data: data, to: Int.max / 2)
        case .drillIn:
            guard ui.pane == .models, let model = data.selectedModel else { return [] }
            ui.model = model.id
            ui.pane = .versions
        case .drillOut:
            if ui.compare != nil {
                ui.compare = nil
                state.status = StatusMessage("comparison cleared")
            } else if ui.pane == .versions {
                ui.pane = .models
            } else {
                state.filters[.models] = nil
            }
        case .approveVersion, .rejectVersion:
            let approve = action == .approveVersion
            guard let model = data.selectedModel, let version = data.selectedVersion else { return noVersion(&state) }
            guard let pending = version.pendingApproval else {
                state.status = StatusMessage("\(model.id) v\(version.number) is not waiting for approval (it is \(version.version.state.rawValue))", isError: true)
                return []
            }
            pin(&ui, model: model, version: version)
            state.dialog = .decision(DecisionForm(model: model.id, version: version.number, approve: approve, pending: pending))
            state.mode = .dialog
        case .moveAlias:
            guard let model = data.selectedModel, let version = data.selectedVersion else { return noVersion(&state) }
            pin(&ui, model: model, version: version)
            state.dialog = .alias(AliasForm(model: model.id, version: version.number))
            state.mode = .dialog
        case .archiveVersion:
            guard let model = data.selectedModel, let version = data.selectedVersion else { return noVersion(&state) }
            guard let by = operatorName(context) else { return noIdentity(&state) }
            pin(&ui, model: model, version: version)
            var message = ["\(model.id) v\(version.number) is \(version.version.state.rawValue). Archiving shelves it: it stops being a candidate for promotion; its record and artifact are kept so it can be reloaded."]
            if !version.aliases.isEmpty {
                message.append("It holds \(version.aliases.joined(separator: ", ")): the registry refuses until the alias moves (p).")
            }
            state.dialog = .confirm(ConfirmDialog(title: "Archive \(model.id) v\(version.number)?", message: message,
                                                  command: .archive(model: model.id, version: version.number, by: by)))
            state.mode = .dialog
        case .compareVersions:
            guard let model = data.selectedModel, let version = data.selectedVersion else { return noVersion(&state) }
            if ui.compare != nil {
                ui.compare = nil
                state.status = StatusMessage("comparison cleared")
            } else {
                pin(&ui, model: model, version: version)
                ui.compare = version.number
                ui.pane = .versions
                state.status = StatusMessage("v\(version.number) marked: select another version to compare (d or Esc clears)")
            }
        default:
            return nil
        }
        return []
    }

    /// The name recorded as `by:` for alias moves and archiving.
    static func operatorName(_ context: ReducerContext) -> String? {
        context.identity?.user ?? context.user
    }

    /// Keeps the selection on the version acted on, so it does not jump
    /// when the decision changes which version is pending.
    private static func pin(_ ui: inout ModelsUIState, model: ModelSummary, version: VersionSummary) {
        ui.model = model.id
        ui.version = version.number
    }

    private static func noVersion(_ state: inout UIState) -> [EngineCommand] {
        state.status = StatusMessage("no version selected: the model has no versions yet", isError: true)
        return []
    }

    static func noIdentity(_ state: inout UIState) -> [EngineCommand] {
        state.status = StatusMessage("cannot tell who you are: no operator identity, so nothing is recorded", isError: true)
        return []
    }

    private static func move(_ ui: inout ModelsUIState, data: ModelsData, to index: Int) {
        func clamp(_ i: Int, _ count: Int) -> Int { max(0, min(i, count - 1)) }
        switch ui.pane {
        case .models:
            guard !data.models.isEmpty else { return }
            let id = data.models[clamp(index, data.models.count)].id
            if id != data.selectedModel?.id { ui.version = nil; ui.compare = nil }
            ui.model = id
        case .versions:
            guard !data.versions.isEmpty else { return }
            ui.version = data.versions[clamp(index, data.versions.count)].number
        }
    }

    /// The keys of the approve/reject and alias dialogs; nil when neither is open.
    static func reduceModelDialog(_ action: Action, state: inout UIState, context: ReducerContext) -> [EngineCommand]? {
        guard state.mode == .dialog, let dialog = state.dialog else { return nil }
        func close() {
            state.dialog = nil
            state.mode = .normal
        }
        switch (action, dialog) {
        case (.dialogSubmit, .decision(var form)):
            let reason = form.trimmedReason
            guard !reason.isEmpty else {
                form.error = "a reason is required: say why you \(form.approve ? "approve" : "reject") v\(form.version)"
                state.dialog = .decision(form)
                return []
            }
            guard let identity = context.identity else {
                close()
                return noIdentity(&state)
            }
            close()
            return form.approve
                ? [.approve(model: form.model, version: form.version, reason: reason, identity: identity, evidence: form.evidence)]
                : [.reject(model: form.model, version: form.version, reason: reason, identity: identity, evidence: form.evidence)]
        case (.dialogKey(let key), .decision(var form)):
            _ = form.reason.handle(key)
            form.error = nil
            state.dialog = .decision(form)
        case (.dialogSubmit, .alias(var form)):
            switch form.target() {
            case .failure(let error):
                form.error = error.message
                form.focus = error.field
                state.dialog = .alias(form)
            case .success(let target):
                guard let by = operatorName(context) else {
                    close()
                    return noIdentity(&state)
                }
                close()
                return [.moveAlias(model: form.model, alias: target.alias, version: target.version, by: by, reason: "set in the control room")]
            }
        case (.dialogNextField, .alias(var form)), (.dialogPreviousField, .alias(var form)):
            form.focus = 1 - form.focus
            state.dialog = .alias(form)
        case (.dialogKey(let key), .alias(var form)):
            if form.focus == 0 { _ = form.alias.handle(key) } else { _ = form.version.handle(key) }
            form.error = nil
            state.dialog = .alias(form)
        default:
            // Cancel, quit and the other dialogs: the general dialog reducer.
            return nil
        }
        return []
    }
}
