import TUICore
import TUITestSupport
import XCTest

final class DialogTests: XCTestCase {
    private func approval(width: Int = 40, glyphs: GlyphSet = .unicode) -> Dialog {
        var reason = TextField(text: "AUC up")
        reason.cursor = 6
        return Dialog(title: "Approve fraud-model v4?",
                      message: ["Candidate beats the champion on AUC by 0.012 and on latency p95 by 3 ms.", "Drift: none."],
                      field: reason, fieldLabel: "Reason:", footer: "Enter confirm · Esc cancel",
                      width: width, glyphs: glyphs)
    }

    func testNormalIsCentredAndWrapped() {
        var buffer = CellBuffer(width: 50, height: 14, fill: Cell("."))
        let rect = approval().render(into: &buffer, area: buffer.bounds)
        XCTAssertEqual(rect.width, 40)
        XCTAssertEqual(rect.x, 5)
        XCTAssertEqual(rect.height, 9)
        XCTAssertEqual(rect.y, 2)
        assertSnapshot(buffer, named: "normal")
        XCTAssertEqual(buffer[6, 3].scalar, " ", "the dialog clears its rectangle")
    }

    func testShrinksOnASmallScreen() {
        var buffer = CellBuffer(width: 20, height: 6)
        let rect = approval().render(into: &buffer, area: buffer.bounds)
        XCTAssertEqual(rect, buffer.bounds)
        assertSnapshot(buffer, named: "small")
        // The field and the footer survive; message lines are cut with an ellipsis.
        XCTAssertTrue(buffer.lines.contains { $0.contains("AUC up") })
        XCTAssertTrue(buffer.lines.contains { $0.contains("Enter") })
    }

    func testNarrow() {
        var buffer = CellBuffer(width: 10, height: 12)
        approval().render(into: &buffer, area: buffer.bounds)
        assertSnapshot(buffer, named: "narrow")
    }

    func testASCII() {
        var buffer = CellBuffer(width: 44, height: 12)
        let dialog = Dialog(title: "Reject v4", message: ["Reason is recorded with who and when."],
                            field: TextField(text: "latency"), fieldLabel: "Why:",
                            footer: "Enter confirm - Esc cancel", width: 36, glyphs: .ascii)
        dialog.render(into: &buffer, area: buffer.bounds)
        assertSnapshot(buffer, named: "ascii")
        assertOnlyASCII(buffer)
    }

    func testMessageOnly() {
        var buffer = CellBuffer(width: 30, height: 7)
        let rect = Dialog(title: "Info", message: ["Nothing to approve."], width: 24).render(into: &buffer, area: buffer.bounds)
        XCTAssertEqual(rect, Rect(x: 3, y: 2, width: 24, height: 3))
        assertSnapshot(buffer, named: "message-only")
    }
}
