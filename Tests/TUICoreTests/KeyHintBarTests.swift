import TUICore
import TUITestSupport
import XCTest

final class KeyHintBarTests: XCTestCase {
    private let hints = [
        KeyHint(key: "q", label: "Quit"),
        KeyHint(key: "?", label: "Help"),
        KeyHint(key: "Enter", label: "Open"),
        KeyHint(key: "/", label: "Filter"),
    ]

    func testNormal() {
        var buffer = CellBuffer(width: 40, height: 1)
        KeyHintBar(hints: hints).render(into: &buffer, area: buffer.bounds)
        assertSnapshot(buffer, named: "normal")
        XCTAssertEqual(buffer.text(ofRow: 0), " q Quit  ? Help  Enter Open  / Filter   ")
        XCTAssertEqual(buffer[1, 0].style, Style().reversed())
        XCTAssertEqual(buffer[2, 0].style, .plain)
    }

    func testDropsWholeHintsFromTheEnd() {
        var buffer = CellBuffer(width: 18, height: 1)
        KeyHintBar(hints: hints).render(into: &buffer, area: buffer.bounds)
        assertSnapshot(buffer, named: "dropped")
        XCTAssertEqual(buffer.text(ofRow: 0), " q Quit  ? Help … ")
        XCTAssertEqual(KeyHintBar(hints: hints).fittingCount(width: 18), 2)
    }

    func testNarrow() {
        var buffer = CellBuffer(width: 8, height: 1)
        KeyHintBar(hints: hints).render(into: &buffer, area: buffer.bounds)
        assertSnapshot(buffer, named: "narrow")
        XCTAssertEqual(buffer.text(ofRow: 0), " q Quit ")
        var tiny = CellBuffer(width: 4, height: 1)
        KeyHintBar(hints: hints).render(into: &tiny, area: tiny.bounds)
        XCTAssertEqual(tiny.text(ofRow: 0), " …  ")
    }

    func testASCII() {
        var buffer = CellBuffer(width: 14, height: 1)
        KeyHintBar(hints: hints, glyphs: .ascii).render(into: &buffer, area: buffer.bounds)
        assertSnapshot(buffer, named: "ascii")
        assertOnlyASCII(buffer)
    }

    func testEmpty() {
        var buffer = CellBuffer(width: 6, height: 1)
        KeyHintBar(hints: [], labelStyle: Style().dim()).render(into: &buffer, area: buffer.bounds)
        XCTAssertEqual(buffer.text(ofRow: 0), "      ")
        XCTAssertEqual(buffer[5, 0].style, Style().dim())
    }
}
