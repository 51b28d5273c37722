import TUICore
import XCTest

final class TextLayoutTests: XCTestCase {
    func testTruncate() {
        XCTAssertEqual(TextLayout.truncate("hello", to: 5), "hello")
        XCTAssertEqual(TextLayout.truncate("hello", to: 4), "hel…")
        XCTAssertEqual(TextLayout.truncate("hello", to: 1), "…")
        XCTAssertEqual(TextLayout.truncate("hello", to: 0), "")
        XCTAssertEqual(TextLayout.truncate("hello", to: -3), "")
        XCTAssertEqual(TextLayout.truncate("hello", to: 3, ellipsis: "~"), "he~")
        XCTAssertEqual(TextLayout.truncate("", to: 3), "")
    }

    func testTruncateIsWidthAware() {
        XCTAssertEqual(TextLayout.truncate("日本語", to: 6), "日本語")
        XCTAssertEqual(TextLayout.truncate("日本語", to: 5), "日本…")
        XCTAssertEqual(TextLayout.truncate("日本語", to: 4), "日…")
        XCTAssertLessThanOrEqual(CharacterWidth.of(TextLayout.truncate("日本語", to: 4)), 4)
        XCTAssertEqual(TextLayout.truncate("abc", to: 2, ellipsis: "..."), "..")
    }

    func testPad() {
        XCTAssertEqual(TextLayout.pad("ab", to: 5), "ab   ")
        XCTAssertEqual(TextLayout.pad("ab", to: 5, alignment: .right), "   ab")
        XCTAssertEqual(TextLayout.pad("ab", to: 5, alignment: .center), " ab  ")
        XCTAssertEqual(TextLayout.pad("abcdef", to: 4, alignment: .right), "abc…")
        XCTAssertEqual(TextLayout.pad("日本語", to: 5), "日本…")
        XCTAssertEqual(TextLayout.pad("日本語", to: 4), "日… ")
        XCTAssertEqual(TextLayout.pad("x", to: 0), "")
    }

    func testWrapAtSpaces() {
        XCTAssertEqual(TextLayout.wrap("the quick brown fox jumps", width: 10), ["the quick", "brown fox", "jumps"])
        XCTAssertEqual(TextLayout.wrap("fits", width: 10), ["fits"])
        XCTAssertEqual(TextLayout.wrap("a  b   c", width: 10), ["a b c"])
    }

    func testWrapSplitsLongWords() {
        XCTAssertEqual(TextLayout.wrap("abcdefghij xy", width: 4), ["abcd", "efgh", "ij", "xy"])
        XCTAssertEqual(TextLayout.wrap("ok abcdefgh", width: 4), ["ok", "abcd", "efgh"])
    }

    func testWrapIsWidthAware() {
        XCTAssertEqual(TextLayout.wrap("日本語テキスト", width: 5), ["日本", "語テ", "キス", "ト"])
        XCTAssertEqual(TextLayout.wrap("日本", width: 1), ["日", "本"])
    }

    func testWrapParagraphsAndEdgeCases() {
        XCTAssertEqual(TextLayout.wrap("one\n\ntwo", width: 10), ["one", "", "two"])
        XCTAssertEqual(TextLayout.wrap("", width: 10), [""])
        XCTAssertEqual(TextLayout.wrap("text", width: 0), [])
    }

    func testWrappedLinesNeverExceedTheWidth() {
        let text = "Candidate model v4 beats the champion on AUC by 0.012 — p95 latency 48 ms, 日本語 drift none."
        for width in 1...30 {
            for line in TextLayout.wrap(text, width: width) {
                XCTAssertLessThanOrEqual(CharacterWidth.of(line), Swift.max(width, 2), "width \(width): \(line)")
                if width >= 2 { XCTAssertLessThanOrEqual(CharacterWidth.of(line), width) }
            }
        }
    }
}
