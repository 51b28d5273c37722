import ControlRoom
import Engine
import Foundation

/// A control room attached to the engine another process runs on the same
/// state directory: it draws the snapshot that engine publishes (at most one
/// refresh behind), sends its commands through the command channel and
/// shows each answer when it arrives, and notices when that engine's
/// process ends so the operator can take over.
final class AttachedEngineSource: ControlRoomSource {
    /// How often the publication and the command answers are looked at.
    static let refreshNanoseconds: UInt64 = 100_000_000
    /// How often the heartbeat and the engine's process are checked.
    static let heartbeatNanoseconds: UInt64 = 1_000_000_000

    private let statePath: String
    private let live: LiveSnapshotStore
    private let channel: CommandChannel
    private var history: SQLiteRunStore?
    private let presence: ViewerPresence
    private(set) var enginePID: Int32
    private(set) var engineUser: String
    /// Whether the engine's process has ended.
    private(set) var engineEnded = false
    private var published: PublishedSnapshot?
    private var pending: [(id: Int64, reports: Bool)] = []
    private var notice: StatusMessage?
    private var lastRefresh: UInt64?
    private var lastHeartbeat: UInt64?

    /// Attaches to the engine (`pid`, `user`) holding `statePath`.
    init(statePath: String, enginePID: Int32, engineUser: String, origin: CommandOrigin) throws {
        self.statePath = statePath
        let database = statePath + "/" + StateDirectory.databaseFileName
        live = try LiveSnapshotStore(attachingTo: database)
        channel = CommandChannel(databasePath: database)
        self.enginePID = enginePID
        self.engineUser = engineUser
        let wall = ChannelPoller.wallMilliseconds()
        presence = ViewerPresence(pid: getpid(), user: origin.user, sshClient: origin.sshClient, readOnly: origin.readOnly,
                                  sinceWallMilliseconds: wall, seenWallMilliseconds: wall)
        try live.heartbeat(presence)
        published = try live.latest().flatMap { $0.pid == enginePID ? $0 : nil }
    }

    /// Says goodbye (the engine stops publishing at frame rate for us).
    func close() {
        try? live.leave(pid: presence.pid)
    }

    func tick() {
        lastRefresh = nil
        _ = poll()
    }

    var pollIntervalMilliseconds: Int { Int(Self.refreshNanoseconds / 1_000_000) }

    func poll() -> Bool {
        let now = MonotonicClock.nanoseconds()
        if let lastRefresh, now - lastRefresh < Self.refreshNanoseconds { return false }
        lastRefresh = now
        var changed = false
        if lastHeartbeat.map({ now - $0 >= Self.heartbeatNanoseconds }) ?? true {
            lastHeartbeat = now
            changed = checkEngine() || changed
            var beat = presence
            beat.seenWallMilliseconds = ChannelPoller.wallMilliseconds()
            try? live.heartbeat(beat)
        }
        do {
            if let sequence = try live.latestSequence(), sequence != published?.sequence,
               let latest = try live.latest(), latest.pid == enginePID {
                // (A publication by an engine that has since ended is not shown.)
                published = latest
                changed = true
            }
        } catch {
            notice = StatusMessage("cannot read the running engine's state: \(error)", isError: true)
            changed = true
        }
        return collectAnswers() || changed
    }

    /// Whether the engine still holds the state directory; a new holder
    /// (someone took over) is followed. Returns whether anything changed.
    private func checkEngine() -> Bool {
        guard StateDirectory.isLockHeld(path: statePath) else {
            guard !engineEnded else { return false }
            engineEnded = true
            return true
        }
        guard let holder = StateDirectory.recordedHolder(path: statePath), holder.pid != enginePID else { return false }
        enginePID = holder.pid
        engineUser = holder.user
        engineEnded = false
        published = nil
        notice = StatusMessage("now attached to pid \(holder.pid) (\(holder.user)), which took over the engine")
        return true
    }

    private func collectAnswers() -> Bool {
        guard !pending.isEmpty else { return false }
        var changed = false
        pending.removeAll { entry in
            guard let outcome = try? channel.outcome(id: entry.id), outcome.state != .pending else { return false }
            if entry.reports || outcome.state == .rejected || outcome.state == .invalid {
                notice = StatusMessage(outcome.message, isError: outcome.state == .rejected || outcome.state == .invalid)
            }
            changed = true
            return true
        }
        return changed
    }

    func snapshot(metrics: DeploymentMetricsScope) -> EngineSnapshot? {
        published?.snapshot
    }

    func logTail(run: RunID, step: String) -> [LogLine] {
        if history == nil {
            history = try? SQLiteRunStore(path: statePath + "/" + StateDirectory.databaseFileName, readOnly: true)
        }
        guard let lines = try? history?.logs(run: run, step: step, attempt: nil), let attempt = lines.last?.key.attempt else { return [] }
        return Array(lines.filter { $0.key.attempt == attempt }.suffix(500))
    }

    func perform(_ commands: [EngineCommand], origin: CommandOrigin) -> StatusMessage? {
        guard !commands.isEmpty else { return nil }
        guard !engineEnded else {
            return StatusMessage("the engine has stopped: press T to take over, or q to quit", isError: true)
        }
        for command in commands {
            do {
                let id = try channel.submit(command, origin: origin)
                pending.append((id, command.reportsResult))
            } catch {
                return StatusMessage("could not send the command to the engine: \(error)", isError: true)
            }
        }
        lastRefresh = nil
        return commands.contains(where: \.reportsResult)
            ? StatusMessage("sent to the engine (pid \(enginePID), \(engineUser)); waiting for its answer") : nil
    }

    var banner: SessionBanner? {
        if engineEnded {
            return SessionBanner("the engine (pid \(enginePID), \(engineUser)) has stopped \u{2014} press T to take over", isAlert: true)
        }
        return SessionBanner("attached to pid \(enginePID) (\(engineUser))", isAlert: false)
    }

    func takeNotice() -> StatusMessage? {
        defer { notice = nil }
        return notice
    }
}
