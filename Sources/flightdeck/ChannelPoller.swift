import Engine
import Foundation

/// Keeps the other processes on a state directory in touch with the engine
/// holding it: at most every ``intervalNanoseconds`` of wall time it applies
/// what they submitted through the command channel (`flightdeck trigger`
/// while the control room runs, an attached operator's keys); while an
/// operator is attached (or a CLI reader such as `flightdeck metrics`,
/// `alerts` or `rollout status` asks, the same way) it publishes the whole
/// snapshot at every poll, so they are at most one refresh behind. Nobody
/// watching, nothing is encoded or written for them, except the
/// deployments' and monitors' status after applied commands and every
/// ``publishIntervalNanoseconds``: what a reader falls back on when the
/// engine does not answer in time (busy in a long step, or the reader may
/// not write the heartbeat). Publishing that status every second cost a
/// fifth of the control room's CPU (JSON encoding of every deployment's
/// figures).
final class ChannelPoller {
    /// How often the channel is read: well within the second the CLI waits.
    static let intervalNanoseconds: UInt64 = 200_000_000
    /// How often the status is published when no command asks for it.
    static let publishIntervalNanoseconds: UInt64 = 30_000_000_000
    /// A heartbeat older than this no longer counts as watching.
    static let viewerTimeoutMilliseconds: Int64 = 3_000

    let channel: CommandChannel
    private let live: LiveSnapshotStore?
    private let pid = getpid()
    private let user = OperatorIdentity.loginName()
    private var lastPoll: UInt64?
    private var lastStatusPublish: UInt64?
    /// Operators attached at the last look, oldest first.
    private(set) var viewers: [ViewerPresence] = []
    /// Why the last publication failed (nil after a success).
    private(set) var publishError: String?

    init(channel: CommandChannel, live: LiveSnapshotStore?) {
        self.channel = channel
        self.live = live
    }

    /// Applies the pending commands when due (or with `force`) and publishes
    /// what is due; returns how many commands were handled.
    func poll(_ engine: Engine, force: Bool = false) -> Int {
        let now = MonotonicClock.nanoseconds()
        if !force, let lastPoll, now - lastPoll < Self.intervalNanoseconds { return 0 }
        lastPoll = now
        let handled = engine.applyPendingChannelCommands(from: channel)
        let wall = Self.wallMilliseconds()
        if let live {
            viewers = (try? live.viewers(seenSince: wall - Self.viewerTimeoutMilliseconds)) ?? []
        }
        if handled > 0 || lastStatusPublish.map({ now - $0 >= Self.publishIntervalNanoseconds }) ?? true {
            lastStatusPublish = now
            engine.publishServingStatus()
            engine.publishMonitoringStatus()
        }
        if !viewers.isEmpty { publishSnapshot(engine, wall: wall) }
        return handled
    }

    private func publishSnapshot(_ engine: Engine, wall: Int64) {
        guard let live else { return }
        let snapshot = engine.snapshot(recentEventLimit: 200, recentRunLimit: 60, deploymentMetrics: .all)
        do {
            try live.publish(snapshot, pid: pid, user: user, wallMilliseconds: wall)
            publishError = nil
        } catch {
            publishError = "could not publish the live view for attached operators: \(error)"
        }
    }

    /// The wall clock in milliseconds since 1970 (for freshness only).
    static func wallMilliseconds() -> Int64 {
        Int64((Date().timeIntervalSince1970 * 1000).rounded())
    }
}
