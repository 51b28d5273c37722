@testable import Engine
import XCTest

/// Byte stream to log lines.
final class LogLineSplitterTests: XCTestCase {
    func testLinesSplitAcrossChunks() {
        var splitter = LogLineSplitter()
        XCTAssertEqual(splitter.append(Array("hel".utf8)), [])
        XCTAssertEqual(splitter.append(Array("lo\r\nwor".utf8)), ["hello"])
        XCTAssertEqual(splitter.append(Array("ld\n\n".utf8)), ["world", ""])
        XCTAssertNil(splitter.finish())
    }

    func testFinishReturnsThePartialLine() {
        var splitter = LogLineSplitter()
        XCTAssertEqual(splitter.append(Array("a\nrest".utf8)), ["a"])
        XCTAssertEqual(splitter.finish(), "rest")
        XCTAssertNil(splitter.finish())
    }

    func testLongLinesAreCutAtCharacterBoundaries() {
        var splitter = LogLineSplitter(maximumLineBytes: 8)
        // "aaaaaaa" + "é" (2 bytes) crosses the 8-byte limit inside "é".
        let lines = splitter.append(Array("aaaaaaaébbb\n".utf8))
        XCTAssertEqual(lines, ["aaaaaaa", "ébbb"])
        XCTAssertEqual(splitter.append(Array("0123456789abcdefX".utf8)), ["01234567", "89abcdef"])
        XCTAssertEqual(splitter.finish(), "X")
    }

    func testInvalidUTF8BecomesReplacementCharacters() {
        var splitter = LogLineSplitter()
        XCTAssertEqual(splitter.append([0x61, 0xFF, 0x62, 0x0A]), ["a\u{FFFD}b"])
    }
}
