import TUICore
import TUITestSupport
import XCTest

final class TableTests: XCTestCase {
    private let columns = [
        TableColumn("Run", width: .length(6)),
        TableColumn("Status", width: .fill()),
        TableColumn("Dur", width: .length(5), alignment: .right),
    ]

    private func rows(_ count: Int) -> [TableRow] {
        (0..<count).map { i in
            TableRow(["r\(i)", i % 3 == 0 ? "failed" : "succeeded", "\(i * 7)s"],
                     cellStyles: [nil, i % 3 == 0 ? Style(fg: .red) : nil])
        }
    }

    func testNormal() {
        var buffer = CellBuffer(width: 26, height: 5)
        Table(columns: columns, rows: rows(3), selected: 1).render(into: &buffer, area: buffer.bounds)
        assertSnapshot(buffer, named: "normal")
        XCTAssertEqual(buffer.text(ofRow: 0), "Run    Status          Dur")
    }

    func testSelectionBelowTheWindowScrolls() {
        var buffer = CellBuffer(width: 26, height: 4)
        Table(columns: columns, rows: rows(10), selected: 7).render(into: &buffer, area: buffer.bounds)
        assertSnapshot(buffer, named: "scrolled")
        XCTAssertTrue(buffer.text(ofRow: 3).hasPrefix("r7"))
        XCTAssertEqual(buffer[0, 3].style, Style().reversed())
    }

    func testOffsetWithoutSelection() {
        var buffer = CellBuffer(width: 26, height: 4)
        Table(columns: columns, rows: rows(10), offset: 4).render(into: &buffer, area: buffer.bounds)
        XCTAssertTrue(buffer.text(ofRow: 1).hasPrefix("r4"))
        Table(columns: columns, rows: rows(10), offset: 99).render(into: &buffer, area: buffer.bounds)
        XCTAssertTrue(buffer.text(ofRow: 3).hasPrefix("r9"))
    }

    func testNarrowTruncatesCells() {
        var buffer = CellBuffer(width: 10, height: 3)
        let table = Table(columns: [TableColumn("Name", width: .fill()), TableColumn("Value", width: .fill(), alignment: .right)],
                          rows: [TableRow(["learning_rate", "0.0003"])])
        table.render(into: &buffer, area: buffer.bounds)
        assertSnapshot(buffer, named: "narrow")
        XCTAssertEqual(buffer.text(ofRow: 1), "lear… 0.0…")
    }

    func testASCII() {
        var buffer = CellBuffer(width: 20, height: 4)
        Table(columns: columns, rows: rows(6), selected: 4, glyphs: .ascii).render(into: &buffer, area: buffer.bounds)
        assertSnapshot(buffer, named: "ascii")
        assertOnlyASCII(buffer)
    }

    func testEmptyShowsHeaderAndPlaceholder() {
        var buffer = CellBuffer(width: 20, height: 3)
        Table(columns: columns, rows: [], selected: 0, placeholder: "no runs yet").render(into: &buffer, area: buffer.bounds)
        assertSnapshot(buffer, named: "empty")
        XCTAssertEqual(buffer.text(ofRow: 1), "no runs yet         ")
    }

    func testScrollOffset() {
        XCTAssertEqual(Table.scrollOffset(selected: nil, offset: 3, visibleRows: 5, rowCount: 20), 3)
        XCTAssertEqual(Table.scrollOffset(selected: nil, offset: 30, visibleRows: 5, rowCount: 20), 15)
        XCTAssertEqual(Table.scrollOffset(selected: nil, offset: -2, visibleRows: 5, rowCount: 20), 0)
        XCTAssertEqual(Table.scrollOffset(selected: 2, offset: 10, visibleRows: 5, rowCount: 20), 2)
        XCTAssertEqual(Table.scrollOffset(selected: 12, offset: 0, visibleRows: 5, rowCount: 20), 8)
        XCTAssertEqual(Table.scrollOffset(selected: 9, offset: 7, visibleRows: 5, rowCount: 20), 7)
        XCTAssertEqual(Table.scrollOffset(selected: 50, offset: 0, visibleRows: 5, rowCount: 20), 15)
        XCTAssertEqual(Table.scrollOffset(selected: 1, offset: 4, visibleRows: 5, rowCount: 3), 0)
        XCTAssertEqual(Table.scrollOffset(selected: 1, offset: 4, visibleRows: 0, rowCount: 3), 0)
    }
}
