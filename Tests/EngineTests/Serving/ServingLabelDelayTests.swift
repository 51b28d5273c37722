import XCTest
@testable import Engine

/// Accuracy counts only requests whose labels have arrived.
final class ServingLabelDelayTests: XCTestCase {
    func testNoAccuracyBeforeTheDelayHasPassed() {
        let simulator = ServingFixtures.simulator(.realTime(RealTimeTraffic(ratePerSecond: 50)), labelDelay: .minutes(5))
        simulator.routing = RoutingTable.single(1, replicas: 2)
        simulator.advance(to: .at(minutes: 4))
        var window = simulator.windowMetrics(version: 1, window: .minutes(10))
        XCTAssertGreaterThan(window.requests, 10_000)
        XCTAssertEqual(window.labelled, 0)
        XCTAssertNil(window.accuracy)
        XCTAssertEqual(simulator.totals(version: 1).labelled, 0)

        // At 5m20s the bins that ended by 0m20s are labelled: the first 20 s.
        simulator.advance(to: .at(seconds: 320))
        window = simulator.windowMetrics(version: 1, window: .minutes(10))
        let first20s = simulator.totals(version: 1).labelled
        XCTAssertEqual(window.labelled, first20s)
        XCTAssertEqual(Double(first20s), 1000 * 0.999, accuracy: 150)
        XCTAssertGreaterThan(window.accuracy ?? 0, 0.6)
    }

    func testWithoutDelayEveryClosedBinIsLabelled() {
        let simulator = ServingFixtures.simulator(.realTime(RealTimeTraffic(ratePerSecond: 50)))
        simulator.routing = RoutingTable.single(1, replicas: 2)
        simulator.advance(to: .at(seconds: 60))
        let totals = simulator.totals(version: 1)
        XCTAssertEqual(totals.labelled, totals.requests - totals.errors)
        let window = simulator.windowMetrics(version: 1, window: .seconds(30))
        XCTAssertLessThan(window.labelled, totals.labelled)
        XCTAssertEqual(Double(window.labelled), 1500, accuracy: 200)
    }
}
