import XCTest
@testable import Engine

/// A simulator keeps slots only for versions in play: retired versions'
/// slots are released once nothing can read them through a window, their
/// totals and latency survive, and nothing a reader sees changes.
final class ServingSlotReleaseTests: XCTestCase {
    /// What a run leaves: every version's totals and latency, the live
    /// requests, the stable version's window, and the slots held after
    /// each candidate.
    struct Outcome: Equatable {
        var versions: [Int]
        var totals: [VersionTotals]
        var latency: [MetricHistogram]
        var trace: [ServedRequest]
        var window: VersionWindowMetrics
        var edge: EdgeFleetStatus?
        var slotsAfterEachCandidate: [Int]
        var redeployedBefore: VersionTotals
        var redeployedAfter: VersionTotals
    }

    /// v1 serves; v2 is retired at once; candidates v3...v(2 + count) each
    /// get a fifth of the traffic for an hour, are retired and left 7 hours
    /// (past the 6-hour longest window plus the label delay); then v3 is
    /// deployed again for an hour.
    func run(_ mode: ServingMode, candidates count: Int, keep: Bool) -> Outcome {
        let simulator = ServingFixtures.simulator(mode, labelDelay: .minutes(5))
        simulator.keepsSpentSlots = keep
        simulator.core.trace = []
        simulator.routing = .single(1, replicas: 2)
        simulator.retire(version: 2)
        var time = SimTime.zero
        var slots: [Int] = []
        for version in 3..<(3 + count) {
            let model = version.isMultiple(of: 2) ? ServingFixtures.goodModel : ServingFixtures.weakModel
            simulator.deploy(version: version, scorer: ServingFixtures.scorer(model),
                             profile: ServingProfile(medianLatencyMs: Double(10 + version), p99LatencyMs: 80, errorRate: 0.01))
            simulator.routing = RoutingTable(live: [VersionWeight(version: 1, percent: 80), VersionWeight(version: version, percent: 20)],
                                             split: .user)
            time = time + .hours(1)
            simulator.advance(to: time)
            simulator.retire(version: version)
            time = time + .hours(7)
            simulator.advance(to: time)
            slots.append(simulator.versionSlotCount)
        }
        let before = simulator.totals(version: 3)
        simulator.deploy(version: 3, scorer: ServingFixtures.scorer(ServingFixtures.weakModel),
                         profile: ServingProfile(medianLatencyMs: 13, p99LatencyMs: 80, errorRate: 0.01))
        simulator.routing = RoutingTable(live: [VersionWeight(version: 1, percent: 50), VersionWeight(version: 3, percent: 50)], split: .user)
        simulator.advance(to: time + .hours(1))
        return Outcome(versions: simulator.versions, totals: simulator.versions.map(simulator.totals(version:)),
                       latency: simulator.versions.map(simulator.cumulativeLatency(version:)), trace: simulator.core.trace ?? [],
                       window: simulator.windowMetrics(version: 1, window: .hours(1)), edge: simulator.edgeStatus,
                       slotsAfterEachCandidate: slots, redeployedBefore: before, redeployedAfter: simulator.totals(version: 3))
    }

    func testSlotsStayBoundedWhileCandidatesComeAndGo() {
        let released = run(.realTime(RealTimeTraffic(ratePerSecond: 1)), candidates: 10, keep: false)
        XCTAssertEqual(released.slotsAfterEachCandidate, Array(repeating: 1, count: 10), "only v1 keeps a slot between candidates")
        XCTAssertEqual(released.versions, Array(1...12), "every version served is still listed")
        let kept = run(.realTime(RealTimeTraffic(ratePerSecond: 1)), candidates: 10, keep: true)
        XCTAssertEqual(kept.slotsAfterEachCandidate, Array(3...12), "without releasing, slots grow with every version")
    }

    func testReleasingChangesNoResult() {
        let mode = ServingMode.realTime(RealTimeTraffic(ratePerSecond: 1))
        let released = run(mode, candidates: 6, keep: false)
        let kept = run(mode, candidates: 6, keep: true)
        XCTAssertGreaterThan(released.trace.count, 150_000)
        XCTAssertEqual(released.totals, kept.totals)
        XCTAssertEqual(released.latency, kept.latency)
        XCTAssertEqual(released.window, kept.window)
        XCTAssertEqual(released.trace == kept.trace, true, "the same requests with the same outcomes")
        XCTAssertGreaterThan(released.totals[2].requests, 0)
        // Deploying a released version again continues its totals.
        XCTAssertGreaterThan(released.redeployedBefore.requests, 0)
        XCTAssertGreaterThan(released.redeployedAfter.requests, released.redeployedBefore.requests)
        XCTAssertEqual(released.redeployedAfter, kept.redeployedAfter)
    }

    func testEdgeDevicesKeepTheirVersionsAcrossReleases() {
        let mode = ServingMode.edge(EdgeFleet(devices: 200, onlineShare: 0.9, syncEvery: .minutes(10), requestsPerSecond: 0.005))
        let released = run(mode, candidates: 5, keep: false)
        let kept = run(mode, candidates: 5, keep: true)
        XCTAssertEqual(released.slotsAfterEachCandidate, Array(repeating: 1, count: 5))
        XCTAssertGreaterThan(released.trace.count, 10_000)
        XCTAssertEqual(released.edge, kept.edge)
        XCTAssertEqual(released.totals, kept.totals)
        XCTAssertEqual(released.latency, kept.latency)
        XCTAssertEqual(released.trace == kept.trace, true, "the same requests with the same outcomes")
    }

    func testARetiredVersionKeepsItsSlotWhileAWindowCanStillReadIt() {
        let simulator = ServingFixtures.simulator(.realTime(RealTimeTraffic(ratePerSecond: 10)))
        simulator.routing = ServingFixtures.split(50, 50)
        simulator.advance(to: .at(minutes: 10))
        _ = simulator.windowMetrics(version: 1, window: .hours(6))  // the ring now keeps 6 hours
        simulator.retire(version: 2)
        simulator.advance(to: .at(minutes: 10) + .hours(5))
        XCTAssertEqual(simulator.versionSlotCount, 2, "6 hours have not passed since v2's last request")
        XCTAssertGreaterThan(simulator.windowMetrics(version: 2, window: .hours(6)).requests, 0)
        simulator.advance(to: .at(minutes: 10) + .hours(7))
        XCTAssertEqual(simulator.versionSlotCount, 1)
        XCTAssertEqual(simulator.windowMetrics(version: 2, window: .hours(6)).requests, 0)
        XCTAssertGreaterThan(simulator.totals(version: 2).requests, 0)
    }
}
