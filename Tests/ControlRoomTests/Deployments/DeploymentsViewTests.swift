import Engine
import TUICore
import TUITestSupport
import XCTest
@testable import ControlRoom

final class DeploymentsViewTests: XCTestCase {
    private func render(_ snapshot: EngineSnapshot = DeploymentsFixture.snapshot(), select id: String? = nil, state: UIState? = nil,
                        width: Int, height: Int, glyphs: GlyphSet = .unicode, palette: Palette = .monochrome) -> CellBuffer {
        var ui = state ?? UIState(screen: .deployments)
        if let id { ui.deployments.deployment = id }
        return ControlRoomView.render(snapshot: snapshot, state: ui, context: RenderContext(palette: palette, glyphs: glyphs), width: width, height: height)
    }

    private func text(_ buffer: CellBuffer) -> String { buffer.lines.joined(separator: "\n") }

    private func assertASCII(_ buffer: CellBuffer, file: StaticString = #filePath, line: UInt = #line) {
        for row in buffer.lines {
            XCTAssertTrue(row.unicodeScalars.allSatisfy(\.isASCII), row, file: file, line: line)
        }
    }

    /// Each fixture at both sizes, and in ASCII at both sizes.
    private func snapshots(_ id: String, _ name: String, file: StaticString = #filePath, line: UInt = #line) -> (wide: String, narrow: String) {
        let wide = render(select: id, width: 120, height: 40)
        let narrow = render(select: id, width: 80, height: 24)
        assertSnapshot(wide, named: "\(name)-120x40", file: file, line: line)
        assertSnapshot(narrow, named: "\(name)-80x24", file: file, line: line)
        assertASCII(render(select: id, width: 120, height: 40, glyphs: .ascii), file: file, line: line)
        assertASCII(render(select: id, width: 80, height: 24, glyphs: .ascii), file: file, line: line)
        return (text(wide), text(narrow))
    }

    func testCanaryMidRollout() {
        let (wide, narrow) = snapshots("fraud-canary", "canary")
        assertSnapshot(render(select: "fraud-canary", width: 80, height: 24, glyphs: .ascii), named: "canary-ascii-80x24")
        for screen in [wide, narrow] {
            XCTAssertTrue(screen.contains("‖ paused: waiting 10m (4m left)"), screen)
            XCTAssertTrue(screen.contains("v3 75%"), "the split bar's label: \(screen)")
            XCTAssertTrue(screen.contains("v4 25%"), screen)
            XCTAssertTrue(screen.contains("▶ pause 10m"), "the current step: \(screen)")
            XCTAssertTrue(screen.contains("5/7"), screen)
        }
        XCTAssertTrue(wide.contains("no downtime ✓  condition-based ✓  rollback fast  extra cost low"), wide)
        XCTAssertTrue(narrow.contains("no downtime ✓ cond. ✓ rollback fast cost low"), "the short comparison: \(narrow)")
        XCTAssertTrue(narrow.contains("21/44/63ms"), "latency percentiles in one row: \(narrow)")
        XCTAssertTrue(wide.contains("✓ p99_latency_ms < 150"), wide)
        XCTAssertTrue(wide.contains("63ms vs 150ms"), wide)
        XCTAssertTrue(wide.contains("verdict: passed 1/1 measurements"), wide)
        XCTAssertTrue(wide.contains("canary step 4/7: weight 25%"), "recent traffic changes: \(wide)")
        XCTAssertTrue(wide.contains("4 0.13%"), "errors and error rate of v4: \(wide)")
        XCTAssertTrue(wide.contains("0.9 rh"), "cost in replica-hours: \(wide)")
    }

    func testBanditShowsPosteriorsAndHolds() {
        let (wide, narrow) = snapshots("ranker-bandit", "bandit")
        for screen in [wide, narrow] {
            XCTAssertTrue(screen.contains("v6 share 62.5%"), screen)
            XCTAssertTrue(screen.contains("mean 0.860  α/β 1742/284"), screen)
            XCTAssertTrue(screen.contains("2024 pulls  P(best) 81%"), screen)
            XCTAssertTrue(screen.contains("v7 share 25%"), screen)
            XCTAssertTrue(screen.contains("frozen"), screen)
        }
        XCTAssertTrue(wide.contains("thompson · regret 18.4"), wide)
        var state = UIState(screen: .deployments)
        state.deployments.deployment = "ranker-bandit"
        state.deployments.arm = 7
        let selected = text(render(state: state, width: 120, height: 40))
        XCTAssertTrue(selected.contains("→v7 share"), "the selected arm is marked: \(selected)")
        XCTAssertFalse(selected.contains("→v5"), selected)
    }

    func testABTest() {
        let (wide, narrow) = snapshots("search-ab", "ab-test")
        for screen in [wide, narrow] {
            XCTAssertTrue(screen.contains("A/B test accuracy"), screen)
            XCTAssertTrue(screen.contains("p-value 0.0310"), screen)
        }
        XCTAssertTrue(wide.contains("verdict: running: 1790/2000 samples"), wide)
        XCTAssertTrue(wide.contains("v3 candidate: 1790 samples (89%)"), wide)
        XCTAssertTrue(narrow.contains("v3 1790 samples (89%)"), narrow)
        XCTAssertTrue(wide.contains("p-value 0.0310"), wide)
        XCTAssertTrue(wide.contains("split by user"), wide)
    }

    func testBlueGreenAfterTheSwitch() {
        let (wide, _) = snapshots("churn-bluegreen", "blue-green")
        XCTAssertTrue(wide.contains("v8 prev"), wide)
        XCTAssertTrue(wide.contains("rollback instant  extra cost high"), wide)
        XCTAssertTrue(wide.contains("condition-based ✗"), wide)
    }

    func testShadowShowsTheMirrorApartFromTheLiveSplit() {
        let (wide, narrow) = snapshots("fraud-shadow", "shadow")
        XCTAssertTrue(wide.contains("mirror → v4 100% of requests, answers discarded"), wide)
        XCTAssertTrue(narrow.contains("mirror → v4 100% (discarded)"), narrow)
        for screen in [wide, narrow] {
            XCTAssertTrue(screen.contains("v3 100%"), screen)
            XCTAssertTrue(screen.contains("9k 100%"), "v4's mirrored requests: \(screen)")
        }
        XCTAssertTrue(wide.contains("0.977 vs 0.950"), wide)
        XCTAssertTrue(wide.contains("░"), "the mirror is a shaded bar, not part of the live split: \(wide)")
    }

    func testRolledBackShowsTheFailingCheck() {
        let (wide, narrow) = snapshots("pricing-canary", "rolled-back")
        for screen in [wide, narrow] {
            XCTAssertTrue(screen.contains("↶ rolled-back: p99_latency_ms 182 >= 150"), screen)
            XCTAssertTrue(screen.contains("✗ analysis: error_rate <"), "the failed step: \(screen)")
        }
        XCTAssertTrue(wide.contains("✗ p99_latency_ms < 150"), wide)
        XCTAssertTrue(wide.contains("182ms vs 150ms"), wide)
        XCTAssertTrue(wide.contains("? accuracy >= stable - 0.02"), wide)
        XCTAssertTrue(wide.contains("only 100 labels (< 200)"), "an inconclusive check says why: \(wide)")
    }

    func testDeploymentWithNothingDeployed() {
        let (wide, narrow) = snapshots("recs-edge", "nothing-deployed")
        for screen in [wide, narrow] {
            XCTAssertTrue(screen.contains("No live traffic: nothing is deployed yet."), screen)
            XCTAssertTrue(screen.contains("No version is serving yet."), screen)
        }
    }

    func testEmptyProjectSaysHowToAddADeployment() {
        let snapshot = DeploymentsFixture.snapshot([])
        let wide = render(snapshot, width: 120, height: 40)
        assertSnapshot(wide, named: "empty-120x40")
        let narrow = render(snapshot, width: 80, height: 24)
        assertSnapshot(narrow, named: "empty-80x24")
        for screen in [text(wide), text(narrow)] {
            XCTAssertTrue(screen.contains("No deployments are defined yet."), screen)
            XCTAssertTrue(screen.contains("`deployments:` in flightdeck.yaml"), screen)
            XCTAssertTrue(screen.contains("docs/project-file.md"), screen)
        }
    }

    func testListShowsEveryDeploymentWithStepAndReason() {
        let screen = text(render(width: 120, height: 40))
        XCTAssertTrue(screen.contains("▲ fraud-gate"), screen)
        XCTAssertTrue(screen.contains("awaiting-approval: waiting for appr"), screen)
        XCTAssertTrue(screen.contains("blue_green"), screen)
        XCTAssertTrue(screen.contains("↶ pricing-canary"), screen)
        XCTAssertTrue(screen.contains("Deployments") && screen.contains(" 8"), screen)
    }

    func testFilterNarrowsTheList() {
        var state = UIState(screen: .deployments)
        state.filters[.deployments] = "bandit"
        let screen = text(render(state: state, width: 120, height: 40))
        XCTAssertTrue(screen.contains("1 of 8"), screen)
        XCTAssertTrue(screen.contains("ranker-bandit"), screen)
        XCTAssertFalse(screen.contains("pricing-canary"), screen)
    }

    func testVersionsKeepTheirThemeColourInBarAndTable() {
        let palette = Palette(theme: BuiltInThemes.default)
        let buffer = render(select: "fraud-canary", width: 120, height: 40, palette: palette)
        func style(of needle: String) -> Style? {
            for y in 0..<buffer.height {
                let row = buffer.text(ofRow: y)
                guard let range = row.range(of: needle) else { continue }
                return buffer[row.distance(from: row.startIndex, to: range.lowerBound), y].style
            }
            return nil
        }
        XCTAssertNotEqual(palette.version(3).fg, palette.version(4).fg)
        XCTAssertEqual(style(of: "v3 stable")?.fg, palette.version(3).fg)
        XCTAssertEqual(style(of: "v4 cand")?.fg, palette.version(4).fg)
        XCTAssertEqual(style(of: "██")?.fg, palette.version(3).fg, "the bar starts with the stable version's colour")
    }

    func testDialogs() {
        var state = UIState(screen: .deployments)
        state.deployments.deployment = "fraud-gate"
        let snapshot = DeploymentsFixture.snapshot()
        let context = ControlRoomView.reducerContext(snapshot: snapshot, state: state, user: "carol", identity: DeploymentsFixture.identity("carol"))
        _ = Reducer.handle(.char("p"), state: &state, context: context)
        _ = Reducer.handle(.enter, state: &state, context: context)
        let gate = render(snapshot, state: state, width: 80, height: 24)
        assertSnapshot(gate, named: "approve-gate-dialog-80x24")
        XCTAssertTrue(text(gate).contains("a reason is required"), text(gate))
        assertASCII(render(snapshot, state: state, width: 80, height: 24, glyphs: .ascii))

        var weight = UIState(screen: .deployments)
        _ = Reducer.handle(.char("w"), state: &weight, context: context)
        _ = Reducer.handle(.backspace, state: &weight, context: context)
        _ = Reducer.handle(.backspace, state: &weight, context: context)
        _ = Reducer.handle(.char("x"), state: &weight, context: context)
        _ = Reducer.handle(.enter, state: &weight, context: context)
        let dialog = render(snapshot, state: weight, width: 80, height: 24)
        assertSnapshot(dialog, named: "weight-dialog-80x24")
        XCTAssertTrue(text(dialog).contains("'x' is not a whole percent (0-100)"), text(dialog))
    }

    func testUserTextIsSanitized() {
        var d = DeploymentsFixture.canary()
        d.id = "evil\u{1B}]0;owned\u{07}"
        d.reason = "r\u{1B}[2J"
        d.modeStatus = "s\u{9B}31m"
        d.plan[0].text = "step\u{1B}[31m"
        d.analysis[0].condition = "c\u{07}"
        d.recentChanges[0].why = "w\u{1B}[H"
        d.recentChanges[0].who = "x\u{08}"
        var state = UIState(screen: .deployments)
        state.deployments.deployment = d.id
        for (width, height) in [(120, 40), (80, 24)] {
            let buffer = render(DeploymentsFixture.snapshot([d]), state: state, width: width, height: height)
            for cell in buffer.cells {
                XCTAssertFalse(cell.scalar.value < 0x20 || (0x7F..<0xA0).contains(cell.scalar.value), "control character U+\(String(cell.scalar.value, radix: 16)) on screen")
            }
        }
    }

    func testHintBarShowsTheRolloutKeysAndSpaceOnce() {
        let bar = render(width: 120, height: 40).lines[39]
        XCTAssertTrue(bar.contains("p Promote"), bar)
        XCTAssertTrue(bar.contains("Space Hold"), bar)
        XCTAssertFalse(bar.contains("Space Pause"), "Space pauses the rollout here, not time: \(bar)")
        let elsewhere = render(state: UIState(screen: .pipelines), width: 120, height: 40).lines[39]
        XCTAssertFalse(elsewhere.contains("Space Hold"), elsewhere)
    }
}
