import Foundation
import XCTest
@testable import Engine

/// The Data part of docs/project-file.md stays in step with the reader.
final class DataDocsTests: XCTestCase {
    private func docs() throws -> String {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        return try String(contentsOf: root.appendingPathComponent("docs/project-file.md"), encoding: .utf8)
    }

    func testEveryDataKeyIsDocumented() throws {
        let text = try docs()
        for key in DataSection.keys + DataFeatureReader.keys + DataSection.labelKeys + DataDriftReader.kinds {
            XCTAssertTrue(text.contains("| `\(key)` |"), "docs/project-file.md has no row for '\(key)'")
        }
        for key in DataDriftReader.otherKeys + DataDriftReader.conceptKeys {
            XCTAssertTrue(text.contains("`\(key)"), "docs/project-file.md does not mention '\(key)'")
        }
    }

    func testExampleHasADataSectionAndTheDriftSnippetIsValid() throws {
        let text = try docs()
        let example = try XCTUnwrap(ProjectTestSupport.spec(try block(in: text, fence: "```yaml\n")))
        XCTAssertEqual(example.data?.features.map(\.name), ["amount", "merchant"])
        let snippet = try block(in: text, fence: "```text\ndrift:\n")
        let project = """
        project: demo
        data:
          features:
            amount: {normal: {mean: 50, sd: 20}, min: 0}
            merchant: {categorical: {online: 0.6, store: 0.3, atm: 0.1}}
          label: {intercept: -3, weights: {amount: 0.02}}
          drift:

        """ + snippet
        XCTAssertEqual(try XCTUnwrap(ProjectTestSupport.spec(project)).data?.drift.count, 6)
    }

    /// The text after `fence` up to the closing fence.
    private func block(in text: String, fence: String) throws -> String {
        let start = try XCTUnwrap(text.range(of: fence))
        let end = try XCTUnwrap(text.range(of: "```", range: start.upperBound..<text.endIndex))
        return String(text[start.upperBound..<end.lowerBound])
    }
}
