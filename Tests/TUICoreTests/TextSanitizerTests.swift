import TUICore
import XCTest

final class TextSanitizerTests: XCTestCase {
    /// (input, expected clean output, what it covers)
    private let corpus: [(String, String, String)] = [
        ("plain text", "plain text", "plain text is unchanged"),
        ("\u{1B}[31mred\u{1B}[0m", "red", "SGR colour"),
        ("\u{1B}[38;2;255;0;0mrgb\u{1B}[m", "rgb", "24-bit SGR"),
        ("a\u{1B}[2J\u{1B}[Hb", "ab", "clear screen and cursor home"),
        ("x\u{1B}[10;20Hy\u{1B}[3Az", "xyz", "cursor moves"),
        ("\u{1B}[?25l\u{1B}[?1049hhidden", "hidden", "private mode CSI"),
        ("\u{1B}]0;pwned\u{07}title", "title", "OSC 0 with BEL"),
        ("\u{1B}]2;pwned\u{1B}\\title", "title", "OSC 2 with ST"),
        ("\u{1B}]2;pwned\u{9C}title", "title", "OSC 2 with 8-bit ST"),
        ("\u{1B}]8;;https://evil.example\u{1B}\\click\u{1B}]8;;\u{1B}\\", "click", "OSC 8 hyperlink keeps its text"),
        ("\u{1B}P1$r0m\u{1B}\\after", "after", "DCS"),
        ("\u{1B}_apc\u{1B}\\x\u{1B}^pm\u{1B}\\y\u{1B}Xsos\u{1B}\\z", "xyz", "APC, PM, SOS"),
        ("\u{9B}31mc1\u{9B}0m", "c1", "8-bit C1 CSI"),
        ("\u{9D}0;t\u{07}osc", "osc", "8-bit OSC"),
        ("\u{90}dcs\u{9C}ok", "ok", "8-bit DCS"),
        ("\u{1B}(Bcharset\u{1B}7\u{1B}8", "charset", "two-byte escapes"),
        ("end\u{1B}", "end", "lone ESC at end"),
        ("end\u{1B}[", "end", "unfinished CSI at end"),
        ("end\u{1B}]0;never terminated", "end", "unterminated OSC swallows the rest"),
        ("a\u{0}b\u{7}c\u{7F}d\u{8}e", "abcde", "NUL, BEL, DEL, backspace"),
        ("a\u{85}b\u{8D}c", "abc", "other C1 controls"),
        ("a\u{9F}apc\u{9C}b", "ab", "8-bit APC"),
        ("\u{1B}\u{1B}[1mx", "x", "ESC ESC"),
        ("safe\u{202E}txt.exe", "safetxt.exe", "RLO bidi override"),
        ("\u{2066}iso\u{2069}\u{200F}", "iso", "bidi isolates and marks"),
        ("a\nb\rc", "abc", "line breaks are removed"),
        ("日本\u{1B}[1m語", "日本語", "wide text around escapes"),
        ("\u{1B}[31\u{1B}[0mtext", "text", "CSI interrupted by ESC starts a new escape"),
        ("\u{1B}[31é", "é", "CSI interrupted by a non-ASCII character keeps it"),
        ("\u{1B}]0;x\u{1B}[31mtext", "text", "OSC interrupted by a new escape"),
    ]

    func testCorpus() {
        for (input, expected, what) in corpus {
            XCTAssertEqual(TextSanitizer.clean(input), expected, what)
        }
    }

    func testNothingDangerousSurvives() {
        for (input, _, what) in corpus {
            let out = TextSanitizer.clean(input)
            for s in out.unicodeScalars {
                XCTAssertFalse(s.value < 0x20 || (0x7F..<0xA0).contains(s.value), "\(what): U+\(String(s.value, radix: 16))")
                XCTAssertFalse((0x202A...0x202E).contains(s.value) || (0x2066...0x2069).contains(s.value), what)
            }
        }
    }

    func testTabsExpandToTheNextStop() {
        XCTAssertEqual(TextSanitizer.clean("a\tb"), "a   b")
        XCTAssertEqual(TextSanitizer.clean("\tx"), "    x")
        XCTAssertEqual(TextSanitizer.clean("abcd\te"), "abcd    e")
        XCTAssertEqual(TextSanitizer.clean("ab\tc", tabWidth: 8), "ab      c")
        XCTAssertEqual(TextSanitizer.clean("日\tx"), "日  x")
        XCTAssertEqual(TextSanitizer.clean("\u{1B}[1mab\u{1B}[0m\tc"), "ab  c", "escapes take no columns")
    }

    func testCleanLines() {
        XCTAssertEqual(TextSanitizer.cleanLines("a\nb\r\nc\rd"), ["a", "b", "c", "d"])
        XCTAssertEqual(TextSanitizer.cleanLines("one\n\ntwo\n"), ["one", "", "two"])
        XCTAssertEqual(TextSanitizer.cleanLines("\u{1B}[32mok\u{1B}[0m\n\u{1B}]0;t\u{07}x"), ["ok", "x"])
        XCTAssertEqual(TextSanitizer.cleanLines(""), [])
    }
}
