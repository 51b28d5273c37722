import Engine
import XCTest
@testable import ControlRoom

/// The phase-and-reason line of the Deployments list and the Overview.
final class DeploymentReasonTextTests: XCTestCase {
    private func text(_ phase: RolloutPhase, _ reason: String, strategy: String = "canary") -> String {
        var d = DeploymentsFixture.canary()
        d.phase = phase
        d.reason = reason
        d.strategy = strategy
        return DeploymentAppearance.reasonText(d)
    }

    func testPhaseThenReason() {
        XCTAssertEqual(text(.paused, "waiting 10m (4m left)"), "paused: waiting 10m (4m left)")
        XCTAssertEqual(text(.stable, ""), "stable")
    }

    func testPhaseAlreadyInTheReasonIsNotRepeated() {
        XCTAssertEqual(text(.promoted, "promoted: v5 serves 100% (basic)"), "promoted: v5 serves 100% (basic)")
        XCTAssertEqual(text(.inconclusive, "inconclusive: 120 requests < 200"), "inconclusive: 120 requests < 200")
        XCTAssertEqual(text(.rolledBack, "rolled back: p99_latency_ms 182 >= 150"), "rolled back: p99_latency_ms 182 >= 150")
        XCTAssertEqual(text(.rolledBack, "p99_latency_ms 182 >= 150"), "rolled-back: p99_latency_ms 182 >= 150")
    }

    func testStepLabelIsDropped() {
        XCTAssertEqual(text(.progressing, "ab_test step 1/2: A/B test collecting", strategy: "ab_test"), "progressing: A/B test collecting")
        XCTAssertEqual(text(.progressing, "canary step 4/8"), "progressing: canary step 4/8", "no colon: kept")
        XCTAssertEqual(text(.progressing, "canary step one: x"), "progressing: canary step one: x", "not a step label: kept")
        XCTAssertEqual(text(.progressing, "bandit step 1/2: x"), "progressing: bandit step 1/2: x", "another strategy's label: kept")
    }

    func testControlCharactersAreRemoved() {
        XCTAssertFalse(text(.paused, "held \u{1B}[2J by ops").contains("\u{1B}"))
    }
}
