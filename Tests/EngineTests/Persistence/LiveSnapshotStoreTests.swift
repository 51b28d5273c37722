import XCTest
@testable import Engine

/// The live view: the engine publishes its snapshot into `state.db`, an
/// attached operator reads it back whole and says it is watching.
final class LiveSnapshotStoreTests: XCTestCase {
    private var temporary: TemporaryDirectory!

    override func setUpWithError() throws {
        temporary = try TemporaryDirectory()
    }

    override func tearDown() {
        temporary?.remove()
    }

    func testAPublishedDemoSnapshotReadsBackEqualAndSequencesGrow() throws {
        let directory = try StateDirectory(path: temporary.file("state"))
        defer { directory.close() }
        let store = try SQLiteRunStore(directory: directory)
        defer { try? store.close() }
        let spec = try ProjectLoader.embeddedDemo(builtins: BuiltinRegistry.standard.names).get()
        let engine = try Engine(configuration: EngineConfiguration(projectName: spec.name, seed: spec.seed), project: spec,
                                workingDirectory: temporary.file("work"))
        engine.advance(to: .zero + .hours(3))
        let snapshot = engine.snapshot()
        XCTAssertFalse(snapshot.deployments.isEmpty)
        XCTAssertFalse(snapshot.monitors.isEmpty)

        let publisher = LiveSnapshotStore(sharing: store)
        let reader = try LiveSnapshotStore(readingDatabaseAt: directory.databasePath)
        XCTAssertNil(try reader.latest())
        XCTAssertEqual(try publisher.publish(snapshot, pid: 4242, user: "alice", wallMilliseconds: 1_000), 1)
        let published = try XCTUnwrap(reader.latest())
        XCTAssertEqual(published.snapshot, snapshot, "every part survives the round trip")
        XCTAssertEqual([published.sequence, Int64(published.pid), published.publishedWallMilliseconds], [1, 4242, 1_000])
        XCTAssertEqual(published.user, "alice")
        XCTAssertEqual(try publisher.publish(snapshot, pid: 4242, user: "alice", wallMilliseconds: 1_250), 2)
        XCTAssertEqual(try reader.latestSequence(), 2)
    }

    func testViewersAreSeenUntilTheyLeaveOrGoQuiet() throws {
        let directory = try StateDirectory(path: temporary.file("state"))
        defer { directory.close() }
        let store = try SQLiteRunStore(directory: directory)
        defer { try? store.close() }
        let engineSide = LiveSnapshotStore(sharing: store)
        let bob = try LiveSnapshotStore(attachingTo: directory.databasePath)
        try bob.heartbeat(ViewerPresence(pid: 7, user: "bob", sshClient: "10.0.0.9", readOnly: true, sinceWallMilliseconds: 100, seenWallMilliseconds: 100))
        try bob.heartbeat(ViewerPresence(pid: 8, user: "carol", sshClient: nil, readOnly: false, sinceWallMilliseconds: 50, seenWallMilliseconds: 3_000))
        try bob.heartbeat(ViewerPresence(pid: 7, user: "bob", sshClient: "10.0.0.9", readOnly: true, sinceWallMilliseconds: 999, seenWallMilliseconds: 2_900))
        XCTAssertEqual(try engineSide.viewers(seenSince: 0).map(\.user), ["carol", "bob"], "oldest attachment first")
        XCTAssertEqual(try engineSide.viewers(seenSince: 0).last?.sinceWallMilliseconds, 100, "a heartbeat keeps the attach time")
        XCTAssertEqual(try engineSide.viewers(seenSince: 2_950).map(\.user), ["carol"])
        try bob.leave(pid: 8)
        XCTAssertEqual(try engineSide.viewers(seenSince: 0).map(\.pid), [7])
    }
}
