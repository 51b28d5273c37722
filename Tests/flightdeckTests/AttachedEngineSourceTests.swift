import Engine
import Foundation
import XCTest
@testable import flightdeck

/// A control room attached to an engine another process holds: here the
/// engine runs in the test process (the lock names this pid), and the
/// attached side talks to it only through state.db, as across processes.
final class AttachedEngineSourceTests: XCTestCase {
    private var root: String!

    override func setUpWithError() throws {
        root = try MonitoringCLIFixtures.temporaryDirectory()
    }

    override func tearDown() {
        try? FileManager.default.removeItem(atPath: root)
    }

    private func project() -> Workspace {
        var spec = ProjectSpec(name: "attach", pipelines: [
            PipelineSpec(id: "nightly", steps: [StepSpec(id: "load", action: .simulate(duration: .fixed(.hours(2)), failureProbability: 0))]),
        ])
        spec.directory = root
        return Workspace(spec: spec, projectFile: nil, statePath: root + "/state")
    }

    func testTheViewShowsThePublishedStateAndCommandsComeBackWithTheEnginesAnswer() throws {
        let workspace = project()
        let opened = try workspace.openEngine(persist: true)
        defer { opened.shutdown() }
        let origin = CommandOrigin(user: "bob", sshClient: "10.0.0.5", source: .channel)
        let attached = try AttachedEngineSource(statePath: workspace.statePath, enginePID: getpid(), engineUser: "alice", origin: origin)
        defer { attached.close() }
        XCTAssertNil(attached.snapshot(metrics: .none), "nothing published yet")
        XCTAssertEqual(attached.banner?.text, "attached to pid \(getpid()) (alice)")
        XCTAssertEqual(attached.banner?.isAlert, false)

        opened.engine.advance(to: .zero + .minutes(5))
        opened.pollChannel(force: true)
        XCTAssertEqual(opened.channelPoller?.viewers.map(\.user), ["bob"], "the engine sees who watches")
        attached.tick()
        XCTAssertEqual(attached.snapshot(metrics: .none)?.now, .zero + .minutes(5))

        let status = attached.perform([.trigger(pipeline: "nightly", params: [], by: "bob")], origin: origin)
        XCTAssertEqual(status?.text, "sent to the engine (pid \(getpid()), alice); waiting for its answer")
        opened.pollChannel(force: true)
        attached.tick()
        let answer = try XCTUnwrap(attached.takeNotice())
        XCTAssertFalse(answer.isError)
        XCTAssertTrue(answer.text.hasPrefix("triggered nightly run 1"), answer.text)
        XCTAssertEqual(attached.snapshot(metrics: .none)?.runs.map(\.pipeline), ["nightly"], "the next publication shows the run")
        XCTAssertEqual(opened.engine.recentAudit.elements.last?.user, "bob")
        XCTAssertEqual(opened.engine.recentAudit.elements.last?.source, .channel)
    }

    func testWhenTheEnginesProcessEndsTheViewSaysSoAndRefusesCommands() throws {
        let workspace = project()
        do {
            let opened = try workspace.openEngine(persist: true)
            opened.shutdown()
        }
        let ended = Process()
        ended.executableURL = URL(fileURLWithPath: "/bin/true")
        try ended.run()
        ended.waitUntilExit()
        let attached = try AttachedEngineSource(statePath: workspace.statePath, enginePID: ended.processIdentifier, engineUser: "alice",
                                                origin: CommandOrigin(user: "bob", source: .channel))
        defer { attached.close() }
        attached.tick()
        XCTAssertEqual(attached.banner?.isAlert, true)
        XCTAssertEqual(attached.banner?.text, "the engine (pid \(ended.processIdentifier), alice) has stopped \u{2014} press T to take over")
        let refusal = attached.perform([.pause], origin: CommandOrigin(user: "bob", source: .channel))
        XCTAssertEqual(refusal?.isError, true)
        XCTAssertEqual(try CommandChannel(databasePath: workspace.statePath + "/state.db").pendingCommands(), [], "nothing was queued")
    }

    func testACLIReaderGetsAFreshPublicationFromTheRunningEngine() throws {
        let workspace = project()
        let opened = try workspace.openEngine(persist: true)
        defer { opened.shutdown() }
        opened.engine.advance(to: .zero + .minutes(7))
        XCTAssertNil(try LiveSnapshotStore(readingDatabaseAt: workspace.statePath + "/state.db").latest(), "nobody watched: nothing published")
        // The reader waits on its own thread while the engine's loop polls.
        let result = ReaderResult()
        let reader = Thread { [workspace] in result.set(Result { try workspace.liveSnapshot() }) }
        reader.start()
        for _ in 0..<150 where result.get() == nil {
            opened.pollChannel(force: true)
            usleep(20_000)
        }
        let published = try XCTUnwrap(try XCTUnwrap(result.get()).get())
        XCTAssertEqual(published.pid, getpid())
        XCTAssertEqual(published.snapshot.now, .zero + .minutes(7))
    }
}

/// The reader thread's answer, handed to the test's thread.
private final class ReaderResult: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Result<PublishedSnapshot?, any Error>?

    func set(_ result: Result<PublishedSnapshot?, any Error>) {
        lock.withLock { value = result }
    }

    func get() -> Result<PublishedSnapshot?, any Error>? {
        lock.withLock { value }
    }
}
