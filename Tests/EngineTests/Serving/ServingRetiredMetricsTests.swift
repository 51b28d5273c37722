import XCTest
@testable import Engine

/// A retired version's per-bin figures (latency histograms) are released once
/// no window can reach them; its totals stay.
final class ServingRetiredMetricsTests: XCTestCase {
    func testRetiredVersionsReleaseTheirBinsAndKeepTheirTotals() {
        let simulator = ServingFixtures.simulator(.realTime(RealTimeTraffic(ratePerSecond: 50)), labelDelay: .minutes(2))
        simulator.routing = ServingFixtures.split(50, 50)
        simulator.advance(to: .at(minutes: 5))
        let slot = simulator.core.slot(of: 2)!
        XCTAssertGreaterThan(simulator.core.versions[slot].metrics.heldBins, 20)
        simulator.retire(version: 2)
        simulator.advance(to: .at(minutes: 6))
        let requests = simulator.totals(version: 2).requests
        XCTAssertGreaterThan(requests, 5_000)
        // Days later the ring holds nothing of version 2 any more; its totals
        // (labels included, which arrived 2 minutes late) are complete.
        for hour in 1...48 {
            simulator.advance(to: .at(minutes: Int64(hour) * 60))
            XCTAssertLessThanOrEqual(simulator.core.versions[slot].metrics.heldBins, simulator.core.versions[slot].metrics.bins.count)
        }
        XCTAssertEqual(simulator.core.versions[slot].metrics.heldBins, 0)
        let totals = simulator.totals(version: 2)
        XCTAssertEqual(totals.requests, requests)
        XCTAssertEqual(totals.labelled, totals.requests - totals.errors, "every answered request was labelled before its bin went")
        XCTAssertEqual(simulator.windowMetrics(version: 2, window: .minutes(5)).requests, 0)
        XCTAssertEqual(simulator.core.versions[slot].metrics.bins.count, 2, "the empty ring shrinks")
        // Deployed again, it gets a full ring and its totals go on.
        simulator.deploy(version: 2, scorer: ServingFixtures.scorer(ServingFixtures.weakModel), profile: ServingProfile())
        XCTAssertEqual(simulator.core.versions[slot].metrics.bins.count,
                       simulator.core.versions[slot].metrics.capacity(for: simulator.horizon))
        simulator.routing = ServingFixtures.split(50, 50)
        simulator.advance(to: .at(minutes: 48 * 60 + 5))
        XCTAssertGreaterThan(simulator.windowMetrics(version: 2, window: .minutes(5)).requests, 5_000)
        XCTAssertGreaterThan(simulator.totals(version: 2).requests, requests + 5_000)
    }

    func testReleasingChangesNoWindow() {
        let simulator = ServingFixtures.simulator(.realTime(RealTimeTraffic(ratePerSecond: 50)), labelDelay: .minutes(1))
        simulator.routing = ServingFixtures.split(80, 20)
        simulator.advance(to: .at(seconds: 1_500))
        simulator.retire(version: 2)
        // 29m59s: still in the 20m-30m block, so nothing was released since 20m.
        simulator.advance(to: .at(seconds: 1_799))
        let windows: [SimDuration] = [.seconds(30), .minutes(1), .minutes(5)]
        let before = windows.map { simulator.windowMetrics(version: 2, window: $0) }
        let slot = simulator.core.slot(of: 2)!
        let held = simulator.core.versions[slot].metrics.heldBins
        XCTAssertGreaterThan(held, 0)
        let released = simulator.core.versions[slot].metrics.releaseUnreachable(now: simulator.now)
        XCTAssertGreaterThan(released, 0)
        XCTAssertEqual(simulator.core.versions[slot].metrics.heldBins, held - released)
        XCTAssertEqual(windows.map { simulator.windowMetrics(version: 2, window: $0) }, before)
    }
}
