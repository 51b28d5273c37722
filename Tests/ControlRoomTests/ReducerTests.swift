import Engine
import TUICore
import XCTest
@testable import ControlRoom

final class ReducerTests: XCTestCase {
    private func press(_ keys: [KeyEvent], _ state: inout UIState, rows: Int = 0) -> [EngineCommand] {
        keys.flatMap { Reducer.handle($0, state: &state, rowCount: rows) }
    }

    func testNumberKeysSwitchScreens() {
        var state = UIState()
        for screen in Screen.allCases {
            _ = press([.char(Character(String(screen.rawValue)))], &state)
            XCTAssertEqual(state.screen, screen)
        }
    }

    func testTabAndShiftTabWrapAround() {
        var state = UIState(screen: .events)
        _ = press([.tab], &state)
        XCTAssertEqual(state.screen, .overview)
        _ = press([.backTab], &state)
        XCTAssertEqual(state.screen, .events)
        _ = press([.backTab, .backTab], &state)
        XCTAssertEqual(state.screen, .models)
    }

    func testSpaceAndSpeedKeysBecomeEngineCommands() {
        var state = UIState()
        XCTAssertEqual(press([.char(" ")], &state), [.togglePause])
        XCTAssertEqual(press([.char("+"), .char("=")], &state), [.faster, .faster])
        XCTAssertEqual(press([.char("-")], &state), [.slower])
    }

    func testQuitAndCtrlC() {
        var state = UIState()
        _ = press([.char("q")], &state)
        XCTAssertTrue(state.quitRequested)
        var other = UIState()
        _ = press([.char(":"), .ctrl("c")], &other)
        XCTAssertTrue(other.quitRequested)
    }

    func testHelpOpensScrollsAndClosesWithEscape() {
        var state = UIState()
        _ = press([.char("?")], &state)
        XCTAssertEqual(state.mode, .help)
        _ = press([.char("j"), .char("j"), .char("k")], &state)
        XCTAssertEqual(state.helpOffset, 1)
        _ = press([.char("1")], &state) // digits do nothing inside help
        XCTAssertEqual(state.mode, .help)
        _ = press([.escape], &state)
        XCTAssertEqual(state.mode, .normal)
        XCTAssertFalse(state.quitRequested, "q in help closes help, it does not quit")
    }

    func testCommandLineSwitchesScreenByName() {
        var state = UIState()
        let commands = press([.char(":")] + "pipelines".map { .char($0) } + [.enter], &state)
        XCTAssertEqual(commands, [])
        XCTAssertEqual(state.screen, .pipelines)
        XCTAssertEqual(state.mode, .normal)
    }

    func testCommandLineTabCompletesUniquePrefix() {
        var state = UIState()
        _ = press([.char(":"), .char("d"), .char("e"), .tab], &state)
        XCTAssertEqual(state.commandLine.text, "deployments ")
        _ = press([.enter], &state)
        XCTAssertEqual(state.screen, .deployments)
    }

    func testCommandLineTabListsAmbiguousCandidates() {
        var state = UIState()
        _ = press([.char(":"), .char("p"), .tab], &state)
        XCTAssertEqual(state.completions, ["pipelines", "pause"])
        XCTAssertEqual(state.commandLine.text, "p")
    }

    func testCommandLineEngineCommandsAndErrors() {
        var state = UIState()
        XCTAssertEqual(press([.char(":")] + "speed 600".map { .char($0) } + [.enter], &state), [.setSpeed(SimSpeed(parsing: "600")!)])
        XCTAssertEqual(press([.char(":")] + "pasue".map { .char($0) } + [.enter], &state), [])
        XCTAssertEqual(state.status?.isError, true)
        XCTAssertEqual(state.status?.text, "unknown command 'pasue' (did you mean :pause?)")
        _ = press([.char(":")] + "speed fast".map { .char($0) } + [.enter], &state)
        XCTAssertTrue(state.status?.text.contains("'fast'") ?? false)
    }

    func testEscapeCancelsCommandLine() {
        var state = UIState()
        _ = press([.char(":"), .char("q"), .escape], &state)
        XCTAssertEqual(state.mode, .normal)
        XCTAssertFalse(state.quitRequested)
        XCTAssertEqual(state.commandLine.text, "")
    }

    func testFilterAppliesWhileTypingAndEscapeClearsIt() {
        var state = UIState(screen: .events)
        _ = press([.char("/"), .char("s"), .char("p")], &state)
        XCTAssertEqual(state.mode, .filter)
        XCTAssertEqual(state.filter(for: .events), "sp")
        _ = press([.enter], &state)
        XCTAssertEqual(state.mode, .normal)
        XCTAssertEqual(state.filter(for: .events), "sp")
        XCTAssertEqual(state.filter(for: .overview), "", "filters are per screen")
        _ = press([.escape], &state)
        XCTAssertEqual(state.filter(for: .events), "")
    }

    func testSelectionIsClampedToRows() {
        var state = UIState(screen: .events)
        _ = press([.char("j"), .char("j"), .char("j")], &state, rows: 2)
        XCTAssertEqual(state.selection(for: .events), 1)
        _ = press([.up, .up, .up], &state, rows: 2) // k acknowledges an alert on Events
        XCTAssertEqual(state.selection(for: .events), 0)
        _ = press([.char("G")], &state, rows: 5)
        XCTAssertEqual(state.selection(for: .events), 4)
        _ = press([.pageDown], &state, rows: 0)
        XCTAssertEqual(state.selection(for: .events), 0)
    }
}
