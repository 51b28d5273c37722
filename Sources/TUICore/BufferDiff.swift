#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A run of changed cells on one row, in the order the terminal should
/// write them.
public struct CellRun: Equatable, Sendable {
    public var x: Int
    public var y: Int
    public var cells: [Cell]

    public init(x: Int, y: Int, cells: [Cell]) {
        self.x = x
        self.y = y
        self.cells = cells
    }
}

/// Computes what changed between two frames.
public enum BufferDiff {
    /// Runs of cells in `new` that differ from `old`. When the sizes differ
    /// every cell of `new` is returned. Runs never start on a continuation
    /// cell: a changed wide character is written from its first half.
    public static func runs(from old: CellBuffer?, to new: CellBuffer) -> [CellRun] {
        var result: [CellRun] = []
        let full = old == nil || old!.width != new.width || old!.height != new.height
        let w = new.width
        new.cells.withUnsafeBufferPointer { newCells in
            let oldCells = full ? [] : old!.cells
            oldCells.withUnsafeBufferPointer { oldPtr in
                for y in 0..<new.height {
                    let base = y * w
                    // Most rows are unchanged: compare them whole first (cells
                    // are plain 16-byte values without padding).
                    if !full, memcmp(newCells.baseAddress! + base, oldPtr.baseAddress! + base, w * MemoryLayout<Cell>.stride) == 0 {
                        continue
                    }
                    var x = 0
                    while x < w {
                        if !full && newCells[base + x] == oldPtr[base + x] { x += 1; continue }
                        var start = x
                        if newCells[base + start].isContinuation && start > 0 { start -= 1 }
                        var end = x + 1
                        while end < w && (full || newCells[base + end] != oldPtr[base + end] || newCells[base + end].isContinuation) {
                            end += 1
                        }
                        if let last = result.last, last.y == y, last.x + last.cells.count >= start {
                            let from = last.x + last.cells.count
                            if from < end { result[result.count - 1].cells.append(contentsOf: newCells[(base + from)..<(base + end)]) }
                        } else {
                            result.append(CellRun(x: start, y: y, cells: Array(newCells[(base + start)..<(base + end)])))
                        }
                        x = end
                    }
                }
            }
        }
        return result
    }

    /// Number of cells that differ (all cells when the sizes differ).
    public static func changedCellCount(from old: CellBuffer?, to new: CellBuffer) -> Int {
        runs(from: old, to: new).reduce(0) { $0 + $1.cells.count }
    }
}
