import Foundation
import XCTest
import Engine

final class RolloutCodableTests: XCTestCase {
    private typealias F = RolloutFixtures

    /// Drives to `middle`, persists as JSON, and checks that the decoded
    /// copy continues exactly like the original.
    private func assertResumesIdentically(_ strategy: StrategySpec, serving: FakeServing, middle: SimDuration, end: SimDuration,
                                          file: StaticString = #filePath, line: UInt = #line) throws {
        var rollout = F.rollout(strategy)
        var generator = Xoshiro256StarStar(seed: 21)
        drive(&rollout, serving, until: SimTime(sinceEpoch: middle), generator: &generator)
        XCTAssertTrue(rollout.phase.isActive, "still mid-rollout", file: file, line: line)
        let data = try JSONEncoder().encode(rollout)
        var restored = try JSONDecoder().decode(Rollout.self, from: data)
        XCTAssertEqual(restored, rollout, file: file, line: line)
        let twin = serving.copy()
        var twinGenerator = generator
        let original = drive(&rollout, serving, until: SimTime(sinceEpoch: end), generator: &generator)
        let resumed = drive(&restored, twin, until: SimTime(sinceEpoch: end), generator: &twinGenerator)
        XCTAssertFalse(original.isEmpty, file: file, line: line)
        XCTAssertEqual(resumed, original, file: file, line: line)
        XCTAssertEqual(restored, rollout, file: file, line: line)
        XCTAssertFalse(rollout.phase.isActive, file: file, line: line)
    }

    func testCanaryMidAnalysisResumesIdentically() throws {
        try assertResumesIdentically(CanaryRolloutTests.strategy, serving: F.serving { $0.accuracy = 0.92 }, middle: .minutes(13), end: .hours(2))
    }

    func testBanditMidRunResumesIdentically() throws {
        let serving = F.serving(rate: 4) { $0.accuracy = 0.95 }
        serving.versions[0].accuracy = 0.85
        try assertResumesIdentically(BanditRolloutTests.strategy, serving: serving, middle: .minutes(3), end: .hours(7))
    }

    func testRollingRestoreResumesIdentically() throws {
        try assertResumesIdentically(RollingRolloutTests.strategy, serving: F.serving { $0.p99 = 182 }, middle: .minutes(3), end: .hours(1))
    }
}
