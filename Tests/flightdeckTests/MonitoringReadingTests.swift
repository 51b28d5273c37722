import ArgumentParser
import Engine
import Foundation
import XCTest
@testable import flightdeck

/// What `alerts` and `drift` read: nothing (and nothing created) without
/// state, the persisted tables with no engine running, the published
/// status while an engine holds the state directory; and their JSON.
final class MonitoringReadingTests: XCTestCase {
    private typealias F = MonitoringCLIFixtures
    private var root: String!

    override func setUpWithError() throws {
        root = try F.temporaryDirectory()
    }

    override func tearDown() {
        try? FileManager.default.removeItem(atPath: root)
    }

    func testWithoutStateNothingIsCreated() throws {
        let workspace = try F.workspace(statePath: root + "/state")
        let sawNoStore = try workspace.withMonitoringView { view -> Bool in
            if case .stopped(store: nil) = view { return true }
            return false
        }
        XCTAssertTrue(sawNoStore)
        XCTAssertFalse(FileManager.default.fileExists(atPath: root + "/state"))
    }

    func testWithNoEngineRunningThePersistedHistoryIsRead() throws {
        let workspace = try F.workspace(statePath: root + "/state")
        do {
            let directory = try StateDirectory(path: workspace.statePath)
            let runs = try SQLiteRunStore(directory: directory)
            try SQLiteMonitoringStore(sharing: runs).appendAlertHistory([F.entry("amount-drift", at: 380, .fired)])
            try runs.close()
            directory.close()
        }
        let history = try workspace.withMonitoringView { view -> [AlertHistoryEntry] in
            guard case .stopped(let store?) = view else { XCTFail("expected the stopped view with a store"); return [] }
            return try store.alertHistory(alert: nil, limit: 10)
        }
        XCTAssertEqual(history, [F.entry("amount-drift", at: 380, .fired)])
        // The lock was given back.
        XCTAssertNoThrow(try StateDirectory(path: workspace.statePath).close())
    }

    func testWhileAnEngineHoldsTheDirectoryThePublishedStatusIsRead() throws {
        let workspace = try F.workspace(statePath: root + "/state")
        let directory = try StateDirectory(path: workspace.statePath)
        let runs = try SQLiteRunStore(directory: directory)
        defer { try? runs.close(); directory.close() }
        let engineSide = SQLiteMonitoringStore(sharing: runs)
        // Held but nothing published yet: status 2 and a message.
        XCTAssertThrowsError(try workspace.withMonitoringView { _ in }) { error in
            XCTAssertEqual(error as? ExitCode, ExitCode(2))
        }
        try engineSide.publish(monitors: [F.monitor()], alerts: [F.alert("amount-drift", .firing)], stories: [], at: F.time(600))
        let status = try workspace.withMonitoringView { view -> PublishedMonitoringStatus? in
            guard case .live(let status, _) = view else { return nil }
            return status
        }
        XCTAssertEqual(status?.at, F.time(600))
        XCTAssertEqual(status?.alerts.map(\.id), ["amount-drift"])
        XCTAssertEqual(status?.monitors, [F.monitor()])
    }

    func testTheJSONDecodesBack() throws {
        let alerts = AlertsJSON(time: "d0 00:10:00", live: true, alerts: [F.alert("amount-drift", .firing)],
                                history: [F.entry("amount-drift", at: 380, .fired)])
        let alertsText = try JSONOutput.encode(alerts)
        XCTAssertEqual(try JSONDecoder().decode(AlertsJSON.self, from: Data(alertsText.utf8)), alerts)
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(alertsText.utf8)) as? [String: Any])
        XCTAssertEqual(object.keys.sorted(), ["alerts", "history", "live", "time"])

        let drift = DriftStatusJSON(time: nil, live: false, monitors: [],
                                    persisted: [DriftRollup(monitor: "m", feature: "amount", time: F.time(60), method: .psi, value: 0.2,
                                                            state: .drift, referenceCount: 10, currentCount: 5)])
        let driftText = try JSONOutput.encode(drift)
        XCTAssertEqual(try JSONDecoder().decode(DriftStatusJSON.self, from: Data(driftText.utf8)), drift)
        let driftObject = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(driftText.utf8)) as? [String: Any])
        XCTAssertEqual(driftObject.keys.sorted(), ["live", "monitors", "persisted"], "no time without a running engine")
        let live = DriftStatusJSON(time: "d0 00:10:00", live: true, monitors: [F.monitor()], persisted: [])
        XCTAssertEqual(try JSONDecoder().decode(DriftStatusJSON.self, from: Data(try JSONOutput.encode(live).utf8)), live)
    }
}
