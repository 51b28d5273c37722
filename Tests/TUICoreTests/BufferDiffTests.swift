import TUICore
import XCTest

final class BufferDiffTests: XCTestCase {
    func testNoOldFrameGivesEverything() {
        var b = CellBuffer(width: 3, height: 2)
        b.put("ab", x: 0, y: 0, style: .plain)
        let runs = BufferDiff.runs(from: nil, to: b)
        XCTAssertEqual(runs.map(\.y), [0, 1])
        XCTAssertEqual(runs.map(\.cells.count), [3, 3])
        XCTAssertEqual(BufferDiff.changedCellCount(from: nil, to: b), 6)
    }

    func testIdenticalFramesGiveNothing() {
        var b = CellBuffer(width: 5, height: 2)
        b.put("日x", x: 0, y: 1, style: .plain)
        XCTAssertEqual(BufferDiff.runs(from: b, to: b), [])
    }

    func testOneChangedCell() {
        let old = CellBuffer(width: 5, height: 2)
        var new = old
        new.put("7", x: 3, y: 1, style: .plain)
        XCTAssertEqual(BufferDiff.runs(from: old, to: new), [CellRun(x: 3, y: 1, cells: [Cell("7")])])
    }

    func testSeparateChangesOnARowAreSeparateRuns() {
        let old = CellBuffer(width: 8, height: 1)
        var new = old
        new.put("a", x: 1, y: 0, style: .plain)
        new.put("b", x: 5, y: 0, style: .plain)
        let runs = BufferDiff.runs(from: old, to: new)
        XCTAssertEqual(runs.map(\.x), [1, 5])
    }

    func testStyleOnlyChangeIsAChange() {
        let old = CellBuffer(width: 3, height: 1)
        var new = old
        new.restyle(Rect(x: 1, y: 0, width: 1, height: 1)) { $0.reversed() }
        XCTAssertEqual(BufferDiff.runs(from: old, to: new).map(\.x), [1])
    }

    func testChangedWideCharacterIsWrittenWithBothHalves() {
        var old = CellBuffer(width: 6, height: 1)
        old.put("日", x: 2, y: 0, style: .plain)
        var new = CellBuffer(width: 6, height: 1)
        new.put("本", x: 2, y: 0, style: .plain)
        let runs = BufferDiff.runs(from: old, to: new)
        XCTAssertEqual(runs.count, 1)
        XCTAssertEqual(runs[0].x, 2)
        XCTAssertEqual(runs[0].cells.map(\.width), [2, 0])
    }

    func testRunNeverStartsOnAContinuationCell() {
        var old = CellBuffer(width: 6, height: 1)
        old.put("日", x: 2, y: 0, style: .plain)
        var new = old
        // Only the continuation cell's style differs.
        new[3, 0] = Cell(" ", style: Style().bold(), width: 0)
        let runs = BufferDiff.runs(from: old, to: new)
        XCTAssertEqual(runs.first?.x, 2)
        XCTAssertFalse(runs.contains { $0.cells.first?.isContinuation ?? false })
    }

    func testWideReplacedByNarrowRewritesBothCells() {
        var old = CellBuffer(width: 4, height: 1)
        old.put("日", x: 0, y: 0, style: .plain)
        var new = CellBuffer(width: 4, height: 1)
        new.put("ab", x: 0, y: 0, style: .plain)
        let runs = BufferDiff.runs(from: old, to: new)
        XCTAssertEqual(runs, [CellRun(x: 0, y: 0, cells: [Cell("a"), Cell("b")])])
    }

    func testSizeChangeGivesEveryCell() {
        let old = CellBuffer(width: 3, height: 2)
        let new = CellBuffer(width: 4, height: 2)
        XCTAssertEqual(BufferDiff.changedCellCount(from: old, to: new), 8)
        let shorter = CellBuffer(width: 3, height: 1)
        XCTAssertEqual(BufferDiff.changedCellCount(from: old, to: shorter), 3)
        XCTAssertEqual(BufferDiff.runs(from: old, to: CellBuffer(width: 0, height: 0)), [])
    }

    func testApplyingRunsReproducesTheNewFrame() {
        var old = CellBuffer(width: 12, height: 3)
        old.put("status: ok  日本", x: 0, y: 0, style: .plain)
        old.put("p95 12ms", x: 2, y: 2, style: Style(fg: .green))
        var new = old
        new.put("status: 失败", x: 0, y: 0, style: Style(fg: .red))
        new.put("p95 48ms", x: 2, y: 2, style: Style(fg: .yellow))
        var screen = old
        for run in BufferDiff.runs(from: old, to: new) {
            for (i, cell) in run.cells.enumerated() { screen[run.x + i, run.y] = cell }
        }
        XCTAssertEqual(screen, new)
    }
}
