import Engine
import TUICore

/// The pure heart of the control room: key -> action -> new UI state plus the
/// engine commands to apply, returned as data so tests can assert them.
public enum Reducer {
    /// Handles one key in the current mode.
    public static func handle(_ key: KeyEvent, state: inout UIState, keyMap: KeyMap = .standard, context: ReducerContext) -> [EngineCommand] {
        guard let action = keyMap.action(for: key, in: state.mode, on: state.screen) else { return [] }
        return reduce(action, state: &state, context: context)
    }

    /// Handles one key on a screen with a single list of `rowCount` rows.
    public static func handle(_ key: KeyEvent, state: inout UIState, keyMap: KeyMap = .standard, rowCount: Int = 0) -> [EngineCommand] {
        handle(key, state: &state, keyMap: keyMap, context: ReducerContext(rowCount: rowCount))
    }

    /// Applies `action` on a screen with a single list of `rowCount` rows.
    public static func reduce(_ action: Action, state: inout UIState, rowCount: Int = 0) -> [EngineCommand] {
        reduce(action, state: &state, context: ReducerContext(rowCount: rowCount))
    }

    /// Applies `action` given what the current screen shows.
    public static func reduce(_ action: Action, state: inout UIState, context: ReducerContext) -> [EngineCommand] {
        if let refusal = context.rights.refusal(for: action) {
            state.status = StatusMessage(refusal, isError: true)
            return []
        }
        if state.screen == .pipelines, let data = context.pipelines,
           let commands = reducePipelines(action, state: &state, data: data, user: context.user) {
            return commands
        }
        if state.screen == .models, let data = context.models,
           let commands = reduceModels(action, state: &state, data: data, context: context) {
            return commands
        }
        if state.screen == .deployments, let data = context.deployments,
           let commands = reduceDeployments(action, state: &state, data: data, context: context) {
            return commands
        }
        if state.screen == .events, let data = context.events,
           let commands = reduceEvents(action, state: &state, data: data, context: context) {
            return commands
        }
        if state.screen == .monitors, let data = context.monitors,
           let commands = reduceMonitors(action, state: &state, data: data) {
            return commands
        }
        if let commands = reduceAlertDialog(action, state: &state, context: context) {
            return commands
        }
        if let commands = reduceModelDialog(action, state: &state, context: context) {
            return commands
        }
        if let commands = reduceRolloutDialog(action, state: &state, context: context) {
            return commands
        }
        if let commands = reduceDialog(action, state: &state, user: context.user) {
            return commands
        }
        let rowCount = context.rowCount
        switch action {
        case .showScreen(let screen):
            state.screen = screen
            state.mode = .normal
        case .nextScreen:
            state.screen = state.screen.next
        case .previousScreen:
            state.screen = state.screen.previous
        case .cycleMonitors(let delta):
            // Without the Monitors screen's lists Tab keeps its general meaning.
            state.screen = delta > 0 ? state.screen.next : state.screen.previous
        case .openHelp:
            state.mode = .help
            state.helpOffset = 0
        case .closeOverlay:
            switch state.mode {
            case .filter, .normal:
                state.filters[state.screen] = nil
                state.filterLine = TextField()
            case .command:
                state.commandLine = TextField()
                state.completions = []
            case .help, .dialog:
                break
            }
            state.dialog = nil
            state.mode = .normal
        case .openCommandLine:
            state.mode = .command
            state.commandLine = TextField()
            state.completions = []
            state.status = nil
        case .openFilter:
            state.mode = .filter
            state.filterLine = TextField(text: state.filter(for: state.screen))
            state.status = nil
        case .togglePause:
            return [.togglePause]
        case .faster:
            return [.faster]
        case .slower:
            return [.slower]
        case .moveSelection(let delta):
            let current = state.selection(for: state.screen)
            state.selections[state.screen] = clamp(current + delta, rowCount: rowCount)
        case .selectFirst:
            state.selections[state.screen] = 0
        case .selectLast:
            state.selections[state.screen] = max(0, rowCount - 1)
        case .quit:
            state.quitRequested = true
        case .scrollHelp(let delta):
            state.helpOffset = max(0, state.helpOffset + delta)
        case .editText(let key):
            return editText(key, state: &state)
        case .completeCommand:
            complete(&state)
        case .submitText:
            return submit(&state, context: context)
        case .drillIn, .drillOut, .triggerRun, .rerunFromFailure, .cancelRun, .clearStep, .markStep, .toggleFollowLog,
             .approveVersion, .rejectVersion, .moveAlias, .archiveVersion, .compareVersions,
             .promoteRollout, .promoteRolloutFully, .abortRollout, .toggleRolloutPause, .setRolloutWeight, .retryRollout,
             .moveArmSelection, .pinArm, .freezeArm, .releaseArm, .acknowledgeAlert, .silenceAlert, .openSubject, .toggleAuditLog,
             .moveMonitorSelection, .openMonitorDeployment,
             .dialogSubmit, .dialogCancel, .dialogNextField, .dialogPreviousField, .dialogKey:
            // Handled above when their screen or dialog is showing.
            break
        }
        return []
    }

    private static func clamp(_ index: Int, rowCount: Int) -> Int {
        max(0, min(index, rowCount - 1))
    }

    private static func editText(_ key: KeyEvent, state: inout UIState) -> [EngineCommand] {
        switch state.mode {
        case .command:
            // Backspace on an empty line leaves command mode, as in vi.
            if key == .backspace && state.commandLine.text.isEmpty {
                state.mode = .normal
                return []
            }
            _ = state.commandLine.handle(key)
            state.completions = []
        case .filter:
            if key == .backspace && state.filterLine.text.isEmpty {
                state.mode = .normal
                return []
            }
            _ = state.filterLine.handle(key)
            // The filter applies while typing.
            let text = state.filterLine.text
            state.filters[state.screen] = text.isEmpty ? nil : text
            state.selections[state.screen] = 0
        case .normal, .help, .dialog:
            break
        }
        return []
    }

    private static func complete(_ state: inout UIState) {
        let candidates = CommandLineParser.completions(for: state.commandLine.text)
        switch candidates.count {
        case 0:
            state.completions = []
            state.status = StatusMessage("no command starts with '\(state.commandLine.text)'", isError: true)
        case 1:
            state.commandLine = TextField(text: candidates[0] + " ")
            state.completions = []
        default:
            state.commandLine = TextField(text: CommandLineParser.commonPrefix(candidates))
            state.completions = candidates
        }
    }

    private static func submit(_ state: inout UIState, context: ReducerContext) -> [EngineCommand] {
        switch state.mode {
        case .filter:
            state.mode = .normal
            return []
        case .command:
            let text = state.commandLine.text
            state.mode = .normal
            state.commandLine = TextField()
            state.completions = []
            switch CommandLineParser.parse(text) {
            case .success(.action(let action)):
                state.status = nil
                return reduce(action, state: &state, context: context)
            case .success(.engine(let command)):
                if let refusal = context.rights.refusal(for: command.requiredRight) {
                    state.status = StatusMessage(refusal, isError: true)
                    return []
                }
                state.status = nil
                return [command]
            case .failure(let error):
                state.status = StatusMessage(error.description, isError: true)
                return []
            }
        case .normal, .help, .dialog:
            return []
        }
    }
}
