import Engine
import TUICore
import TUITestSupport
import XCTest
@testable import ControlRoom

/// The Overview's right column: deployments with their rollouts and the
/// approvals waiting, or the models while nothing is deployed.
final class OverviewViewTests: XCTestCase {
    /// Pipelines with two finished runs, the Deployments screen's fixture
    /// deployments, and the Models fixture's registry (fraud v3 waits for a
    /// second approval), at the registry's time.
    private func snapshot() throws -> EngineSnapshot {
        var snapshot = try PipelinesFixture.engine().snapshot()
        let registry = try ModelsFixture.engine().snapshot()
        snapshot.now = registry.now
        snapshot.models = registry.models
        snapshot.pendingApprovals = registry.pendingApprovals
        snapshot.deployments = DeploymentsFixture.all()
        return snapshot
    }

    private func render(_ snapshot: EngineSnapshot, width: Int, height: Int, glyphs: GlyphSet = .unicode) -> CellBuffer {
        ControlRoomView.render(snapshot: snapshot, state: UIState(screen: .overview),
                               context: RenderContext(palette: .monochrome, glyphs: glyphs), width: width, height: height)
    }

    private func text(_ buffer: CellBuffer) -> String { buffer.lines.joined(separator: "\n") }

    func testDeploymentsAndApprovalsBesidePipelines() throws {
        let snapshot = try snapshot()
        XCTAssertEqual(snapshot.pendingApprovals.map(\.version), [3])
        let wide = render(snapshot, width: 120, height: 40)
        assertSnapshot(wide, named: "deployments-120x40")
        let screen = text(wide)
        XCTAssertTrue(screen.contains("Deployments ─"), screen)
        XCTAssertTrue(screen.contains("5 rolling out"), screen)
        XCTAssertTrue(screen.contains("‖ fraud-canary"), screen)
        XCTAssertTrue(screen.contains("canary 5/7"), screen)
        XCTAssertTrue(screen.contains("v3 75 | v4 25  paused: waiting 10m"), screen)
        XCTAssertTrue(screen.contains("rolled-back: p99_latency_ms"), screen)
        XCTAssertTrue(screen.contains("▲ fraud v3 (1/2)"), "the pending approval: \(screen)")
        XCTAssertTrue(screen.contains("due in 23h00m"), screen)
        XCTAssertTrue(screen.contains("✗ retrain"), "the pipelines stay on the left: \(screen)")
        XCTAssertFalse(screen.contains("No deployments"), screen)
    }

    func testNarrowTerminalKeepsOneLinePerDeployment() throws {
        let snapshot = try snapshot()
        let narrow = render(snapshot, width: 80, height: 24)
        assertSnapshot(narrow, named: "deployments-80x24")
        let screen = text(narrow)
        for d in DeploymentsFixture.all() {
            XCTAssertTrue(screen.contains(d.id), "\(d.id) missing: \(screen)")
        }
        XCTAssertTrue(screen.contains("‖ fraud-canary    v3 75 | v4 25"), "one line: id, then the split: \(screen)")
        XCTAssertTrue(screen.contains("▲ fraud v3 (1/2)"), screen)
        for line in render(snapshot, width: 80, height: 24, glyphs: .ascii).lines {
            XCTAssertTrue(line.unicodeScalars.allSatisfy(\.isASCII), line)
        }
    }

    func testTwoLinesEachWhenTheyFitElseOneElseMore() {
        let context = RenderContext(palette: .monochrome, glyphs: .unicode)
        let deployments = DeploymentsFixture.all()
        XCTAssertEqual(deployments.count, 8)
        XCTAssertEqual(OverviewServingPanel.lines(for: deployments, height: 16, width: 40, context: context).count, 16)
        let single = OverviewServingPanel.lines(for: deployments, height: 15, width: 40, context: context)
        XCTAssertEqual(single.count, 8)
        XCTAssertEqual(single[0].spans.map(\.text), ["‖ ", "fraud-canary   ", " v3 75 | v4 25"], "one line: id padded, then the split")
        let cut = OverviewServingPanel.lines(for: deployments, height: 5, width: 40, context: context)
        XCTAssertEqual(cut.count, 5)
        XCTAssertEqual(cut.last?.spans.first?.text, "+4 more: press 3")
        XCTAssertEqual(OverviewServingPanel.lines(for: deployments, height: 0, width: 40, context: context).count, 1,
                       "the count of hidden ones, clipped by the panel")
    }

    func testRightPartFallsBackToShorterForms() {
        XCTAssertEqual(OverviewServingPanel.right(["due in 23h00m", "23h00m"], beside: "▲ fraud v3 (1/2)", width: 40), "due in 23h00m")
        XCTAssertEqual(OverviewServingPanel.right(["due in 23h00m", "23h00m"], beside: "▲ fraud v3 (1/2)", width: 27), "23h00m")
        XCTAssertEqual(OverviewServingPanel.right([], beside: "x", width: 27), "")
    }

    func testCompactSplitShowsMirrorAndDowntime() {
        var routing = RoutingTable(live: [VersionWeight(version: 1, percent: 100)])
        XCTAssertEqual(DeploymentAppearance.compactSplit(routing), "v1 100")
        routing.mirror = MirrorRoute(version: 2, percent: 50)
        routing.down = true
        XCTAssertEqual(DeploymentAppearance.compactSplit(routing), "v1 100 +mirror v2 50 DOWN")
        XCTAssertEqual(DeploymentAppearance.compactSplit(RoutingTable(live: [VersionWeight(version: 3, percent: 62.5),
                                                                             VersionWeight(version: 4, percent: 37.5)])),
                       "v3 62.5 | v4 37.5")
        XCTAssertEqual(DeploymentAppearance.compactSplit(RoutingTable(live: [])), "no traffic")
    }

    func testModelsWithoutDeployments() throws {
        let snapshot = try ModelsFixture.engine().snapshot()
        XCTAssertTrue(snapshot.pipelines.isEmpty && snapshot.deployments.isEmpty)
        let buffer = render(snapshot, width: 80, height: 24)
        assertSnapshot(buffer, named: "models-only-80x24")
        let screen = text(buffer)
        XCTAssertTrue(screen.contains("No pipelines are declared."), screen)
        XCTAssertTrue(screen.contains("champion v1, 3 versions"), screen)
        XCTAssertTrue(screen.contains("▲ fraud v3"), screen)
        XCTAssertFalse(screen.contains("No deployments, models"), screen)
    }
}
