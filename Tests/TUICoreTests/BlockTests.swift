import TUICore
import TUITestSupport
import XCTest

final class BlockTests: XCTestCase {
    func testTitlesAndInnerRect() {
        var buffer = CellBuffer(width: 24, height: 4)
        let inner = Block(title: "Runs", titleRight: "3/10", borderStyle: Style(fg: .cyan))
            .render(into: &buffer, area: buffer.bounds)
        XCTAssertEqual(inner, Rect(x: 1, y: 1, width: 22, height: 2))
        assertSnapshot(buffer, named: "titles")
    }

    func testLongTitleIsTruncatedAndRightTitleKept() {
        var buffer = CellBuffer(width: 20, height: 3)
        Block(title: "Pipeline runs of the retrain pipeline", titleRight: "12").render(into: &buffer, area: buffer.bounds)
        assertSnapshot(buffer, named: "long-title")
        XCTAssertTrue(buffer.text(ofRow: 0).contains("…"))
        XCTAssertTrue(buffer.text(ofRow: 0).hasSuffix(" 12 ┐"))
    }

    func testNarrowDropsTheRightTitle() {
        var buffer = CellBuffer(width: 9, height: 3)
        Block(title: "Deployments", titleRight: "canary").render(into: &buffer, area: buffer.bounds)
        assertSnapshot(buffer, named: "narrow")
        XCTAssertFalse(buffer.text(ofRow: 0).contains("canary"))
    }

    func testASCIIGlyphsAndFill() {
        var buffer = CellBuffer(width: 16, height: 4, fill: Cell("x"))
        Block(title: "Models", titleRight: "ok", fillStyle: .plain, glyphs: .ascii).render(into: &buffer, area: buffer.bounds)
        assertSnapshot(buffer, named: "ascii")
        assertOnlyASCII(buffer)
        XCTAssertEqual(buffer.text(ofRow: 1), "|              |")
    }

    func testTinyAndEmptyAreas() {
        var buffer = CellBuffer(width: 3, height: 3)
        XCTAssertEqual(Block(title: "T").render(into: &buffer, area: .zero), .zero)
        XCTAssertEqual(buffer, CellBuffer(width: 3, height: 3))
        let inner = Block(title: "Title").render(into: &buffer, area: Rect(x: 0, y: 0, width: 2, height: 2))
        XCTAssertTrue(inner.isEmpty)
        XCTAssertEqual(buffer.lines, ["┌┐ ", "└┘ ", "   "])
    }
}
