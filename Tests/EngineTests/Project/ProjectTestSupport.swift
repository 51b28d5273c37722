import XCTest
@testable import Engine

/// Helpers for project-file tests: parse text and get the error lines.
enum ProjectTestSupport {
    static let file = "flightdeck.yaml"

    static func parse(_ text: String, builtins: [String] = ["sample", "train", "evaluate"]) -> Result<ProjectSpec, ProjectErrors> {
        ProjectLoader.parse(text: text, source: file, directory: "/project", builtins: builtins)
    }

    /// The `line:col: message` of each error (the file name stripped).
    static func errors(_ text: String, builtins: [String] = ["sample", "train", "evaluate"]) -> [String] {
        switch parse(text, builtins: builtins) {
        case .success: return []
        case .failure(let errors): return errors.errors.map { "\($0.line):\($0.column): \($0.message)" }
        }
    }

    /// The project, failing the test when the text has errors.
    static func spec(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> ProjectSpec? {
        switch parse(text) {
        case .success(let spec): return spec
        case .failure(let errors):
            XCTFail("unexpected errors:\n\(errors)", file: file, line: line)
            return nil
        }
    }
}
