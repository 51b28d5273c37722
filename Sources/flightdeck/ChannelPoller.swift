import Engine

/// Looks into the command channel of the state directory an engine holds,
/// at most every ``intervalNanoseconds`` of wall time, and applies what other
/// processes submitted (`flightdeck trigger` while the control room runs);
/// about once a second it also publishes the deployments' status for them
/// (`flightdeck rollout status`).
final class ChannelPoller {
    /// How often the channel is read: well within the second the CLI waits.
    static let intervalNanoseconds: UInt64 = 200_000_000
    /// How often the deployments' status is published.
    static let publishIntervalNanoseconds: UInt64 = 1_000_000_000
    private var lastPublish: UInt64?

    let channel: CommandChannel
    private var lastPoll: UInt64?

    init(channel: CommandChannel) {
        self.channel = channel
    }

    /// Applies the pending commands when due (or with `force`); returns how
    /// many were handled.
    func poll(_ engine: Engine, force: Bool = false) -> Int {
        let now = MonotonicClock.nanoseconds()
        if !force, let lastPoll, now - lastPoll < Self.intervalNanoseconds { return 0 }
        lastPoll = now
        let handled = engine.applyPendingChannelCommands(from: channel)
        if handled > 0 || lastPublish.map({ now - $0 >= Self.publishIntervalNanoseconds }) ?? true {
            lastPublish = now
            engine.publishServingStatus()
            engine.publishMonitoringStatus()
        }
        return handled
    }
}
