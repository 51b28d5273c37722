import TUICore
import TUITestSupport
import XCTest

final class ListViewTests: XCTestCase {
    private func items(_ count: Int) -> [ListItem] {
        (0..<count).map { ListItem("model-v\($0)", style: $0 == 2 ? Style(fg: .yellow) : nil) }
    }

    func testNormalWithMarker() {
        var buffer = CellBuffer(width: 16, height: 4)
        ListView(items: items(3), selected: 1, marker: "> ").render(into: &buffer, area: buffer.bounds)
        assertSnapshot(buffer, named: "normal")
        XCTAssertEqual(buffer.lines, ["  model-v0      ", "> model-v1      ", "  model-v2      ", "                "])
    }

    func testSelectionScrollsIntoView() {
        var buffer = CellBuffer(width: 16, height: 3)
        ListView(items: items(9), selected: 6).render(into: &buffer, area: buffer.bounds)
        assertSnapshot(buffer, named: "scrolled")
        XCTAssertTrue(buffer.text(ofRow: 2).hasPrefix("model-v6"))
        XCTAssertEqual(buffer[0, 2].style, Style().reversed())
    }

    func testNarrow() {
        var buffer = CellBuffer(width: 6, height: 2)
        ListView(items: items(2), selected: 0, marker: "> ").render(into: &buffer, area: buffer.bounds)
        assertSnapshot(buffer, named: "narrow")
        XCTAssertEqual(buffer.text(ofRow: 0), "> mod…")
    }

    func testASCIIWithScrollBar() {
        var buffer = CellBuffer(width: 10, height: 3)
        ListView(items: items(8), selected: 7, marker: "*", glyphs: .ascii).render(into: &buffer, area: buffer.bounds)
        assertSnapshot(buffer, named: "ascii")
        assertOnlyASCII(buffer)
    }

    func testEmpty() {
        var buffer = CellBuffer(width: 10, height: 2)
        ListView(items: [], selected: 0, placeholder: "none").render(into: &buffer, area: buffer.bounds)
        assertSnapshot(buffer, named: "empty")
        XCTAssertEqual(buffer.lines, ["none      ", "          "])
    }
}
