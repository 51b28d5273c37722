import TUICore
import TUITestSupport
import XCTest

final class TextFieldTests: XCTestCase {
    private func field(_ text: String, cursor: Int) -> TextField {
        var f = TextField(text: text)
        f.cursor = cursor
        return f
    }

    func testStartsWithCursorAtTheEnd() {
        XCTAssertEqual(TextField(text: "héllo").cursor, 5)
        XCTAssertEqual(TextField().cursor, 0)
    }

    func testInsertsAtTheCursor() {
        var f = field("ac", cursor: 1)
        XCTAssertTrue(f.handle(.char("b")))
        XCTAssertEqual(f.text, "abc")
        XCTAssertEqual(f.cursor, 2)
    }

    func testInsertCountsGraphemesNotScalars() {
        var f = field("e\u{301}x", cursor: 1) // é as e + combining acute
        XCTAssertTrue(f.handle(.char("!")))
        XCTAssertEqual(f.text, "e\u{301}!x")
    }

    func testRejectsControlCharacters() {
        var f = field("a", cursor: 1)
        XCTAssertFalse(f.handle(.char("\u{7}")))
        XCTAssertEqual(f.text, "a")
    }

    func testBackspaceAndDelete() {
        var f = field("abcd", cursor: 2)
        XCTAssertTrue(f.handle(.backspace))
        XCTAssertEqual(f.text, "acd")
        XCTAssertEqual(f.cursor, 1)
        XCTAssertTrue(f.handle(.delete))
        XCTAssertEqual(f.text, "ad")
        XCTAssertEqual(f.cursor, 1)
    }

    func testBackspaceAtStartAndDeleteAtEndAreConsumedNoOps() {
        var f = field("ab", cursor: 0)
        XCTAssertTrue(f.handle(.backspace))
        XCTAssertEqual(f, field("ab", cursor: 0))
        f.cursor = 2
        XCTAssertTrue(f.handle(.delete))
        XCTAssertEqual(f, field("ab", cursor: 2))
    }

    func testMovement() {
        var f = field("abc", cursor: 1)
        XCTAssertTrue(f.handle(.left)); XCTAssertEqual(f.cursor, 0)
        XCTAssertTrue(f.handle(.left)); XCTAssertEqual(f.cursor, 0)
        XCTAssertTrue(f.handle(.right)); XCTAssertEqual(f.cursor, 1)
        XCTAssertTrue(f.handle(.end)); XCTAssertEqual(f.cursor, 3)
        XCTAssertTrue(f.handle(.right)); XCTAssertEqual(f.cursor, 3)
        XCTAssertTrue(f.handle(.home)); XCTAssertEqual(f.cursor, 0)
        XCTAssertTrue(f.handle(.ctrl("e"))); XCTAssertEqual(f.cursor, 3)
        XCTAssertTrue(f.handle(.ctrl("a"))); XCTAssertEqual(f.cursor, 0)
    }

    func testCtrlUDeletesToTheStart() {
        var f = field("hello world", cursor: 6)
        XCTAssertTrue(f.handle(.ctrl("u")))
        XCTAssertEqual(f.text, "world")
        XCTAssertEqual(f.cursor, 0)
    }

    func testCtrlKDeletesToTheEnd() {
        var f = field("hello world", cursor: 5)
        XCTAssertTrue(f.handle(.ctrl("k")))
        XCTAssertEqual(f.text, "hello")
        XCTAssertEqual(f.cursor, 5)
    }

    func testCtrlWDeletesThePreviousWordAndSpaces() {
        var f = field("promote v3  now", cursor: 12)
        XCTAssertTrue(f.handle(.ctrl("w")))
        XCTAssertEqual(f.text, "promote now")
        XCTAssertEqual(f.cursor, 8)
        XCTAssertTrue(f.handle(.ctrl("w")))
        XCTAssertEqual(f.text, "now")
        XCTAssertEqual(f.cursor, 0)
        XCTAssertTrue(f.handle(.ctrl("w")))
        XCTAssertEqual(f.text, "now")
    }

    func testOtherKeysAreNotConsumed() {
        var f = field("abc", cursor: 1)
        for key: KeyEvent in [.enter, .escape, .tab, .up, .down, .pageUp, .function(1), .ctrl("c"), .resize] {
            XCTAssertFalse(f.handle(key), "\(key)")
        }
        XCTAssertEqual(f, field("abc", cursor: 1))
    }

    func testOutOfRangeCursorIsClampedBeforeEditing() {
        var f = field("ab", cursor: 9)
        XCTAssertTrue(f.handle(.char("c")))
        XCTAssertEqual(f.text, "abc")
        XCTAssertEqual(f.cursor, 3)
    }

    func testRenderShortText() {
        var buffer = CellBuffer(width: 10, height: 1)
        field("abc", cursor: 1).render(into: &buffer, area: buffer.bounds, style: Style().underlined())
        assertSnapshot(buffer, named: "short")
        XCTAssertEqual(buffer[1, 0].style, Style().reversed())
    }

    func testRenderScrollsToKeepTheCursorVisible() {
        var buffer = CellBuffer(width: 8, height: 1)
        field("the quick brown fox", cursor: 19).render(into: &buffer, area: buffer.bounds)
        assertSnapshot(buffer, named: "scrolled-end")
        XCTAssertEqual(buffer.text(ofRow: 0), "…wn fox ")
        XCTAssertEqual(buffer[7, 0].style, Style().reversed())

        var middle = CellBuffer(width: 8, height: 1)
        field("the quick brown fox", cursor: 10).render(into: &middle, area: middle.bounds)
        XCTAssertEqual(middle.text(ofRow: 0), "…quick b")
        XCTAssertEqual(middle[7, 0].style, Style().reversed())
    }

    func testRenderASCIIAndWideCharacters() {
        var buffer = CellBuffer(width: 6, height: 1)
        field("日本語テキスト", cursor: 7).render(into: &buffer, area: buffer.bounds, glyphs: .ascii)
        assertSnapshot(buffer, named: "wide-ascii-marker")
        XCTAssertEqual(buffer.text(ofRow: 0).first, "~")

        var ascii = CellBuffer(width: 6, height: 1)
        field("abcdefghij", cursor: 3).render(into: &ascii, area: ascii.bounds, glyphs: .ascii)
        assertOnlyASCII(ascii)
        XCTAssertEqual(ascii.text(ofRow: 0), "abcdef")
    }

    func testRenderEmpty() {
        var buffer = CellBuffer(width: 4, height: 1)
        TextField().render(into: &buffer, area: buffer.bounds)
        XCTAssertEqual(buffer.text(ofRow: 0), "    ")
        XCTAssertEqual(buffer[0, 0].style, Style().reversed())
        XCTAssertEqual(buffer[1, 0].style, .plain)
    }
}
