import TUICore
import XCTest
@testable import ControlRoom

final class KeyMapTests: XCTestCase {
    func testNoKeyIsBoundTwiceInOneMode() {
        var seen: [String] = []
        for binding in KeyMap.standard.bindings {
            let id = "\(binding.mode) \(binding.screen.map { "\($0)" } ?? "any") \(binding.key)"
            XCTAssertFalse(seen.contains(id), "\(id) bound twice")
            seen.append(id)
        }
    }

    func testTextModesEditWithUnboundKeys() {
        XCTAssertEqual(KeyMap.standard.action(for: .char("x"), in: .command), .editText(.char("x")))
        XCTAssertEqual(KeyMap.standard.action(for: .char("q"), in: .filter), .editText(.char("q")))
        XCTAssertNil(KeyMap.standard.action(for: .char("x"), in: .normal))
    }

    func testHelpMergesKeysWithTheSameMeaning() {
        let entries = KeyMap.standard.helpEntries(for: .normal)
        let down = entries.first { $0.help == "Move selection down" }
        XCTAssertEqual(down?.keys, "↓ j")
        XCTAssertTrue(entries.contains { $0.keys == "q ^C" && $0.help == "Quit" })
    }

    func testEveryModeHasHints() {
        for mode in InputMode.allCases {
            XCTAssertFalse(KeyMap.standard.hints(for: mode).isEmpty, "\(mode) has no hints")
        }
    }
}
