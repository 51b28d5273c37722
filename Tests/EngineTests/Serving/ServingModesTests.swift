import XCTest
@testable import Engine

/// Streaming lag, batch jobs and edge fleets.
final class ServingModesTests: XCTestCase {
    func testStreamingLagGrowsWhenArrivalsExceedConsumptionAndDrainsOtherwise() throws {
        // 200 events/s arrive; 2 replicas x 50/s consume 100/s.
        let simulator = ServingFixtures.simulator(.streaming(StreamingTraffic(ratePerSecond: 200, consumerPerSecond: 50)))
        simulator.routing = RoutingTable.single(1, replicas: 2)
        simulator.advance(to: .at(seconds: 30))
        let early = try XCTUnwrap(simulator.streamingStatus)
        simulator.advance(to: .at(seconds: 60))
        let late = try XCTUnwrap(simulator.streamingStatus)
        XCTAssertEqual(Double(late.backlog), 6000, accuracy: 400)
        XCTAssertGreaterThan(late.backlog, early.backlog)
        XCTAssertGreaterThan(late.lag, early.lag)
        XCTAssertGreaterThan(late.lag, .seconds(25))
        XCTAssertEqual(simulator.totals(version: 1).requests, 6000)
        // Latency includes the wait in the queue.
        XCTAssertGreaterThan(simulator.windowMetrics(version: 1, window: .seconds(20)).p50LatencyMs ?? 0, 20_000)
        XCTAssertTrue(simulator.modeStatus.hasPrefix("lag 6,"), simulator.modeStatus)

        // 6 replicas consume 300/s: the backlog drains in about a minute.
        simulator.routing = RoutingTable.single(1, replicas: 6)
        simulator.advance(to: .at(seconds: 150))
        let drained = try XCTUnwrap(simulator.streamingStatus)
        XCTAssertLessThan(drained.backlog, 300)
        XCTAssertLessThan(drained.lag, .seconds(2))
        XCTAssertEqual(drained.consumptionPerSecond, 300)
    }

    func testBatchJobSizeDurationAndSchedule() throws {
        // 10,000 rows at 1,000 rows/s per replica on 2 replicas (one per version): 5 s, hourly.
        let simulator = ServingFixtures.simulator(.batch(BatchTraffic(every: .hours(1), rows: 10_000, rowsPerSecond: 1000)))
        var routing = ServingFixtures.split(80, 20)
        routing.replicas = [VersionReplicas(version: 1, count: 1), VersionReplicas(version: 2, count: 1)]
        simulator.routing = routing
        simulator.advance(to: .at(seconds: 3))
        let running = try XCTUnwrap(simulator.batchStatus?.running)
        XCTAssertEqual(running.scored, 6000)
        XCTAssertTrue(simulator.modeStatus.hasPrefix("job 6,000/10,000 rows"), simulator.modeStatus)
        simulator.advance(to: .at(minutes: 30))
        let status = try XCTUnwrap(simulator.batchStatus)
        let last = try XCTUnwrap(status.last)
        XCTAssertNil(status.running)
        XCTAssertEqual(last.rows, 10_000)
        XCTAssertEqual(last.scored, 10_000)
        XCTAssertEqual(last.duration, .seconds(5))
        XCTAssertEqual(status.nextJobAt, .at(minutes: 60))
        XCTAssertEqual(simulator.totals(version: 1).requests + simulator.totals(version: 2).requests, 10_000)
        XCTAssertEqual(simulator.modeStatus, "next job d0 01:00:00; last 10,000 rows in 5s" + (last.errors > 0 ? ", \(last.errors) failed" : ""))
        simulator.advance(to: .at(minutes: 61))
        XCTAssertEqual(simulator.totals(version: 1).requests + simulator.totals(version: 2).requests, 20_000)
        XCTAssertEqual(simulator.batchStatus?.last?.start, .at(minutes: 60))
    }

    func testEdgeOfflineDevicesLagBehindARoutingChange() throws {
        let fleet = EdgeFleet(devices: 500, onlineShare: 0.8, syncEvery: .minutes(10), requestsPerSecond: 0.1)
        let simulator = ServingFixtures.simulator(.edge(fleet))
        simulator.routing = RoutingTable.single(1, replicas: 2)
        XCTAssertEqual(simulator.edgeStatus?.devices(on: 1), 500, "provisioned at once")
        simulator.advance(to: .at(minutes: 10))
        simulator.routing = RoutingTable.single(2, replicas: 2)
        simulator.advance(to: .at(minutes: 15))
        let half = try XCTUnwrap(simulator.edgeStatus)
        // About half the devices synced, 80% of them online.
        XCTAssertEqual(Double(half.devices(on: 2)), 500 * 0.5 * 0.8, accuracy: 40)
        simulator.advance(to: .at(minutes: 20))
        let once = try XCTUnwrap(simulator.edgeStatus)
        XCTAssertEqual(Double(once.devices(on: 2)), 400, accuracy: 30)
        XCTAssertEqual(once.devices(on: 1) + once.devices(on: 2), 500)
        XCTAssertEqual(Double(once.offline), 100, accuracy: 30)
        XCTAssertEqual(simulator.modeStatus, "\(once.devices(on: 2))/500 devices on v2, \(once.offline) offline")
        XCTAssertEqual(simulator.liveShares.last?.percent ?? 0, Double(once.devices(on: 2)) / 5, accuracy: 1e-9)
        // Devices still on v1 keep serving with it.
        let before = simulator.totals(version: 1).requests
        simulator.advance(to: .at(minutes: 21))
        XCTAssertGreaterThan(simulator.totals(version: 1).requests, before)
        // After six more rounds all but a handful have pulled v2.
        simulator.advance(to: .at(minutes: 80))
        XCTAssertGreaterThanOrEqual(simulator.edgeStatus?.devices(on: 2) ?? 0, 497)
    }
}
