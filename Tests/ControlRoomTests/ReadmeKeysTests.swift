import Foundation
import XCTest
@testable import ControlRoom

/// The README's key table is generated from the key map; this keeps them equal.
final class ReadmeKeysTests: XCTestCase {
    func testReadmeListsEveryKey() throws {
        let readme = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("README.md")
        let text = try String(contentsOf: readme, encoding: .utf8)
        let table = KeyMap.standard.markdownTable()
        XCTAssertTrue(text.contains(table), "README.md's key table is out of date; replace it with:\n\(table)")
    }
}
