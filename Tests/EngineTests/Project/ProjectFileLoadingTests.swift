import Foundation
import XCTest
@testable import Engine

/// `ProjectLoader.load(path:)`: reading the file and file-level errors.
final class ProjectFileLoadingTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("flightdeck-project-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try FileManager.default.removeItem(at: directory)
    }

    private func write(_ bytes: [UInt8], name: String = "flightdeck.yaml") throws -> String {
        let url = directory.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    private func errors(_ result: Result<ProjectSpec, ProjectErrors>) -> [String] {
        guard case .failure(let errors) = result else { return [] }
        return errors.errors.map(\.description)
    }

    func testLoadsAFileAndRecordsItsDirectory() throws {
        let path = try write(Array("project: demo\npipelines:\n  p:\n    steps:\n      a: {run: \"true\"}\n".utf8))
        let spec = try ProjectLoader.load(path: path, builtins: []).get()
        XCTAssertEqual(spec.name, "demo")
        XCTAssertEqual(spec.source, path)
        XCTAssertEqual(spec.directory, directory.standardizedFileURL.path)
    }

    func testErrorsNameTheFile() throws {
        let path = try write(Array("project: demo\nseed: x\n".utf8))
        XCTAssertEqual(errors(ProjectLoader.load(path: path, builtins: [])),
                       ["\(path):2:7: error: seed: expected an integer from 0 to 18446744073709551615, found 'x'"])
    }

    func testMissingFile() {
        let path = directory.appendingPathComponent("nope.yaml").path
        XCTAssertEqual(errors(ProjectLoader.load(path: path, builtins: [])),
                       ["\(path): error: cannot read the project file: no such file; expected a YAML project file such as flightdeck.yaml"])
    }

    func testDirectoryInsteadOfFile() {
        XCTAssertEqual(errors(ProjectLoader.load(path: directory.path, builtins: [])),
                       ["\(directory.path): error: cannot read the project file: it is a directory; expected a YAML project file such as flightdeck.yaml"])
    }

    func testEmptyFile() throws {
        let path = try write([])
        XCTAssertEqual(errors(ProjectLoader.load(path: path, builtins: [])),
                       ["\(path):1:1: error: the project file is empty; expected a mapping with at least project: NAME"])
    }

    func testInvalidUTF8IsPlaced() throws {
        let path = try write(Array("project: demo\nseed: 4".utf8) + [0xFF, 0x0A])
        XCTAssertEqual(errors(ProjectLoader.load(path: path, builtins: [])),
                       ["\(path):2:8: error: invalid UTF-8; expected a UTF-8 text file"])
    }
}
