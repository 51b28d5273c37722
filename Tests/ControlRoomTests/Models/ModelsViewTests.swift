import Engine
import TUICore
import TUITestSupport
import XCTest
@testable import ControlRoom

final class ModelsViewTests: XCTestCase {
    private func render(_ engine: Engine, _ state: UIState, width: Int, height: Int, glyphs: GlyphSet = .unicode) -> CellBuffer {
        ControlRoomView.render(snapshot: engine.snapshot(), state: state, context: RenderContext(palette: .monochrome, glyphs: glyphs),
                               width: width, height: height)
    }

    private func text(_ buffer: CellBuffer) -> String { buffer.lines.joined(separator: "\n") }

    private func assertASCII(_ buffer: CellBuffer, file: StaticString = #filePath, line: UInt = #line) {
        for row in buffer.lines {
            XCTAssertTrue(row.unicodeScalars.allSatisfy(\.isASCII), row, file: file, line: line)
        }
    }

    func testPendingCandidateAtBothSizesAndInASCII() throws {
        let engine = try ModelsFixture.engine()
        let state = UIState(screen: .models)
        let wide = render(engine, state, width: 120, height: 40)
        assertSnapshot(wide, named: "pending-120x40")
        assertSnapshot(render(engine, state, width: 80, height: 24), named: "pending-80x24")
        let ascii = render(engine, state, width: 80, height: 24, glyphs: .ascii)
        assertSnapshot(ascii, named: "pending-ascii-80x24")
        assertASCII(ascii)
        assertASCII(render(engine, state, width: 120, height: 40, glyphs: .ascii))

        let screen = text(wide)
        XCTAssertTrue(screen.contains("awaits approval (two_person): 1 of 2 (ana)"), screen)
        XCTAssertTrue(screen.contains("due d1 05:00:00 (in 23h00m), then"), screen)
        XCTAssertTrue(screen.contains("run #3 → register → data c3d4e5f (50000 rows) → model 9f2c1e7 2.0 KB"), screen)
        XCTAssertTrue(screen.contains("+0.0141"), "auc delta against the champion: \(screen)")
    }

    func testAutoPolicyShowsTheRuleAndWhetherItHolds() throws {
        let engine = try ModelsFixture.engine()
        var state = UIState(screen: .models)
        state.models.model = "churn"
        let buffer = render(engine, state, width: 120, height: 40)
        assertSnapshot(buffer, named: "auto-rule-120x40")
        let screen = text(buffer)
        XCTAssertTrue(screen.contains("rule 'auc >= champion.auc + 0.005' does not hold (auc = 0.812, champion.auc ="), screen)
        XCTAssertFalse(screen.contains("rejected by rule"), "the note repeating the rule is not shown twice: \(screen)")
    }

    func testDeltasAreColouredByDirection() throws {
        let engine = try ModelsFixture.engine()
        let palette = Palette(theme: BuiltInThemes.default)
        let buffer = ControlRoomView.render(snapshot: engine.snapshot(), state: UIState(screen: .models),
                                            context: RenderContext(palette: palette, glyphs: .unicode), width: 120, height: 40)
        func style(of needle: String) -> Style? {
            for y in 0..<buffer.height {
                let row = buffer.text(ofRow: y)
                guard let range = row.range(of: needle) else { continue }
                let x = row.distance(from: row.startIndex, to: range.lowerBound)
                return buffer[x, y].style
            }
            return nil
        }
        XCTAssertEqual(style(of: "+0.0141")?.fg, palette.ok.fg, "higher auc is an improvement")
        XCTAssertEqual(style(of: "-0.0070")?.fg, palette.critical.fg, "lower accuracy is a regression")
        XCTAssertEqual(style(of: "-0.0130")?.fg, palette.ok.fg, "lower log loss is an improvement")
    }

    func testComparisonShowsBothVersionsSideBySide() throws {
        let engine = try ModelsFixture.engine()
        var state = UIState(screen: .models)
        state.models.pane = .versions
        state.models.compare = 2
        state.models.version = 3
        let buffer = render(engine, state, width: 120, height: 40)
        assertSnapshot(buffer, named: "compare-120x40")
        let screen = text(buffer)
        XCTAssertTrue(screen.contains("Compare fraud v2 ↔ v3"), screen)
        XCTAssertTrue(screen.contains("+0.0352"), "auc v3 - v2: \(screen)")
        let ascii = render(engine, state, width: 80, height: 24, glyphs: .ascii)
        assertASCII(ascii)
        XCTAssertTrue(text(ascii).contains("Compare fraud v2 <-> v3"), text(ascii))
    }

    func testApproveDialog() throws {
        let engine = try ModelsFixture.engine()
        var state = UIState(screen: .models)
        let context = ControlRoomView.reducerContext(snapshot: engine.snapshot(), state: state, user: "carol", identity: ModelsFixture.identity("carol"))
        _ = Reducer.handle(.char("a"), state: &state, context: context)
        _ = Reducer.handle(.enter, state: &state, context: context)
        let buffer = render(engine, state, width: 80, height: 24)
        assertSnapshot(buffer, named: "approve-dialog-80x24")
        XCTAssertTrue(text(buffer).contains("a reason is required"), text(buffer))
        assertASCII(render(engine, state, width: 80, height: 24, glyphs: .ascii))
    }

    func testHeaderShowsPendingApprovalsOnEveryScreen() throws {
        let engine = try ModelsFixture.engine()
        for screen in Screen.allCases where screen != .models {
            let header = render(engine, UIState(screen: screen), width: 120, height: 40).lines[0]
            XCTAssertTrue(header.contains("▲ 1 approval pending — 4 then a"), "\(screen): \(header)")
        }
        let models = render(engine, UIState(screen: .models), width: 120, height: 40).lines[0]
        XCTAssertTrue(models.contains("▲ 1 approval pending — a approves, x rejects"), models)
        let narrow = render(engine, UIState(screen: .events), width: 80, height: 24, glyphs: .ascii).lines[0]
        XCTAssertTrue(narrow.contains("^ 1 pending - 4 then a"), narrow)
        XCTAssertTrue(narrow.unicodeScalars.allSatisfy(\.isASCII), narrow)
    }

    func testNoIndicatorWithoutPendingApprovals() throws {
        let engine = try ModelsFixture.engine()
        _ = engine.apply(.approve(model: "fraud", version: 3, reason: "agreed", identity: ModelsFixture.identity("bo")))
        let header = render(engine, UIState(screen: .overview), width: 120, height: 40).lines[0]
        XCTAssertFalse(header.contains("pending"), header)
    }

    func testUserTextIsSanitized() throws {
        var project = ProjectSpec(name: "evil", seed: 1)
        project.models = [ModelSpec(id: "m")]
        let engine = try Engine(configuration: EngineConfiguration(projectName: "evil", seed: 1), project: project)
        let lineage = Lineage(run: nil, step: "s\u{1B}]0;owned\u{07}", datasetHash: "h\u{1B}[2J", runtime: ModelsFixture.runtime)
        try engine.registerModelVersion(model: "m", lineage: lineage, metrics: [MetricValue(name: "auc\u{1B}[31m", value: 0.5)],
                                        artifact: nil, description: "desc\u{9B}31m", tags: ["t\u{07}"])
        let buffer = render(engine, UIState(screen: .models), width: 120, height: 40)
        XCTAssertFalse(text(buffer).contains("owned") && text(buffer).contains("\u{1B}"))
        for cell in buffer.cells {
            XCTAssertFalse(cell.scalar.value < 0x20 || (0x7F..<0xA0).contains(cell.scalar.value), "control character U+\(String(cell.scalar.value, radix: 16)) on screen")
        }
    }
}
