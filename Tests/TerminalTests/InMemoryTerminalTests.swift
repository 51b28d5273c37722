import TUICore
import XCTest
@testable import Terminal

final class InMemoryTerminalTests: XCTestCase {
    private func frame(_ text: String, width: Int = 10, height: Int = 3) -> CellBuffer {
        var buffer = CellBuffer(width: width, height: height)
        buffer.put(text, x: 0, y: 0, style: .plain)
        return buffer
    }

    func testFirstDrawWritesEveryCell() {
        let terminal = InMemoryTerminal(width: 10, height: 3)
        terminal.draw(frame("hello"))
        XCTAssertEqual(terminal.cellsWrittenPerDraw, [30])
        XCTAssertEqual(terminal.drawsThatWrote, 1)
    }

    func testUnchangedFrameWritesNothing() {
        let terminal = InMemoryTerminal(width: 10, height: 3)
        terminal.draw(frame("hello"))
        terminal.draw(frame("hello"))
        XCTAssertEqual(terminal.cellsWrittenPerDraw, [30, 0])
        XCTAssertEqual(terminal.drawsThatWrote, 1)
        XCTAssertEqual(terminal.frames.count, 2)
    }

    func testOneChangedCellWritesOneCell() {
        let terminal = InMemoryTerminal(width: 10, height: 3)
        terminal.draw(frame("hello"))
        terminal.draw(frame("hallo"))
        XCTAssertEqual(terminal.cellsWrittenPerDraw.last, 1)
        XCTAssertEqual(terminal.lastFrame?.text(ofRow: 0), "hallo     ")
    }

    func testStyleChangeCountsAsWrite() {
        let terminal = InMemoryTerminal(width: 10, height: 3)
        var buffer = frame("hello")
        terminal.draw(buffer)
        buffer.restyle(Rect(x: 0, y: 0, width: 2, height: 1)) { $0.bold() }
        terminal.draw(buffer)
        XCTAssertEqual(terminal.cellsWrittenPerDraw.last, 2)
    }

    func testInvalidateForcesFullRepaint() {
        let terminal = InMemoryTerminal(width: 10, height: 3)
        terminal.draw(frame("hello"))
        terminal.invalidate()
        terminal.draw(frame("hello"))
        XCTAssertEqual(terminal.cellsWrittenPerDraw, [30, 30])
        XCTAssertEqual(terminal.drawsThatWrote, 2)
    }

    func testKeysArePoppedInOrderThenNil() {
        let terminal = InMemoryTerminal()
        terminal.enqueue(.char("j"), .enter)
        XCTAssertEqual(terminal.readKey(timeoutMilliseconds: 250), .char("j"))
        XCTAssertEqual(terminal.readKey(timeoutMilliseconds: 100), .enter)
        XCTAssertNil(terminal.readKey(timeoutMilliseconds: 0))
        XCTAssertEqual(terminal.readTimeouts, [250, 100, 0])
    }

    func testResizeChangesSizeAndQueuesResizeKey() {
        let terminal = InMemoryTerminal(width: 80, height: 24)
        terminal.resize(width: 100, height: 30)
        XCTAssertEqual(terminal.size, TerminalSize(width: 100, height: 30))
        XCTAssertEqual(terminal.readKey(timeoutMilliseconds: 0), .resize)
    }

    func testDrawAtNewSizeWritesEverything() {
        let terminal = InMemoryTerminal(width: 10, height: 3)
        terminal.draw(frame("hello"))
        terminal.draw(frame("hello", width: 12, height: 3))
        XCTAssertEqual(terminal.cellsWrittenPerDraw.last, 36)
    }

    func testRestoreIsCounted() {
        let terminal = InMemoryTerminal()
        terminal.restore()
        terminal.restore()
        XCTAssertEqual(terminal.restoreCount, 2)
    }

    func testUsableThroughTheProtocol() {
        let backend: TerminalBackend = InMemoryTerminal(width: 40, height: 10, colorDepth: .ansi8, glyphs: .ascii)
        XCTAssertEqual(backend.size, TerminalSize(width: 40, height: 10))
        XCTAssertEqual(backend.colorDepth, .ansi8)
        XCTAssertEqual(backend.glyphs, .ascii)
    }
}
