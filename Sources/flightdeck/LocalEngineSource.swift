import ControlRoom
import Engine
import Foundation

/// The engine this process runs: advanced by real time at its speed, with
/// the command channel applied and the live snapshot published for
/// attached operators.
final class LocalEngineSource: ControlRoomSource {
    let opened: OpenEngine
    private var engine: Engine { opened.engine }
    private var pacer = RealTimePacer()
    private var lastTick = MonotonicClock.nanoseconds()
    private var shownPublishError: String?
    private var notice: StatusMessage?
    private var writeRetry = WriteRetry()

    init(opened: OpenEngine) {
        self.opened = opened
    }

    func tick() {
        _ = poll()
        let now = MonotonicClock.nanoseconds()
        let elapsed = now - lastTick
        lastTick = now
        if !engine.isPaused {
            engine.advance(to: engine.now + pacer.step(elapsedNanoseconds: elapsed, speed: engine.speed))
        }
    }

    /// The command channel is read every 200 ms at most.
    var pollIntervalMilliseconds: Int { Int(ChannelPoller.intervalNanoseconds / 1_000_000) }

    func poll() -> Bool {
        var handled = opened.pollChannel() > 0
        // While a store write fails (a full disk), try the kept changes
        // again about once a second.
        if writeRetry.retryIfDue(engine) { handled = true }
        let error = opened.channelPoller?.publishError
        if error != shownPublishError {
            shownPublishError = error
            if let error { notice = StatusMessage(error, isError: true) }
        }
        return handled
    }

    func snapshot(metrics: DeploymentMetricsScope) -> EngineSnapshot? {
        engine.snapshot(recentRunLimit: ControlRoomView.recentRunLimit, deploymentMetrics: metrics)
    }

    func logTail(run: RunID, step: String) -> [LogLine] {
        (try? engine.logTail(run: run, step: step, limit: 500)) ?? []
    }

    func perform(_ commands: [EngineCommand], origin: CommandOrigin) -> StatusMessage? {
        var status: StatusMessage?
        for command in commands {
            let wasPaused = engine.isPaused
            let result = engine.apply(command, origin: origin)
            if command.reportsResult {
                status = StatusMessage(result.message, isError: result.outcome == .rejected)
            }
            // Time spent paused is not fast-forwarded on resume.
            if wasPaused && !engine.isPaused { lastTick = MonotonicClock.nanoseconds() }
        }
        return status
    }

    var banner: SessionBanner? {
        let viewers = opened.channelPoller?.viewers ?? []
        guard !viewers.isEmpty else { return nil }
        let names = viewers.map { $0.user + ($0.readOnly ? " (read-only)" : "") }
        return SessionBanner("\(viewers.count) attached: \(names.joined(separator: ", "))", isAlert: false)
    }

    func close() {
        opened.shutdown()
    }

    func takeNotice() -> StatusMessage? {
        defer { notice = nil }
        return notice
    }
}
