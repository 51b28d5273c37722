import Foundation
@testable import Engine

/// A scripted ``ShellLauncher`` for tests: each launched step gets the
/// script registered for its step id (default: exit 0, no output). A
/// script either finishes at once (its events are posted on launch) or is
/// held until the test calls ``finish(_:)``. Deterministic: events come out
/// in the order they were posted.
///
/// `@unchecked Sendable`: every stored property is read and written only
/// while holding `lock`.
final class FakeShellLauncher: ShellLauncher, @unchecked Sendable {
    struct Script {
        var lines: [(LogStream, String)] = []
        var outcome = ShellOutcome(exitCode: 0, realDurationMilliseconds: 5)
        /// When true the process "runs" until ``FakeShellLauncher/finish(_:)``.
        var held = false
    }

    private let lock = NSLock()
    private var scripts: [String: Script] = [:]
    private var inbox: [ShellEvent] = []
    private var running: [AttemptKey] = []
    private var _launched: [ShellRequest] = []
    private var _cancelled: [AttemptKey] = []

    func script(_ step: String, _ script: Script) {
        lock.withLock { scripts[step] = script }
    }

    var launched: [ShellRequest] { lock.withLock { _launched } }
    var cancelled: [AttemptKey] { lock.withLock { _cancelled } }

    func launch(_ request: ShellRequest) {
        lock.withLock {
            _launched.append(request)
            running.append(request.key)
            let script = scripts[request.key.step] ?? Script()
            if !script.held { post(script, for: request.key) }
        }
    }

    /// Posts a held step's script now.
    func finish(_ key: AttemptKey) {
        lock.withLock {
            let script = scripts[key.step] ?? Script()
            post(script, for: key)
        }
    }

    private func post(_ script: Script, for key: AttemptKey) {
        for (offset, line) in script.lines.enumerated() {
            inbox.append(.output(key, line.0, line.1, realOffsetMilliseconds: Int64(offset)))
        }
        inbox.append(.finished(key, script.outcome))
        running.removeAll { $0 == key }
    }

    func cancel(_ key: AttemptKey) {
        lock.withLock {
            _cancelled.append(key)
            guard running.contains(key) else { return }
            running.removeAll { $0 == key }
            inbox.append(.finished(key, ShellOutcome(signal: 15, cancelled: true)))
        }
    }

    func drain() -> [ShellEvent] {
        lock.withLock {
            let events = inbox
            inbox.removeAll()
            return events
        }
    }

    func waitForEvent(milliseconds: Int) -> Bool {
        lock.withLock { !inbox.isEmpty }
    }

    var runningCount: Int { lock.withLock { running.count } }
}

/// An ``ArtifactHasher`` over a fixed table of "files".
final class FakeArtifactHasher: ArtifactHasher, @unchecked Sendable {
    struct Missing: Error {}
    private let lock = NSLock()
    private var files: [String: (String, Int64)] = [:]
    private var _asked: [String] = []

    func add(_ path: String, sha256: String, size: Int64) {
        lock.withLock { files[path] = (sha256, size) }
    }

    var asked: [String] { lock.withLock { _asked } }

    func hash(path: String) throws -> (sha256: String, size: Int64) {
        try lock.withLock {
            _asked.append(path)
            guard let file = files[path] else { throw Missing() }
            return file
        }
    }
}
