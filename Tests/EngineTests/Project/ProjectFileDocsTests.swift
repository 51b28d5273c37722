import Foundation
import XCTest
@testable import Engine

/// docs/project-file.md stays in step with the loader.
final class ProjectFileDocsTests: XCTestCase {
    private func docs() throws -> String {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        return try String(contentsOf: root.appendingPathComponent("docs/project-file.md"), encoding: .utf8)
    }

    func testExampleIsValid() throws {
        let text = try docs()
        let start = try XCTUnwrap(text.range(of: "```yaml\n"))
        let end = try XCTUnwrap(text.range(of: "```", range: start.upperBound..<text.endIndex))
        let example = String(text[start.upperBound..<end.lowerBound])
        XCTAssertEqual(ProjectTestSupport.errors(example, builtins: []), [])
    }

    func testEveryKeyHasARow() throws {
        let text = try docs()
        let keys = ProjectLoader.topLevelKeys + PipelineReader.keys + StepReader.keys
        for key in keys {
            XCTAssertTrue(text.contains("| `\(key)` |"), "docs/project-file.md has no row for '\(key)'")
        }
        for rule in TriggerRule.allCases {
            XCTAssertTrue(text.contains("`\(rule.rawValue)`"), rule.rawValue)
        }
    }
}
