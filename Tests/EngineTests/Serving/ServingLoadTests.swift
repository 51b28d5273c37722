import XCTest
@testable import Engine

/// Over capacity, latency and errors rise.
final class ServingLoadTests: XCTestCase {
    func testQueueingModel() {
        XCTAssertEqual(ReplicaLoad(requestsPerSecond: 0, replicas: 2, capacityPerSecond: 100), .idle)
        let light = ReplicaLoad(requestsPerSecond: 20, replicas: 2, capacityPerSecond: 100)
        let busy = ReplicaLoad(requestsPerSecond: 180, replicas: 2, capacityPerSecond: 100)
        let over = ReplicaLoad(requestsPerSecond: 400, replicas: 2, capacityPerSecond: 100)
        XCTAssertLessThan(light.waitMs, 0.5)
        XCTAssertGreaterThan(busy.waitMs, light.waitMs)
        XCTAssertGreaterThan(over.waitMs, busy.waitMs)
        XCTAssertEqual(light.shedShare, 0)
        XCTAssertEqual(busy.shedShare, 0)
        XCTAssertEqual(over.shedShare, 1 - 0.99 / 2, accuracy: 1e-12)
        XCTAssertEqual(ReplicaLoad(requestsPerSecond: 5, replicas: 0, capacityPerSecond: 100).shedShare, 1)
    }

    func testOverCapacityLatencyAndErrorsRise() {
        func measure(rate: Double) -> VersionWindowMetrics {
            let simulator = ServingFixtures.simulator(.realTime(RealTimeTraffic(ratePerSecond: rate)),
                                                      replicas: ReplicaSpec(count: 2, capacityPerSecond: 100))
            simulator.routing = RoutingTable.single(1, replicas: 2)
            simulator.advance(to: .at(seconds: 120))
            return simulator.windowMetrics(version: 1, window: .minutes(2))
        }
        let normal = measure(rate: 50)
        let overloaded = measure(rate: 400)
        XCTAssertLessThan(normal.errorRate ?? 1, 0.01)
        XCTAssertGreaterThan(overloaded.errorRate ?? 0, 0.4)
        XCTAssertEqual(normal.p50LatencyMs ?? 0, 20, accuracy: 1.5)
        XCTAssertGreaterThan(overloaded.p50LatencyMs ?? 0, 200)
        XCTAssertGreaterThan(overloaded.p99LatencyMs ?? 0, normal.p99LatencyMs ?? .infinity)
    }

    func testLatencyPercentilesFollowTheProfile() {
        let simulator = ServingFixtures.simulator()
        simulator.routing = RoutingTable.single(1, replicas: 2)
        simulator.advance(to: .at(seconds: 60))
        let window = simulator.windowMetrics(version: 1, window: .minutes(1))
        XCTAssertEqual(window.p50LatencyMs ?? 0, 20, accuracy: 0.5)
        XCTAssertEqual(window.p99LatencyMs ?? 0, 60, accuracy: 2)
        XCTAssertEqual(window.errorRate ?? 1, 0.001, accuracy: 0.0005)
    }

    func testDownFailsEveryRequest() {
        let simulator = ServingFixtures.simulator()
        simulator.routing = RoutingTable(live: [VersionWeight(version: 1, percent: 100)], down: true)
        simulator.advance(to: .at(seconds: 5))
        let totals = simulator.totals(version: 1)
        XCTAssertGreaterThan(totals.requests, 0)
        XCTAssertEqual(totals.errors, totals.requests)
        XCTAssertTrue(simulator.modeStatus.hasSuffix("DOWN"), simulator.modeStatus)
    }

    func testReplicaHoursFollowTheReplicasOverTime() {
        let simulator = ServingFixtures.simulator(.realTime(RealTimeTraffic(ratePerSecond: 1)))
        simulator.routing = RoutingTable(live: [VersionWeight(version: 1, percent: 100)],
                                         replicas: [VersionReplicas(version: 1, count: 3), VersionReplicas(version: 2, count: 1)])
        simulator.advance(to: .at(minutes: 60))
        simulator.routing = RoutingTable(live: [VersionWeight(version: 1, percent: 100)])
        simulator.advance(to: .at(minutes: 90))
        XCTAssertEqual(simulator.totals(version: 1).replicaHours, 3 + 2 * 0.5, accuracy: 1e-9)
        XCTAssertEqual(simulator.totals(version: 2).replicaHours, 1, accuracy: 1e-9)
    }
}
