import TUICore
import XCTest

final class ScrollBarTests: XCTestCase {
    func testThumbSizeAndPosition() {
        XCTAssertEqual(ScrollBar(total: 20, visible: 5, offset: 0).thumb(height: 5).start, 0)
        XCTAssertEqual(ScrollBar(total: 20, visible: 5, offset: 0).thumb(height: 5).length, 1)
        XCTAssertEqual(ScrollBar(total: 20, visible: 5, offset: 15).thumb(height: 5).start, 4)
        XCTAssertEqual(ScrollBar(total: 10, visible: 5, offset: 5).thumb(height: 10).start, 5)
        XCTAssertEqual(ScrollBar(total: 10, visible: 5, offset: 5).thumb(height: 10).length, 5)
        XCTAssertEqual(ScrollBar(total: 10, visible: 5, offset: 99).thumb(height: 10).start, 5, "offset is clamped")
    }

    func testNothingDrawnWhenEverythingIsVisible() {
        var buffer = CellBuffer(width: 1, height: 3)
        let bar = ScrollBar(total: 3, visible: 3, offset: 0)
        XCTAssertFalse(bar.isNeeded)
        bar.render(into: &buffer, area: buffer.bounds)
        XCTAssertEqual(buffer, CellBuffer(width: 1, height: 3))
    }

    func testASCIITrackAndThumb() {
        var buffer = CellBuffer(width: 1, height: 4)
        ScrollBar(total: 8, visible: 4, offset: 4, glyphs: .ascii).render(into: &buffer, area: buffer.bounds)
        XCTAssertEqual(buffer.lines, ["|", "|", "#", "#"])
    }
}
