import XCTest
@testable import Engine

/// The latency histogram since deployment (for the metrics export) keeps
/// every answered request, also after its 10-second bins left the ring.
final class ServingCumulativeLatencyTests: XCTestCase {
    func testCountsEveryAnsweredRequestBeyondTheRing() {
        let simulator = ServingFixtures.simulator(.realTime(RealTimeTraffic(ratePerSecond: 50)))
        simulator.routing = RoutingTable.single(1, replicas: 2)
        simulator.advance(to: .at(minutes: 40))  // the ring holds about 12 minutes of bins
        let totals = simulator.totals(version: 1)
        let latency = simulator.cumulativeLatency(version: 1)
        XCTAssertEqual(latency.count, totals.requests - totals.errors)
        XCTAssertGreaterThan(latency.count, 100_000)
        // Profile: median 20 ms, p99 60 ms: about half at or below 25 ms, nearly all by 100 ms.
        let cumulative = latency.cumulativeCounts
        let at25ms = Double(cumulative[MetricHistogram.latencyBoundsSeconds.firstIndex(of: 0.025)!]) / Double(latency.count)
        let at100ms = Double(cumulative[MetricHistogram.latencyBoundsSeconds.firstIndex(of: 0.1)!]) / Double(latency.count)
        XCTAssertEqual(at25ms, 0.6, accuracy: 0.15)
        XCTAssertGreaterThan(at100ms, 0.99)
        XCTAssertEqual(latency.sum / Double(latency.count), 0.022, accuracy: 0.006)
        // Nothing for a version never deployed; nothing routed to v2.
        XCTAssertEqual(simulator.cumulativeLatency(version: 9).count, 0)
        XCTAssertEqual(simulator.cumulativeLatency(version: 2).count, 0)
    }

    func testGrowsWithTimeAndMatchesTheSnapshotField() {
        let simulator = ServingFixtures.simulator(.realTime(RealTimeTraffic(ratePerSecond: 50)))
        simulator.routing = ServingFixtures.split(50, 50)
        simulator.advance(to: .at(seconds: 15))
        let early = simulator.cumulativeLatency(version: 2).count
        simulator.advance(to: .at(seconds: 95))
        let later = simulator.cumulativeLatency(version: 2)
        let totals = simulator.totals(version: 2)
        XCTAssertGreaterThan(later.count, early)
        XCTAssertEqual(later.count, totals.requests - totals.errors)
    }
}
