import Foundation
import TUICore
import XCTest

/// Compares a rendered buffer with a committed text snapshot.
///
/// Snapshots live in `__Snapshots__/<TestFile>/<name>.txt` beside the calling
/// test file. Set `FLIGHTDECK_RECORD_SNAPSHOTS=1` to (re)write them; a
/// missing snapshot is written and the test fails so it gets reviewed.
public func assertSnapshot(
    _ buffer: CellBuffer,
    named name: String,
    file: StaticString = #filePath,
    line: UInt = #line
) {
    let actual = SnapshotFormat.render(buffer)
    let testFile = URL(fileURLWithPath: "\(file)")
    let dir = testFile.deletingLastPathComponent()
        .appendingPathComponent("__Snapshots__")
        .appendingPathComponent(testFile.deletingPathExtension().lastPathComponent)
    let url = dir.appendingPathComponent("\(name).txt")
    let record = ProcessInfo.processInfo.environment["FLIGHTDECK_RECORD_SNAPSHOTS"].map { !$0.isEmpty && $0 != "0" } ?? false
    let existing = try? String(contentsOf: url, encoding: .utf8)
    if record || existing == nil {
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try? actual.write(to: url, atomically: true, encoding: .utf8)
        if existing == nil && !record {
            XCTFail("No snapshot '\(name)' yet; recorded it at \(url.path). Review it and run again.", file: file, line: line)
        }
        return
    }
    if existing != actual {
        let diff = SnapshotFormat.lineDiff(expected: existing!, actual: actual)
        XCTFail("Snapshot '\(name)' differs (re-record with FLIGHTDECK_RECORD_SNAPSHOTS=1):\n\(diff)", file: file, line: line)
    }
}
