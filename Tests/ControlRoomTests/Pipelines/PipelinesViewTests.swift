import Engine
import Foundation
import TUICore
import TUITestSupport
import XCTest
@testable import ControlRoom

final class PipelinesViewTests: XCTestCase {
    private func render(_ engine: Engine, _ state: UIState, width: Int, height: Int, glyphs: GlyphSet = .unicode) throws -> CellBuffer {
        let snapshot = engine.snapshot()
        let focus = ControlRoomView.logFocus(snapshot: snapshot, state: state)
        let tail = try focus.map { try engine.logTail(run: $0.run, step: $0.step, limit: 100) } ?? []
        return ControlRoomView.render(snapshot: snapshot, state: state, context: RenderContext(palette: .monochrome, glyphs: glyphs),
                                      width: width, height: height, logTail: tail)
    }

    func testFailedRunAtBothSizes() throws {
        let engine = try PipelinesFixture.engine()
        var state = UIState(screen: .pipelines)
        assertSnapshot(try render(engine, state, width: 120, height: 40), named: "failed-run-120x40")
        assertSnapshot(try render(engine, state, width: 80, height: 24), named: "failed-run-80x24")
        state.pipelines.pane = .log
        let ascii = try render(engine, state, width: 80, height: 24, glyphs: .ascii)
        assertSnapshot(ascii, named: "failed-run-log-ascii-80x24")
        for line in ascii.lines {
            XCTAssertTrue(line.unicodeScalars.allSatisfy(\.isASCII), line)
        }
    }

    func testOverviewShowsPipelinesAndRecentRuns() throws {
        let engine = try PipelinesFixture.engine()
        let buffer = try render(engine, UIState(screen: .overview), width: 120, height: 40)
        assertSnapshot(buffer, named: "overview-120x40")
        assertSnapshot(try render(engine, UIState(screen: .overview), width: 80, height: 24, glyphs: .ascii), named: "overview-ascii-80x24")
        let text = buffer.lines.joined(separator: "\n")
        XCTAssertTrue(text.contains("train failed"), text)
        XCTAssertTrue(text.contains("5/5 #1"), text)
    }

    func testRunningRunShowsProgress() throws {
        let engine = try Engine(configuration: EngineConfiguration(projectName: "fraud-detection", seed: 7), project: PipelinesFixture.project())
        _ = engine.apply(.trigger(pipeline: "retrain", params: [], by: "alice"))
        engine.advance(to: SimTime(milliseconds: 45_000))
        let buffer = try render(engine, UIState(screen: .pipelines), width: 120, height: 40)
        assertSnapshot(buffer, named: "running-run-120x40")
        XCTAssertTrue(buffer.lines.joined().contains("validate"))
    }

    func testTriggerDialog() throws {
        let engine = try PipelinesFixture.engine()
        var state = UIState(screen: .pipelines)
        let context = ControlRoomView.reducerContext(snapshot: engine.snapshot(), state: state, user: nil)
        _ = Reducer.handle(.char("t"), state: &state, context: context)
        assertSnapshot(try render(engine, state, width: 80, height: 24), named: "trigger-dialog-80x24")
    }

    func testHostileStepOutputNeverReachesTheScreen() throws {
        // A real shell step prints a title change, a screen clear, an 8-bit CSI,
        // a hyperlink and a DCS; only the plain text may reach the buffer.
        let command = #"printf '\033]0;owned\007\033[2J\302\23331mred\033]8;;http://x\033\\link\033]8;;\033\\\033P+q\033\\ end\n'"#
        let project = ProjectSpec(name: "evil", pipelines: [PipelineSpec(id: "p", steps: [StepSpec(id: "s", action: .shell(command))])])
        let work = FileManager.default.temporaryDirectory.path
        let engine = try Engine(configuration: EngineConfiguration(projectName: "evil", seed: 1), project: project,
                                shell: ProcessShellLauncher(), workingDirectory: work)
        _ = engine.apply(.trigger(pipeline: "p", params: [], by: nil))
        engine.runUntilIdle(maxTime: SimTime(milliseconds: 60_000), waitForShell: true)
        var state = UIState(screen: .pipelines)
        state.pipelines.pane = .log
        let buffer = try render(engine, state, width: 100, height: 30)
        let text = buffer.lines.joined(separator: "\n")
        XCTAssertTrue(text.contains("redlink end"), text)
        XCTAssertFalse(text.contains("owned"))
        for cell in buffer.cells {
            XCTAssertFalse(cell.scalar.value < 0x20 || (0x7F..<0xA0).contains(cell.scalar.value), "control character U+\(String(cell.scalar.value, radix: 16)) on screen")
        }
    }
}
