import XCTest
@testable import Engine

/// A mirror (shadow) scores copies of live requests and never changes the live answers.
final class ServingMirrorTests: XCTestCase {
    func testLiveOutcomesAreIdenticalWithAndWithoutAMirror() {
        let plain = ServingFixtures.simulator(seed: 11)
        plain.routing = RoutingTable.single(1, replicas: 2)
        let shadowed = ServingFixtures.simulator(seed: 11)
        shadowed.routing = RoutingTable(live: [VersionWeight(version: 1, percent: 100)], mirror: MirrorRoute(version: 2, percent: 50))
        plain.core.trace = []
        shadowed.core.trace = []
        plain.advance(to: .at(seconds: 30))
        shadowed.advance(to: .at(seconds: 30))
        XCTAssertGreaterThan(plain.core.trace!.count, 20_000)
        XCTAssertEqual(plain.core.trace!, shadowed.core.trace!)
        XCTAssertEqual(plain.totals(version: 1), shadowed.totals(version: 1))
        XCTAssertEqual(plain.windowMetrics(version: 1, window: .minutes(1)), shadowed.windowMetrics(version: 1, window: .minutes(1)))

        let live = shadowed.totals(version: 1)
        let mirror = shadowed.windowMetrics(version: 2, window: .minutes(1))
        XCTAssertEqual(mirror.requests, 0, "mirrored copies are not live requests")
        XCTAssertEqual(Double(mirror.mirrored) / Double(live.requests), 0.5, accuracy: 0.02)
        XCTAssertGreaterThan(mirror.compared, mirror.mirrored * 9 / 10)
        // The weak model disagrees with the good one on a fair share of requests.
        let agreement = try? XCTUnwrap(mirror.agreement)
        XCTAssertLessThan(agreement ?? 1, 0.97)
        XCTAssertGreaterThan(agreement ?? 0, 0.5)
        // Latency of the mirror is its own (median 40 ms, not the stable 20 ms).
        XCTAssertEqual(mirror.p50LatencyMs ?? 0, 40, accuracy: 2)
        XCTAssertEqual(shadowed.windowMetrics(version: 1, window: .minutes(1)).p50LatencyMs ?? 0, 20, accuracy: 1)
    }
}
