import Engine
import TUICore

extension Reducer {
    /// Actions of an open dialog; nil when no dialog is open or the action
    /// is not a dialog's.
    static func reduceDialog(_ action: Action, state: inout UIState, user: String?) -> [EngineCommand]? {
        guard state.mode == .dialog, let dialog = state.dialog else { return nil }
        func close() {
            state.dialog = nil
            state.mode = .normal
        }
        switch (action, dialog) {
        case (.dialogCancel, _):
            close()
            state.status = StatusMessage("cancelled")
        case (.dialogSubmit, .confirm(let confirm)):
            close()
            return [confirm.command]
        case (.dialogKey(.char(let c)), .confirm(let confirm)) where c == "y" || c == "Y":
            close()
            return [confirm.command]
        case (.dialogKey(.char(let c)), .confirm) where c == "n" || c == "N":
            close()
            state.status = StatusMessage("cancelled")
        case (.dialogKey(.char(let c)), .markStep(let run, let step)) where c == "s" || c == "f":
            close()
            return [.markStep(run, step: step, succeeded: c == "s", by: user)]
        case (.dialogSubmit, .trigger(var form)):
            switch form.bindings() {
            case .success(let params):
                close()
                return [.trigger(pipeline: form.pipeline, params: params, by: user)]
            case .failure(let error):
                form.error = error.message
                form.focus = form.fields.firstIndex { $0.name == error.field } ?? form.focus
                state.dialog = .trigger(form)
            }
        case (.dialogNextField, .trigger(var form)):
            if !form.fields.isEmpty { form.focus = (form.focus + 1) % form.fields.count }
            state.dialog = .trigger(form)
        case (.dialogPreviousField, .trigger(var form)):
            if !form.fields.isEmpty { form.focus = (form.focus + form.fields.count - 1) % form.fields.count }
            state.dialog = .trigger(form)
        case (.dialogKey(let key), .trigger(var form)):
            guard form.fields.indices.contains(form.focus) else { return [] }
            _ = form.fields[form.focus].input.handle(key)
            form.error = nil
            state.dialog = .trigger(form)
        case (.quit, _):
            return nil
        default:
            // Keys that mean nothing in this dialog are ignored.
            break
        }
        return []
    }
}
