import Engine
import Foundation

extension Workspace {
    /// The running engine's state, for a CLI reader: announces itself as a
    /// watcher (the engine then publishes at its next poll, within 200 ms),
    /// waits up to `timeoutMilliseconds` for a publication made after the
    /// request by the engine holding the lock, and leaves. Nil when no
    /// engine holds the state directory or none answered in time.
    func liveSnapshot(timeoutMilliseconds: Int = 3_000) throws -> PublishedSnapshot? {
        guard StateDirectory.isLockHeld(path: statePath), let holder = StateDirectory.recordedHolder(path: statePath) else { return nil }
        let database = statePath + "/" + StateDirectory.databaseFileName
        guard FileManager.default.fileExists(atPath: database) else { return nil }
        let live = try LiveSnapshotStore(attachingTo: database)
        let asked = ChannelPoller.wallMilliseconds()
        let me = ViewerPresence(pid: getpid(), user: OperatorIdentity.loginName(), sshClient: OperatorIdentity.sshClient(),
                                readOnly: true, sinceWallMilliseconds: asked, seenWallMilliseconds: asked)
        try live.heartbeat(me)
        defer { try? live.leave(pid: me.pid) }
        for _ in 0..<max(1, timeoutMilliseconds / 50) {
            if let published = try live.latest(), published.pid == holder.pid, published.publishedWallMilliseconds >= asked {
                return published
            }
            usleep(50_000)
        }
        return nil
    }
}
