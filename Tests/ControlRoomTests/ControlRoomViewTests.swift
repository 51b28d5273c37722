import Engine
import TUICore
import TUITestSupport
import XCTest
@testable import ControlRoom

final class ControlRoomViewTests: XCTestCase {
    private func engine() -> Engine {
        Engine(configuration: EngineConfiguration(projectName: "fraud-detection", seed: 42))
    }

    private func render(_ state: UIState, engine: Engine? = nil, width: Int = 120, height: Int = 40, glyphs: GlyphSet = .unicode) -> CellBuffer {
        ControlRoomView.render(
            snapshot: (engine ?? self.engine()).snapshot(),
            state: state,
            context: RenderContext(palette: .monochrome, glyphs: glyphs),
            width: width,
            height: height
        )
    }

    func testEveryScreenAtBothSizes() {
        for screen in Screen.allCases {
            assertSnapshot(render(UIState(screen: screen)), named: "\(screen.commandName)-120x40")
            assertSnapshot(render(UIState(screen: screen), width: 80, height: 24), named: "\(screen.commandName)-80x24")
        }
    }

    func testAsciiGlyphsDrawOnlyAscii() {
        let buffer = render(UIState(screen: .pipelines), width: 80, height: 24, glyphs: .ascii)
        assertSnapshot(buffer, named: "pipelines-ascii")
        for line in buffer.lines {
            XCTAssertTrue(line.unicodeScalars.allSatisfy { $0.isASCII }, line)
        }
    }

    func testTooSmallShowsTheMinimum() {
        let buffer = render(UIState(), width: 60, height: 20)
        assertSnapshot(buffer, named: "too-small-60x20")
        XCTAssertTrue(buffer.lines.joined().contains("needs at least 80x24"))
    }

    func testHelpOverlayListsTheKeyMap() {
        var state = UIState()
        state.mode = .help
        let buffer = render(state)
        assertSnapshot(buffer, named: "help-120x40")
        let text = buffer.lines.joined(separator: "\n")
        for entry in KeyMap.standard.helpEntries(for: .normal).prefix(10) {
            XCTAssertTrue(text.contains(entry.help), "help lacks '\(entry.help)'")
        }
    }

    func testCommandLineWithCompletions() {
        var state = UIState()
        _ = Reducer.handle(.char(":"), state: &state)
        _ = Reducer.handle(.char("p"), state: &state)
        _ = Reducer.handle(.tab, state: &state)
        assertSnapshot(render(state, width: 80, height: 24), named: "command-line-80x24")
    }

    func testHeaderShowsClockSpeedAndPause() {
        let e = engine()
        _ = e.apply(.setSpeed(SimSpeed(parsing: "600")!))
        e.advance(to: e.snapshot().now + SimDuration(milliseconds: 3_723_000))
        _ = e.apply(.pause)
        let header = render(UIState(), engine: e).text(ofRow: 0)
        XCTAssertTrue(header.contains("fraud-detection"), header)
        XCTAssertTrue(header.contains("600x"), header)
        XCTAssertTrue(header.contains("PAUSED"), header)
    }

    func testEventsScreenListsEngineEventsAndFilters() {
        let e = engine()
        _ = e.apply(.pause)
        _ = e.apply(.resume)
        _ = e.apply(.setSpeed(.max))
        var state = UIState(screen: .events)
        assertSnapshot(render(state, engine: e, width: 80, height: 24), named: "events-with-log-80x24")
        state.filters[.events] = "pause"
        let filtered = render(state, engine: e, width: 80, height: 24)
        let body = filtered.lines.dropFirst(3).joined(separator: "\n")
        XCTAssertTrue(body.lowercased().contains("pause"))
        XCTAssertEqual(ControlRoomView.reducerContext(snapshot: e.snapshot(), state: state, user: nil).rowCount, EventsData(snapshot: e.snapshot(), selection: 0, filter: "pause").rowCount)
    }

    func testHostileProjectNameNeverReachesTheScreenRaw() {
        let e = Engine(configuration: EngineConfiguration(projectName: "evil\u{1B}]0;pwned\u{07}\u{1B}[31mred", seed: 1))
        let header = render(UIState(), engine: e).text(ofRow: 0)
        XCTAssertFalse(header.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F })
        XCTAssertTrue(header.contains("evilred"), header)
    }
}
