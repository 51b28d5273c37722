import TUICore
import XCTest
@testable import Terminal

/// Raw codes are written as literals from ncurses' curses.h so the test also
/// checks the constants the decoder uses.
final class KeyDecoderTests: XCTestCase {
    func testNcursesKeyCodes() {
        let expected: [(Int32, KeyEvent)] = [
            (0o403, .up), (0o402, .down), (0o404, .left), (0o405, .right),
            (0o406, .home), (0o550, .end), (0o523, .pageUp), (0o522, .pageDown),
            (0o541, .backTab), (0o512, .delete), (0o407, .backspace), (0o527, .enter),
            (0o632, .resize),
        ]
        for (code, event) in expected {
            XCTAssertEqual(KeyDecoder.decode(code: code, isKeyCode: true), event, "code \(String(code, radix: 8))")
        }
    }

    func testFunctionKeys() {
        XCTAssertEqual(KeyDecoder.decode(code: 0o410 + 1, isKeyCode: true), .function(1))
        XCTAssertEqual(KeyDecoder.decode(code: 0o410 + 12, isKeyCode: true), .function(12))
        XCTAssertNil(KeyDecoder.decode(code: 0o410, isKeyCode: true), "KEY_F0 is not a key")
    }

    func testUnknownKeyCodeIsIgnored() {
        XCTAssertNil(KeyDecoder.decode(code: 0o777, isKeyCode: true))
    }

    func testControlCharacters() {
        XCTAssertEqual(KeyDecoder.decode(code: 127, isKeyCode: false), .backspace)
        XCTAssertEqual(KeyDecoder.decode(code: 8, isKeyCode: false), .backspace)
        XCTAssertEqual(KeyDecoder.decode(code: 10, isKeyCode: false), .enter)
        XCTAssertEqual(KeyDecoder.decode(code: 13, isKeyCode: false), .enter)
        XCTAssertEqual(KeyDecoder.decode(code: 9, isKeyCode: false), .tab)
        XCTAssertEqual(KeyDecoder.decode(code: 27, isKeyCode: false), .escape)
        XCTAssertEqual(KeyDecoder.decode(code: 1, isKeyCode: false), .ctrl("a"))
        XCTAssertEqual(KeyDecoder.decode(code: 3, isKeyCode: false), .ctrl("c"))
        XCTAssertEqual(KeyDecoder.decode(code: 26, isKeyCode: false), .ctrl("z"))
        XCTAssertNil(KeyDecoder.decode(code: 0, isKeyCode: false))
        XCTAssertNil(KeyDecoder.decode(code: 28, isKeyCode: false))
        XCTAssertNil(KeyDecoder.decode(code: 0x9B, isKeyCode: false), "C1 control")
    }

    func testPrintableCharacters() {
        XCTAssertEqual(KeyDecoder.decode(code: 0x71, isKeyCode: false), .char("q"))
        XCTAssertEqual(KeyDecoder.decode(code: 0x20, isKeyCode: false), .char(" "))
        XCTAssertEqual(KeyDecoder.decode(code: 0xE9, isKeyCode: false), .char("é"))
        XCTAssertEqual(KeyDecoder.decode(code: 0x4E2D, isKeyCode: false), .char("中"))
    }

    func testSameNumberDependsOnKeyCodeFlag() {
        // 0o403 = 259 is KEY_UP as a key code but U+0103 'ă' as a character.
        XCTAssertEqual(KeyDecoder.decode(code: 0o403, isKeyCode: false), .char("ă"))
    }

    func testInvalidScalarIsIgnored() {
        XCTAssertNil(KeyDecoder.decode(code: 0xD800, isKeyCode: false))
        XCTAssertNil(KeyDecoder.decode(code: -1, isKeyCode: false))
    }
}
