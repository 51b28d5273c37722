import XCTest
@testable import Engine

/// Same seed, same traffic; metrics memory does not grow with simulated time.
final class ServingDeterminismTests: XCTestCase {
    func run(seed: UInt64) -> [VersionWindowMetrics] {
        let simulator = ServingFixtures.simulator(.realTime(RealTimeTraffic(ratePerSecond: 300, dailyAmplitude: 0.5)), seed: seed,
                                                  labelDelay: .seconds(30))
        simulator.routing = RoutingTable(live: [VersionWeight(version: 1, percent: 70), VersionWeight(version: 2, percent: 30)],
                                         mirror: MirrorRoute(version: 2, percent: 20))
        simulator.advance(to: .at(seconds: 90))
        simulator.advance(to: SimTime(milliseconds: 95_500))
        simulator.advance(to: .at(seconds: 180))
        return [simulator.windowMetrics(version: 1, window: .minutes(2)), simulator.windowMetrics(version: 2, window: .minutes(2))]
    }

    func testSameSeedGivesTheSameMetrics() {
        XCTAssertEqual(run(seed: 5), run(seed: 5))
        XCTAssertNotEqual(run(seed: 5), run(seed: 6))
    }

    func testDeploymentsDoNotShareStreams() {
        let a = ServingFixtures.simulator(id: "a"), b = ServingFixtures.simulator(id: "b")
        for simulator in [a, b] {
            simulator.routing = RoutingTable.single(1, replicas: 2)
            simulator.advance(to: .at(seconds: 5))
        }
        XCTAssertNotEqual(a.totals(version: 1), b.totals(version: 1))
    }

    func testMetricsMemoryIsFixedOverSimulatedTime() {
        let simulator = ServingFixtures.simulator(.realTime(RealTimeTraffic(ratePerSecond: 5)), labelDelay: .minutes(2))
        simulator.routing = RoutingTable.single(1, replicas: 2)
        _ = simulator.windowMetrics(version: 1, window: .minutes(5))
        let bins = simulator.metricsBinsPerVersion
        // 10 min horizon + 2 min delay in 10 s bins, plus 2.
        XCTAssertEqual(bins, 74)
        simulator.advance(to: SimTime(sinceEpoch: .hours(8)))
        XCTAssertEqual(simulator.metricsBinsPerVersion, bins)
        let window = simulator.windowMetrics(version: 1, window: .minutes(5))
        XCTAssertEqual(Double(window.requests), 5 * 300, accuracy: 200)
        // A longer window grows the ring once, up to 6 h.
        _ = simulator.windowMetrics(version: 1, window: .hours(24))
        XCTAssertEqual(simulator.metricsBinsPerVersion, 6 * 360 + 12 + 2)
        simulator.advance(to: SimTime(sinceEpoch: .hours(9)))
        XCTAssertEqual(simulator.metricsBinsPerVersion, 6 * 360 + 12 + 2)
    }

    func testStreamingQueueMemoryIsBounded() {
        var queue = StreamQueue()
        for second in 0..<20_000 { queue.append(StreamQueue.Chunk(arrival: Double(second * 1000), count: 3)) }
        XCTAssertLessThanOrEqual(queue.chunks.count - queue.head, StreamQueue.maximumChunks)
        XCTAssertEqual(queue.backlog, 60_000)
        let taken = queue.take(60_000)
        XCTAssertEqual(taken.reduce(0) { $0 + $1.count }, 60_000)
        XCTAssertEqual(queue.backlog, 0)
    }
}
