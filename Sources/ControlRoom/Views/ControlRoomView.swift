import Engine
import TUICore

/// Draws the whole control room from the engine snapshot and the UI state.
/// Pure: no I/O, the same inputs give the same buffer.
public enum ControlRoomView {
    /// The smallest terminal the full layout is drawn in.
    public static let minimumWidth = 80
    public static let minimumHeight = 24
    /// How many recent runs the screens ask the engine for (the run lists
    /// show the newest of them).
    public static let recentRunLimit = 60

    public static func render(
        snapshot: EngineSnapshot,
        state: UIState,
        context: RenderContext,
        width: Int,
        height: Int,
        logTail: [LogLine] = [],
        keyMap: KeyMap = .standard
    ) -> CellBuffer {
        var buffer = CellBuffer(width: width, height: height, fill: Cell(" ", style: context.palette.base))
        render(snapshot: snapshot, state: state, context: context, into: &buffer, logTail: logTail, keyMap: keyMap)
        return buffer
    }

    /// Draws into an existing buffer (cleared first), so the run loop can
    /// reuse one allocation per frame.
    public static func render(
        snapshot: EngineSnapshot,
        state: UIState,
        context: RenderContext,
        into buffer: inout CellBuffer,
        logTail: [LogLine] = [],
        keyMap: KeyMap = .standard
    ) {
        buffer.clear(Cell(" ", style: context.palette.base))
        let area = buffer.bounds
        guard area.width >= minimumWidth, area.height >= minimumHeight else {
            TooSmallView.render(width: area.width, height: area.height, context: context, into: &buffer)
            return
        }
        let rows = area.split(.vertical, [.length(1), .length(1), .fill(), .length(1), .length(1)])
        HeaderView.render(snapshot: snapshot, screen: state.screen, context: context, area: rows[0], into: &buffer)
        TabBarView.render(active: state.screen, context: context, area: rows[1], into: &buffer)
        let body = rows[2]
        switch state.screen {
        case .events:
            EventsView.render(snapshot: snapshot, state: state, context: context, area: body, into: &buffer)
        case .pipelines:
            PipelinesView.render(snapshot: snapshot, state: state, logTail: logTail, context: context, area: body, into: &buffer)
        case .overview:
            OverviewView.render(snapshot: snapshot, context: context, area: body, into: &buffer)
        case .models:
            ModelsView.render(snapshot: snapshot, state: state, context: context, area: body, into: &buffer)
        case .deployments:
            DeploymentsView.render(snapshot: snapshot, state: state, context: context, area: body, into: &buffer)
        case .monitors:
            MonitorsView.render(snapshot: snapshot, state: state, context: context, area: body, into: &buffer)
        }
        StatusLineView.render(state: state, writeError: snapshot.writeError, context: context, area: rows[3], into: &buffer)
        let keyMap = keyMap.allowing(context.rights)
        KeyHintBar(
            hints: keyMap.hints(for: state.mode, on: state.screen).map { hint in
                let parts = hint.hint!.split(separator: " ", maxSplits: 1).map(String.init)
                return KeyHint(key: parts[0], label: parts.count > 1 ? parts[1] : "")
            },
            keyStyle: context.palette.hintKey,
            labelStyle: context.palette.hintLabel,
            glyphs: context.glyphs
        ).render(into: &buffer, area: rows[4])
        if state.mode == .help {
            HelpOverlay.render(state: state, keyMap: keyMap, context: context, area: body, into: &buffer)
        }
        if state.mode == .dialog, let dialog = state.dialog {
            DialogView.render(dialog, context: context, area: body, into: &buffer)
        }
    }

    /// What the reducer needs to know about the current screen.
    /// `identity` is who approves or rejects (taken by the run loop when
    /// the key is handled).
    /// `rights` are the operator's (refused actions send nothing).
    public static func reducerContext(snapshot: EngineSnapshot, state: UIState, user: String?, identity: DecisionIdentity? = nil,
                                      rights: OperatorRights = .all) -> ReducerContext {
        var context = screenContext(snapshot: snapshot, state: state, user: user, identity: identity)
        context.rights = rights
        return context
    }

    private static func screenContext(snapshot: EngineSnapshot, state: UIState, user: String?, identity: DecisionIdentity?) -> ReducerContext {
        switch state.screen {
        case .events:
            let data = EventsData(snapshot: snapshot, selection: state.selection(for: .events), filter: state.filter(for: .events),
                                  showAudit: state.eventsShowAudit)
            return ReducerContext(rowCount: data.rowCount, user: user, identity: identity, events: data)
        case .pipelines:
            return ReducerContext(pipelines: PipelinesData(snapshot: snapshot, state: state.pipelines, filter: state.filter(for: .pipelines)), user: user, identity: identity)
        case .models:
            return ReducerContext(user: user, models: ModelsData(snapshot: snapshot, state: state.models, filter: state.filter(for: .models)), identity: identity)
        case .deployments:
            return ReducerContext(user: user, identity: identity,
                                  deployments: DeploymentsData(snapshot: snapshot, state: state.deployments, filter: state.filter(for: .deployments)))
        case .monitors:
            return ReducerContext(user: user, identity: identity,
                                  monitors: MonitorsData(snapshot: snapshot, state: state.monitors, filter: state.filter(for: .monitors)))
        case .overview:
            return ReducerContext(user: user, identity: identity)
        }
    }

    /// The run and step whose log the Pipelines screen shows, if any.
    public static func logFocus(snapshot: EngineSnapshot, state: UIState) -> (run: RunID, step: String)? {
        guard state.screen == .pipelines else { return nil }
        let data = PipelinesData(snapshot: snapshot, state: state.pipelines, filter: state.filter(for: .pipelines))
        guard let run = data.selectedRun, let step = data.selectedStep else { return nil }
        return (run.id, step.id)
    }
}
