import TUICore
import XCTest

/// Fails when any cell of `buffer` holds a non-ASCII scalar.
func assertOnlyASCII(_ buffer: CellBuffer, file: StaticString = #filePath, line: UInt = #line) {
    for (y, row) in buffer.lines.enumerated() {
        for scalar in row.unicodeScalars where !scalar.isASCII {
            XCTFail("row \(y) holds non-ASCII U+\(String(scalar.value, radix: 16, uppercase: true)): \(row)", file: file, line: line)
            return
        }
    }
}
