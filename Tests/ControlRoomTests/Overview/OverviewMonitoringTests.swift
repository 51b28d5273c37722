import Engine
import SimKernel
import TUICore
import TUITestSupport
import XCTest
@testable import ControlRoom

/// The Overview with monitoring: drifting features, SLOs, firing alerts and
/// the latest CT story beside the pipelines and deployments.
final class OverviewMonitoringTests: XCTestCase {
    private func render(_ snapshot: EngineSnapshot, width: Int, height: Int, glyphs: GlyphSet = .unicode) -> CellBuffer {
        ControlRoomView.render(snapshot: snapshot, state: UIState(screen: .overview),
                               context: RenderContext(palette: .monochrome, glyphs: glyphs), width: width, height: height)
    }

    private func text(_ buffer: CellBuffer) -> String { buffer.lines.joined(separator: "\n") }

    func testEverythingAt120x40() throws {
        let snapshot = try MonitoringFixture.snapshot()
        let buffer = render(snapshot, width: 120, height: 40)
        assertSnapshot(buffer, named: "monitoring-120x40")
        let screen = text(buffer)
        XCTAssertTrue(screen.contains("fraud-api amount PSI 0.23 ≥ 0.2 drift"), screen)
        XCTAssertTrue(screen.contains("fraud-api merchant chi2 p 0.004 < 0.01 drift"), screen)
        XCTAssertTrue(screen.contains("SLO fraud-api p99-latency"), screen)
        XCTAssertTrue(screen.contains("budget overspent 10%  fast burn"), screen)
        XCTAssertTrue(screen.contains("2 firing"), screen)
        XCTAssertTrue(screen.contains("● crit amount-drift"), screen)
        XCTAssertTrue(screen.contains("Latest CT story #2"), screen)
        XCTAssertTrue(screen.contains("amount-drift fired 05:30 → retrain run 1 succeeded 05:36 → fraud v3 registered (auc 0.91)"), screen)
        XCTAssertTrue(screen.contains("analysis passed, approval pending (press 3 then p)"), screen)
        XCTAssertTrue(screen.contains("fraud-canary"), "deployments stay: \(screen)")
        XCTAssertTrue(screen.contains("▲ fraud v3 (1/2)"), "approvals stay: \(screen)")
        XCTAssertTrue(screen.contains("Recent runs"), screen)
    }

    func testCondensedAt80x24() throws {
        let snapshot = try MonitoringFixture.snapshot()
        let buffer = render(snapshot, width: 80, height: 24)
        assertSnapshot(buffer, named: "monitoring-80x24")
        let screen = text(buffer)
        XCTAssertTrue(screen.contains("amount PSI 0.23"), screen)
        XCTAssertTrue(screen.contains("amount-drift"), screen)
        XCTAssertTrue(screen.contains("approval pending (press 3 then p)"), "the latest chapter survives condensing: \(screen)")
        let ascii = render(snapshot, width: 80, height: 24, glyphs: .ascii)
        assertSnapshot(ascii, named: "monitoring-80x24-ascii")
        for line in ascii.lines { XCTAssertTrue(line.unicodeScalars.allSatisfy(\.isASCII), line) }
    }

    func testMostDriftingRanksDriftThenDistancePastTheThreshold() throws {
        let monitors = MonitoringFixture.monitors(now: SimTime(sinceEpoch: .hours(6)))
        let ranked = OverviewMonitoringPanel.mostDrifting(monitors, limit: 5)
        XCTAssertEqual(ranked.map(\.feature.feature), ["merchant", "amount", "query_len", "hour"],
                       "drift first (p 0.004 vs 0.01 is 2.5x, PSI 0.231 vs 0.2 is 1.16x), then warnings; ok and insufficient left out")
        XCTAssertEqual(OverviewMonitoringPanel.mostDrifting(monitors, limit: 2).count, 2)
        XCTAssertEqual(OverviewMonitoringPanel.text(ranked[3], glyphs: .unicode), "fraud-api hour KS p 0.03 < 0.05 warning")
        XCTAssertEqual(OverviewMonitoringPanel.text(ranked[2], glyphs: .ascii), "ranker query_len W 0.35 >= 0.3 warning")
    }

    func testStoryChainDropsOldChaptersWhenShort() throws {
        let snapshot = try MonitoringFixture.snapshot()
        let segments = OverviewStoryPanel.segments(try XCTUnwrap(snapshot.stories.last), snapshot: snapshot)
        XCTAssertEqual(segments, ["amount-drift fired 05:30", "retrain run 1 succeeded 05:36", "fraud v3 registered (auc 0.91)",
                                  "fraud-gate canary 10%", "analysis passed, approval pending (press 3 then p)"])
        let one = OverviewStoryPanel.chain(segments, width: 78, maxLines: 1, glyphs: .unicode)
        XCTAssertEqual(one, ["… → fraud-gate canary 10% → analysis passed, approval pending (press 3 then p)"])
        let wide = OverviewStoryPanel.chain(segments, width: 200, maxLines: 3, glyphs: .ascii)
        XCTAssertEqual(wide.count, 1)
        XCTAssertTrue(wide[0].hasPrefix("amount-drift fired 05:30 -> retrain run 1"), wide[0])
        XCTAssertEqual(OverviewStoryPanel.chain(segments, width: 60, maxLines: 3, glyphs: .unicode).count, 3)
        var closed = snapshot
        closed.stories[1].isClosed = true
        XCTAssertEqual(OverviewStoryPanel.segments(closed.stories[1], snapshot: closed).last, "analysis passed, approval pending",
                       "no key hint on a closed story")
    }

    func testEmptyStatesSayWhatWillAppear() throws {
        var snapshot = try MonitoringFixture.snapshot()
        snapshot.stories = []
        snapshot.alerts = []
        for i in snapshot.monitors.indices {
            snapshot.monitors[i].evaluatedAt = nil
            snapshot.monitors[i].features = snapshot.monitors[i].features.map { var f = $0; f.state = .insufficient; f.value = nil; return f }
        }
        let screen = text(render(snapshot, width: 120, height: 40))
        XCTAssertTrue(screen.contains("No CT story yet: when an alert triggers a pipeline"), screen)
        XCTAssertTrue(screen.contains("No alert rules"), screen)
        XCTAssertTrue(screen.contains("Monitors are collecting their first window"), screen)

        let serving = text(render(DeploymentsFixture.snapshot(), width: 120, height: 40))
        XCTAssertTrue(serving.contains("No monitors or alerts declared"), serving)
        XCTAssertFalse(serving.contains("CT story"), "no story strip without monitoring: \(serving)")
        let plain = text(render(try PipelinesFixture.engine().snapshot(), width: 120, height: 40))
        XCTAssertTrue(plain.contains("No deployments, models or monitors are"), "the right column says it once: \(plain)")
        XCTAssertFalse(plain.contains("No monitors or alerts declared"), plain)
    }

    func testActiveRunShowsItsRunningStep() throws {
        var snapshot = try MonitoringFixture.snapshot()
        let index = try XCTUnwrap(snapshot.runs.firstIndex { $0.pipeline == "retrain" })
        snapshot.runs[index].state = .running
        for step in snapshot.runs[index].steps.indices {
            snapshot.runs[index].steps[step].state = step < 2 ? .succeeded : step == 2 ? .running : .pending
        }
        let name = snapshot.runs[index].steps[2].id
        let line = try XCTUnwrap(render(snapshot, width: 120, height: 40).lines.first { $0.contains("retrain") && $0.contains("2/5") })
        XCTAssertTrue(line.contains("2/5 #1 \(name) running"), line)
    }
}
