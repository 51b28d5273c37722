import XCTest
@testable import Engine

/// Both monitoring stores answer the same questions the same way: history
/// newest last with limits, states and stories replaced by key, drift by
/// monitor, feature and time, pruning, and failed writes keeping nothing.
final class MonitoringStoreTests: XCTestCase {
    private typealias F = MonitoringStoreFixtures
    private var temporary: TemporaryDirectory!

    override func setUpWithError() throws {
        temporary = try TemporaryDirectory()
    }

    override func tearDown() {
        temporary.remove()
    }

    /// Runs `body` on an in-memory store and on a SQLite one.
    private func withEachStore(_ body: (any MonitoringStore, String) throws -> Void) throws {
        try body(InMemoryMonitoringStore(), "memory")
        let directory = try StateDirectory(path: temporary.file("state-\(UUID().uuidString)"))
        let runs = try SQLiteRunStore(directory: directory)
        defer { try? runs.close(); directory.close() }
        try body(SQLiteMonitoringStore(sharing: runs), "sqlite")
    }

    func testAlertHistoryIsNewestLastFilteredAndLimited() throws {
        try withEachStore { store, name in
            try store.appendAlertHistory([F.entry("amount-drift", at: 10, .fired), F.entry("latency", at: 20, .fired)])
            // Written later but earlier in time: ordered by time.
            try store.appendAlertHistory([F.entry("amount-drift", at: 5, .resolved, message: "earlier")])
            try store.appendAlertHistory([F.entry("amount-drift", at: 30, .acknowledged, actor: "alice (10.0.0.5)", message: "ack"),
                                          F.entry("amount-drift", at: 30, .silenced, message: "same time, written after")])
            XCTAssertEqual(try store.alertHistory(alert: "amount-drift", limit: 10).map(\.message),
                           ["earlier", "drift.amount 0.23 >= 0.2", "ack", "same time, written after"], name)
            XCTAssertEqual(try store.alertHistory(alert: "amount-drift", limit: 2).map(\.transition), [.acknowledged, .silenced], name)
            XCTAssertEqual(try store.alertHistory(alert: nil, limit: 3).map(\.alert), ["latency", "amount-drift", "amount-drift"], name)
            XCTAssertEqual(try store.alertHistory(alert: nil, limit: 0), [], name)
            XCTAssertEqual(try store.alertHistory(alert: "unknown", limit: 5), [], name)
            XCTAssertEqual(try store.alertHistory(alert: "amount-drift", limit: 10)[2], F.entry("amount-drift", at: 30, .acknowledged,
                                                                                             actor: "alice (10.0.0.5)", message: "ack"), name)
        }
    }

    func testAlertStatesAreOpaqueJSONReplacedPerAlert() throws {
        try withEachStore { store, name in
            let first = F.EvaluatorState(level: "pending", pendingSince: 60_000, lastValue: 0.21)
            try store.saveAlertStates([try PersistedAlertState(alert: "zeta", encoding: first),
                                       try PersistedAlertState(alert: "alpha", encoding: F.EvaluatorState(level: "ok", pendingSince: nil, lastValue: 0))])
            let second = F.EvaluatorState(level: "firing", pendingSince: nil, lastValue: .infinity)
            try store.saveAlertStates([try PersistedAlertState(alert: "zeta", encoding: second)])
            let states = try store.loadAlertStates()
            XCTAssertEqual(states.map(\.alert), ["alpha", "zeta"], name)
            XCTAssertEqual(try states[1].decode(F.EvaluatorState.self), second, name)
            // Any bytes are kept as they are.
            try store.saveAlertStates([PersistedAlertState(alert: "raw", json: Data([0x7b, 0x00, 0xff, 0x7d]))])
            XCTAssertEqual(try store.loadAlertStates().first { $0.alert == "raw" }?.json, Data([0x7b, 0x00, 0xff, 0x7d]), name)
        }
    }

    func testStoriesAreReplacedByIdAndTheNewestComeBackOldestFirst() throws {
        try withEachStore { store, name in
            try store.saveStory(F.story(2, chapters: 1))
            try store.saveStory(F.story(1, chapters: 5, closed: true))
            try store.saveStory(F.story(3, chapters: 2))
            try store.saveStory(F.story(2, chapters: 4))
            XCTAssertEqual(try store.loadStories(limit: 10), [F.story(1, chapters: 5, closed: true), F.story(2, chapters: 4), F.story(3, chapters: 2)], name)
            XCTAssertEqual(try store.loadStories(limit: 2).map(\.id), [2, 3], name)
            XCTAssertEqual(try store.loadStories(limit: 0), [], name)
        }
    }

    func testDriftHistoryByMonitorFeatureAndTimeAndPruning() throws {
        try withEachStore { store, name in
            try store.appendDriftPoints([F.rollup("amount", at: 60, value: 0.05), F.rollup("age", at: 60, value: nil, state: .insufficient),
                                         F.rollup("amount", at: 60, value: 0.9, monitor: "other")])
            try store.appendDriftPoints([F.rollup("amount", at: 120, value: 0.15, state: .warning),
                                         F.rollup("amount", at: 180, value: 0.25, state: .drift)])
            XCTAssertEqual(try store.driftHistory(monitor: "fraud-monitor", feature: "amount", since: nil).map(\.value), [0.05, 0.15, 0.25], name)
            XCTAssertEqual(try store.driftHistory(monitor: "fraud-monitor", feature: nil, since: nil).map(\.feature),
                           ["amount", "age", "amount", "amount"], name)
            XCTAssertEqual(try store.driftHistory(monitor: "fraud-monitor", feature: "amount", since: SimTime(milliseconds: 120_000)).map(\.state),
                           [.warning, .drift], name)
            XCTAssertEqual(try store.driftHistory(monitor: "fraud-monitor", feature: "age", since: nil),
                           [F.rollup("age", at: 60, value: nil, state: .insufficient)], name)
            XCTAssertEqual(try store.pruneDrift(before: SimTime(milliseconds: 120_000)), 3, name)
            XCTAssertEqual(try store.driftHistory(monitor: "fraud-monitor", feature: nil, since: nil).map(\.time.milliseconds),
                           [120_000, 180_000], name)
            XCTAssertEqual(try store.driftHistory(monitor: "other", feature: nil, since: nil), [], name)
            XCTAssertEqual(try store.pruneDrift(before: SimTime(milliseconds: 120_000)), 0, name)
        }
    }

    func testOneWriteKeepsAllItsParts() throws {
        try withEachStore { store, name in
            try store.write(MonitoringWrite(history: [F.entry("amount-drift", at: 10, .fired)],
                                            alertStates: [PersistedAlertState(alert: "amount-drift", json: Data("{}".utf8))],
                                            stories: [F.story(1, chapters: 1)], driftPoints: [F.rollup("amount", at: 10, value: 0.3)]))
            XCTAssertEqual(try store.alertHistory(alert: nil, limit: 5).count, 1, name)
            XCTAssertEqual(try store.loadAlertStates().count, 1, name)
            XCTAssertEqual(try store.loadStories(limit: 5).count, 1, name)
            XCTAssertEqual(try store.driftHistory(monitor: "fraud-monitor", feature: nil, since: nil).count, 1, name)
        }
    }

    func testThePublishedStatusIsReplaced() throws {
        try withEachStore { store, name in
            XCTAssertNil(try store.publishedStatus(), name)
            try store.publish(monitors: [F.monitor("old")], alerts: [], stories: [], at: SimTime(milliseconds: 1_000))
            try store.publish(monitors: [F.monitor("zeta"), F.monitor("alpha")], alerts: [F.alert("b", state: .firing), F.alert("a", state: .ok)],
                              stories: [F.story(1, chapters: 3)], at: SimTime(milliseconds: 2_000))
            let status = try XCTUnwrap(try store.publishedStatus(), name)
            XCTAssertEqual(status, PublishedMonitoringStatus(at: SimTime(milliseconds: 2_000), monitors: [F.monitor("zeta"), F.monitor("alpha")],
                                                             alerts: [F.alert("b", state: .firing), F.alert("a", state: .ok)],
                                                             stories: [F.story(1, chapters: 3)]), name)
        }
    }

    func testFailureSwitchesOfTheInMemoryStoreKeepNothing() throws {
        let store = InMemoryMonitoringStore()
        store.failNextAppend = StoreError(path: "", operation: "write", message: "disk full")
        XCTAssertThrowsError(try store.write(MonitoringWrite(history: [F.entry("a", at: 1, .fired)],
                                                             alertStates: [PersistedAlertState(alert: "a", json: Data())])))
        XCTAssertEqual(try store.alertHistory(alert: nil, limit: 5), [])
        XCTAssertEqual(try store.loadAlertStates(), [])
        // Only the next one failed.
        try store.appendAlertHistory([F.entry("a", at: 1, .fired)])
        XCTAssertEqual(try store.alertHistory(alert: nil, limit: 5).count, 1)

        store.failAppends = StoreError(path: "", operation: "write", message: "disk full")
        XCTAssertThrowsError(try store.saveStory(F.story(1, chapters: 1)))
        XCTAssertThrowsError(try store.appendDriftPoints([F.rollup("amount", at: 1, value: 0.1)]))
        XCTAssertThrowsError(try store.pruneDrift(before: SimTime(milliseconds: 10_000)))
        XCTAssertEqual(try store.loadStories(limit: 5), [])
        XCTAssertEqual(try store.driftHistory(monitor: "fraud-monitor", feature: nil, since: nil), [])
        store.failAppends = nil
        try store.saveStory(F.story(1, chapters: 1))
        XCTAssertEqual(try store.loadStories(limit: 5).count, 1)
    }

    func testARollupFromAFeatureSummary() {
        let summary = F.feature("amount", value: 0.231, state: .drift)
        XCTAssertNil(DriftRollup(monitor: "m", summary: summary, evaluatedAt: nil))
        XCTAssertEqual(DriftRollup(monitor: "m", summary: summary, evaluatedAt: SimTime(milliseconds: 5)),
                       DriftRollup(monitor: "m", feature: "amount", time: SimTime(milliseconds: 5), method: .psi, value: 0.231, state: .drift,
                                   referenceCount: 20_000, currentCount: 4_210))
    }
}
