import TUICore
import TUITestSupport
import XCTest

final class CellBufferTests: XCTestCase {
    func testPutWritesAndReturnsColumns() {
        var b = CellBuffer(width: 6, height: 2)
        XCTAssertEqual(b.put("abc", x: 1, y: 0, style: .plain), 3)
        XCTAssertEqual(b.lines, [" abc  ", "      "])
    }

    func testPutClipsAtTheEdgeAndMaxWidth() {
        var b = CellBuffer(width: 5, height: 1)
        XCTAssertEqual(b.put("abcdefgh", x: 2, y: 0, style: .plain), 3)
        XCTAssertEqual(b.text(ofRow: 0), "  abc")
        XCTAssertEqual(b.put("xyz", x: 0, y: 0, maxWidth: 2, style: .plain), 2)
        XCTAssertEqual(b.text(ofRow: 0), "xyabc")
    }

    func testOutOfBoundsWritesAreIgnored() {
        var b = CellBuffer(width: 3, height: 1)
        XCTAssertEqual(b.put("abc", x: 0, y: 5, style: .plain), 0)
        XCTAssertEqual(b.put("abc", x: 0, y: -1, style: .plain), 0)
        b[7, 0] = Cell("x")
        b[-1, 0] = Cell("x")
        XCTAssertEqual(b, CellBuffer(width: 3, height: 1))
        XCTAssertEqual(b[9, 9], .blank)
    }

    func testNegativeStartClipsTheLeftPart() {
        var b = CellBuffer(width: 4, height: 1)
        b.put("abcdef", x: -2, y: 0, style: .plain)
        XCTAssertEqual(b.text(ofRow: 0), "cdef")
    }

    func testWideCharacterTakesTwoCells() {
        var b = CellBuffer(width: 5, height: 1)
        XCTAssertEqual(b.put("日本", x: 0, y: 0, style: .plain), 4)
        XCTAssertEqual(b[0, 0].width, 2)
        XCTAssertTrue(b[1, 0].isContinuation)
        XCTAssertEqual(b[2, 0].scalar, "本")
        XCTAssertEqual(b.text(ofRow: 0), "日本 ")
    }

    func testWideCharacterThatDoesNotFitBecomesASpace() {
        var b = CellBuffer(width: 3, height: 1, fill: Cell("x"))
        XCTAssertEqual(b.put("a日", x: 1, y: 0, style: .plain), 2)
        XCTAssertEqual(b.text(ofRow: 0), "xa ")
        XCTAssertFalse(b.cells.contains { $0.isContinuation })
    }

    func testOverwritingHalfOfAWideCharacterRepairsTheOtherHalf() {
        var b = CellBuffer(width: 4, height: 1)
        b.put("日", x: 0, y: 0, style: .plain)
        b.put("x", x: 1, y: 0, style: .plain)
        XCTAssertEqual(b.text(ofRow: 0), " x  ")
        XCTAssertFalse(b.cells.contains { $0.width != 1 })

        b.put("日", x: 1, y: 0, style: .plain)
        b.put("y", x: 1, y: 0, style: .plain)
        XCTAssertEqual(b.text(ofRow: 0), " y  ")
        XCTAssertFalse(b.cells.contains { $0.width != 1 })
    }

    func testWideCharacterOverAnotherWideCharacter() {
        var b = CellBuffer(width: 4, height: 1)
        b.put("日", x: 0, y: 0, style: .plain)
        b.put("本", x: 0, y: 0, style: .plain)
        XCTAssertEqual(b.text(ofRow: 0), "本  ")
        XCTAssertEqual(b[0, 0].width, 2)
        XCTAssertTrue(b[1, 0].isContinuation)

        // Shifted by one: the old character's first half must be cleared.
        b.put("語", x: 1, y: 0, style: .plain)
        XCTAssertEqual(b.text(ofRow: 0), " 語 ")
        XCTAssertEqual(b[0, 0].width, 1)
        XCTAssertEqual(b[1, 0].width, 2)
        XCTAssertTrue(b[2, 0].isContinuation)
    }

    func testControlCharactersBecomeReplacementAndCombiningMarksAreDropped() {
        var b = CellBuffer(width: 6, height: 1)
        XCTAssertEqual(b.put("a\u{1B}b\u{301}\u{9B}", x: 0, y: 0, style: .plain), 4)
        XCTAssertEqual(b.text(ofRow: 0), "a\u{FFFD}b\u{FFFD}  ")
    }

    func testPutInRectTruncatesWithEllipsis() {
        var b = CellBuffer(width: 8, height: 1)
        b.put("deployment", in: Rect(x: 1, y: 0, width: 5, height: 1), style: .plain, ellipsis: "~")
        XCTAssertEqual(b.text(ofRow: 0), " depl~  ")
    }

    func testFillRestyleAndClear() {
        var b = CellBuffer(width: 4, height: 3)
        b.fill(Rect(x: 2, y: 1, width: 5, height: 5), with: Cell("#"))
        XCTAssertEqual(b.lines, ["    ", "  ##", "  ##"])
        b.restyle(Rect(x: 0, y: 0, width: 3, height: 2)) { $0.bold() }
        XCTAssertEqual(b[2, 1].style, Style().bold())
        XCTAssertEqual(b[3, 1].style, .plain)
        b.clear()
        XCTAssertEqual(b, CellBuffer(width: 4, height: 3))
    }

    func testBlitClipsAndResizeClears() {
        var small = CellBuffer(width: 2, height: 2, fill: Cell("o"))
        var b = CellBuffer(width: 3, height: 3)
        b.blit(small, x: 2, y: 2)
        XCTAssertEqual(b.lines, ["   ", "   ", "  o"])
        small.resize(width: 1, height: 3)
        XCTAssertEqual(small.lines, [" ", " ", " "])
    }

    func testNegativeSizeIsEmpty() {
        let b = CellBuffer(width: -3, height: 2)
        XCTAssertEqual(b.width, 0)
        XCTAssertEqual(b.lines, ["", ""])
    }

    func testSnapshotOfMixedContent() {
        var b = CellBuffer(width: 10, height: 2)
        b.put("ok ✓", x: 0, y: 0, style: Style(fg: .green).bold())
        b.put("日本 €", x: 1, y: 1, style: Style(fg: .rgb(255, 128, 0), bg: .indexed(236)))
        assertSnapshot(b, named: "mixed")
    }
}
