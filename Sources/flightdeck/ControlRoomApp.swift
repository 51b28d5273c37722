import ControlRoom
import Engine
import Foundation
import SimKernel
import Terminal
import TUICore

/// The interactive run loop: read keys, move the source along (advance the
/// engine, or refresh the view of another process's engine), redraw. Owns
/// the terminal and always restores it.
final class ControlRoomApp {
    struct Options {
        var refreshHz: Double
        var exitAfterMilliseconds: Int64?
        var maxFrames: Int?
        var monochrome: Bool
        var theme: Theme
        var startupMessage: String?
        /// The operator's login name, recorded with every command.
        var user: String?
        /// `--read-only`: the origin of every command says so (the engine refuses them).
        var readOnly = false
        /// What the operator may do: the hint bar, help and reducer follow it.
        var rights: OperatorRights = .all
        /// Publishes the metrics for `--metrics-addr` (nil without it).
        var metrics: MetricsPublisher? = nil
    }

    private var source: any ControlRoomSource
    private let options: Options
    /// Opens the engine on the state directory when the attached engine has
    /// stopped and the operator presses T; throws why it could not.
    private let takeOver: (() throws -> any ControlRoomSource)?

    init(source: any ControlRoomSource, options: Options, takeOver: (() throws -> any ControlRoomSource)? = nil) {
        self.source = source
        self.options = options
        self.takeOver = takeOver
    }

    /// Runs until q, a signal or --exit-after, then closes the source;
    /// returns the exit status.
    func run() -> Int32 {
        defer { source.close() }
        let terminal: NcursesTerminal
        do {
            terminal = try NcursesTerminal(forceMonochrome: options.monochrome)
        } catch {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            return 2
        }
        NcursesTerminal.installSignalHandlers()
        defer { terminal.restore() }
        return loop(terminal: terminal)
    }

    private func loop(terminal: NcursesTerminal) -> Int32 {
        let depth = options.monochrome ? ColorDepth.monochrome : terminal.colorDepth
        let context = RenderContext(palette: Palette(theme: options.theme.reduced(to: depth)), glyphs: terminal.glyphs, rights: options.rights)
        var state = UIState()
        if let message = options.startupMessage { state.status = StatusMessage(message, isError: true) }
        if let notice = terminal.fallbackNotice { state.status = StatusMessage(notice, isError: true) }
        let frameNanoseconds = UInt64(1_000_000_000 / options.refreshHz)
        let start = MonotonicClock.nanoseconds()
        var nextFrame = start
        var frame = CellBuffer(width: 0, height: 0)
        var needsDraw = true
        var framesDrawn = 0
        var lastSnapshot: EngineSnapshot?

        while true {
            if let signal = NcursesTerminal.pendingSignal { return 128 + signal }
            let now = MonotonicClock.nanoseconds()
            if let limit = options.exitAfterMilliseconds, now - start >= UInt64(limit) * 1_000_000 { return 0 }
            if let metrics = options.metrics {
                metrics.tick(nowNanoseconds: now) { [source] in source.snapshot(metrics: .all) }
            }

            if needsDraw || now >= nextFrame {
                source.tick()
                if let notice = source.takeNotice() { state.status = notice }
                state.session = source.banner
                let metrics: DeploymentMetricsScope = state.screen == .deployments ? .only(state.deployments.deployment) : .none
                let size = terminal.size
                if frame.width != size.width || frame.height != size.height {
                    frame = CellBuffer(width: size.width, height: size.height)
                }
                if let snapshot = source.snapshot(metrics: metrics) {
                    lastSnapshot = snapshot
                    let logTail = ControlRoomView.logFocus(snapshot: snapshot, state: state).map { source.logTail(run: $0.run, step: $0.step) } ?? []
                    ControlRoomView.render(snapshot: snapshot, state: state, context: context, into: &frame, logTail: logTail)
                } else {
                    WaitingView.render(state: state, context: context, into: &frame)
                }
                terminal.draw(frame)
                framesDrawn += 1
                if let limit = options.maxFrames, framesDrawn >= limit { return 0 }
                needsDraw = false
                nextFrame = now + frameNanoseconds
            } else if source.poll() {
                // Commands from other processes, a new publication or an
                // answer to a sent command: redraw now.
                needsDraw = true
                continue
            }

            let wait = Int((nextFrame - min(nextFrame, MonotonicClock.nanoseconds())) / 1_000_000)
            guard var key = terminal.readKey(timeoutMilliseconds: max(1, min(wait, source.pollIntervalMilliseconds))) else { continue }
            needsDraw = true
            // Keys typed faster than frames are drawn (a reason typed under
            // load, a paste) are all handled before the next frame.
            for _ in 0..<Self.keysPerFrame {
                if let code = handle(key, state: &state, terminal: terminal, snapshot: lastSnapshot) { return code }
                guard let next = terminal.readKey(timeoutMilliseconds: 0) else { break }
                key = next
            }
        }
    }

    /// The most keys handled between two frames.
    private static let keysPerFrame = 64

    /// Handles one key; returns the exit status when it ends the session.
    private func handle(_ key: KeyEvent, state: inout UIState, terminal: NcursesTerminal, snapshot lastSnapshot: EngineSnapshot?) -> Int32? {
        if key == .resize {
            terminal.invalidate()
            return nil
        }
        if key == .char("T"), state.session?.isAlert == true, let takeOver, state.mode == .normal {
            if let refusal = options.rights.refusal(for: .control) {
                state.status = StatusMessage("cannot take over the engine: \(refusal)", isError: true)
                return nil
            }
            do {
                let attached = source
                source = try takeOver()
                attached.close()
                state.status = StatusMessage("took over the engine: resumed from the state directory")
            } catch {
                state.status = StatusMessage("could not take over: \(error)", isError: true)
            }
            return nil
        }
        // Below the minimum size only q and Ctrl-C act: other keys would
        // change a screen the user cannot see.
        if isTooSmall(terminal.size) && key != .char("q") && key != .ctrl("c") { return nil }
        guard let snapshot = lastSnapshot ?? source.snapshot(metrics: .none) else {
            return key == .char("q") || key == .ctrl("c") ? 0 : nil
        }
        let identity = options.user.map { OperatorIdentity.decisionIdentity(user: $0) }
        let reducerContext = ControlRoomView.reducerContext(snapshot: snapshot, state: state, user: options.user, identity: identity,
                                                            rights: options.rights)
        let commands = Reducer.handle(key, state: &state, context: reducerContext)
        let origin = OperatorIdentity.origin(.key, user: options.user, readOnly: options.readOnly)
        if let status = source.perform(commands, origin: origin) { state.status = status }
        return state.quitRequested ? 0 : nil
    }
}

private func isTooSmall(_ size: TerminalSize) -> Bool {
    size.width < ControlRoomView.minimumWidth || size.height < ControlRoomView.minimumHeight
}
