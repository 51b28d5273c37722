import ControlRoom
import Engine
import Foundation
import SimKernel
import Terminal
import TUICore

/// The interactive run loop: read keys, advance the engine at the chosen
/// speed, redraw. Owns the terminal and always restores it.
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
        /// Publishes the metrics for `--metrics-addr` (nil without it).
        var metrics: MetricsPublisher? = nil
    }

    private let engine: Engine
    private let options: Options
    private let channelPoller: ChannelPoller?

    /// `channelPoller` applies commands other processes submit while this
    /// control room holds the state directory.
    init(engine: Engine, options: Options, channelPoller: ChannelPoller? = nil) {
        self.engine = engine
        self.options = options
        self.channelPoller = channelPoller
    }

    /// Runs until q, a signal or --exit-after; returns the exit status.
    func run() -> Int32 {
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
        let context = RenderContext(palette: Palette(theme: options.theme.reduced(to: depth)), glyphs: terminal.glyphs)
        var state = UIState()
        if let message = options.startupMessage { state.status = StatusMessage(message, isError: true) }
        var pacer = RealTimePacer()
        let frameNanoseconds = UInt64(1_000_000_000 / options.refreshHz)
        let start = MonotonicClock.nanoseconds()
        var lastTick = start
        var nextFrame = start
        var frame = CellBuffer(width: 0, height: 0)
        var needsDraw = true
        var framesDrawn = 0

        while true {
            if let signal = NcursesTerminal.pendingSignal { return 128 + signal }
            let now = MonotonicClock.nanoseconds()
            if let limit = options.exitAfterMilliseconds, now - start >= UInt64(limit) * 1_000_000 { return 0 }
            if let channelPoller, channelPoller.poll(engine) > 0 { needsDraw = true }
            options.metrics?.tick(engine, nowNanoseconds: now)

            if needsDraw || now >= nextFrame {
                let elapsed = now - lastTick
                lastTick = now
                if !engine.isPaused {
                    engine.advance(to: engine.now + pacer.step(elapsedNanoseconds: elapsed, speed: engine.speed))
                }
                let metrics: DeploymentMetricsScope = state.screen == .deployments ? .only(state.deployments.deployment) : .none
                let snapshot = engine.snapshot(recentRunLimit: ControlRoomView.recentRunLimit, deploymentMetrics: metrics)
                let logTail = ControlRoomView.logFocus(snapshot: snapshot, state: state).flatMap {
                    try? engine.logTail(run: $0.run, step: $0.step, limit: 500)
                } ?? []
                let size = terminal.size
                if frame.width != size.width || frame.height != size.height {
                    frame = CellBuffer(width: size.width, height: size.height)
                }
                ControlRoomView.render(snapshot: snapshot, state: state, context: context, into: &frame, logTail: logTail)
                terminal.draw(frame)
                framesDrawn += 1
                if let limit = options.maxFrames, framesDrawn >= limit { return 0 }
                needsDraw = false
                nextFrame = now + frameNanoseconds
            }

            let wait = Int((nextFrame - min(nextFrame, MonotonicClock.nanoseconds())) / 1_000_000)
            guard let key = terminal.readKey(timeoutMilliseconds: max(1, wait)) else { continue }
            if key == .resize {
                terminal.invalidate()
                needsDraw = true
                continue
            }
            let snapshot = engine.snapshot(recentRunLimit: ControlRoomView.recentRunLimit, deploymentMetrics: .none)
            let wasPaused = snapshot.isPaused
            let identity = options.user.map { OperatorIdentity.decisionIdentity(user: $0) }
            let reducerContext = ControlRoomView.reducerContext(snapshot: snapshot, state: state, user: options.user, identity: identity)
            // Below the minimum size only q and Ctrl-C act: other keys would
            // change a screen the user cannot see.
            if isTooSmall(terminal.size) && key != .char("q") && key != .ctrl("c") { continue }
            for command in Reducer.handle(key, state: &state, context: reducerContext) {
                let result = engine.apply(command, origin: OperatorIdentity.origin(.key, user: options.user))
                if command.reportsResult {
                    state.status = StatusMessage(result.message, isError: result.outcome == .rejected)
                }
            }
            // Time spent paused is not fast-forwarded on resume.
            if wasPaused && !engine.isPaused { lastTick = MonotonicClock.nanoseconds() }
            if state.quitRequested { return 0 }
            needsDraw = true
        }
    }
}

private func isTooSmall(_ size: TerminalSize) -> Bool {
    size.width < ControlRoomView.minimumWidth || size.height < ControlRoomView.minimumHeight
}

private extension EngineCommand {
    /// Operator commands whose result the status line shows (pause and
    /// speed show in the header instead).
    var reportsResult: Bool {
        switch self {
        case .pause, .resume, .togglePause, .setSpeed, .faster, .slower: return false
        default: return true
        }
    }
}
