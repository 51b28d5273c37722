import XCTest
@testable import Engine

/// Live shares follow the weights; a user split keeps each user on one version.
final class ServingRoutingTests: XCTestCase {
    func testRequestSplitSharesMatchTheWeights() {
        let simulator = ServingFixtures.simulator()
        simulator.routing = ServingFixtures.split(90, 10)
        simulator.advance(to: .at(seconds: 100))
        let stable = simulator.totals(version: 1).requests, candidate = simulator.totals(version: 2).requests
        XCTAssertGreaterThan(stable + candidate, 95_000)
        XCTAssertEqual(Double(candidate) / Double(stable + candidate) * 100, 10, accuracy: 0.5)
    }

    func testUserSplitSharesMatchTheWeightsAndUsersAreSticky() {
        let simulator = ServingFixtures.simulator()
        simulator.routing = ServingFixtures.split(90, 10, by: .user)
        simulator.core.trace = []
        simulator.advance(to: .at(seconds: 100))
        let first = simulator.core.trace!
        XCTAssertEqual(Double(first.filter { $0.version == 2 }.count) / Double(first.count) * 100, 10, accuracy: 0.5)
        var versionOfUser: [Int: Int] = [:]
        for request in first {
            XCTAssertEqual(versionOfUser[request.userID, default: request.version], request.version, "user \(request.userID) switched")
            versionOfUser[request.userID] = request.version
        }
        // Growing the candidate's share keeps its users and adds others.
        simulator.routing = ServingFixtures.split(70, 30, by: .user)
        simulator.core.trace = []
        simulator.advance(to: .at(seconds: 200))
        let second = simulator.core.trace!
        XCTAssertEqual(Double(second.filter { $0.version == 2 }.count) / Double(second.count) * 100, 30, accuracy: 0.5)
        for request in second where versionOfUser[request.userID] == 2 {
            XCTAssertEqual(request.version, 2, "a candidate user went back")
        }
    }

    func testRoutingIsNormalised() {
        let simulator = ServingFixtures.simulator()
        simulator.routing = RoutingTable(live: [VersionWeight(version: 2, percent: 30), VersionWeight(version: 1, percent: 90),
                                                VersionWeight(version: 1, percent: 0)],
                                         mirror: MirrorRoute(version: 2, percent: 0), replicas: [VersionReplicas(version: 1, count: -1)])
        XCTAssertEqual(simulator.routing.live, [VersionWeight(version: 1, percent: 75), VersionWeight(version: 2, percent: 25)])
        XCTAssertNil(simulator.routing.mirror)
        XCTAssertEqual(simulator.routing.replicas, [VersionReplicas(version: 1, count: 0)])
    }

    func testRetiringAVersionTakesItOutOfRouting() {
        let simulator = ServingFixtures.simulator()
        simulator.routing = ServingFixtures.split(50, 50)
        simulator.advance(to: .at(seconds: 10))
        simulator.retire(version: 2)
        XCTAssertEqual(simulator.routing.live, [VersionWeight(version: 1, percent: 100)])
        let before = simulator.totals(version: 2).requests
        XCTAssertGreaterThan(before, 0)
        simulator.advance(to: .at(seconds: 20))
        XCTAssertEqual(simulator.totals(version: 2).requests, before, "no traffic after retirement")
    }

    func testTrafficWithNoVersionIsUnserved() {
        let simulator = ServingFixtures.simulator()
        simulator.advance(to: .at(seconds: 5))
        XCTAssertGreaterThan(simulator.unservedRequests, 4000)
        XCTAssertTrue(simulator.modeStatus.contains("no version serving"), simulator.modeStatus)
    }
}
