import Engine
import Foundation
import XCTest

/// `CodeVersion.describe` reads `git describe` of a directory.
final class CodeVersionTests: XCTestCase {
    private var directory = ""

    override func setUp() {
        directory = ShellTestSupport.temporaryDirectory()
    }

    override func tearDown() {
        try? FileManager.default.removeItem(atPath: directory)
    }

    private func git(_ arguments: String) throws {
        let run = ShellTestSupport.run(ShellTestSupport.request(
            "git -c user.name=test -c user.email=test@example.com -c init.defaultBranch=main -c commit.gpgsign=false \(arguments)",
            workingDirectory: directory))
        guard run.outcome?.exitCode == 0 else {
            throw XCTSkip("git is not usable here: \(run.stderr.joined(separator: " "))")
        }
    }

    func testNotARepositoryIsNil() {
        XCTAssertNil(CodeVersion.describe(directory: directory))
    }

    func testMissingDirectoryIsNil() {
        XCTAssertNil(CodeVersion.describe(directory: directory + "/missing"))
    }

    func testTaggedCleanAndDirtyRepository() throws {
        try git("init -q")
        try Data("one\n".utf8).write(to: URL(fileURLWithPath: directory + "/file.txt"))
        try git("add file.txt")
        try git("commit -q -m first")
        let hashOnly = try XCTUnwrap(CodeVersion.describe(directory: directory))
        XCTAssertTrue(hashOnly.range(of: "^[0-9a-f]{7,}$", options: .regularExpression) != nil, hashOnly)
        try git("tag v1.2.0")
        XCTAssertEqual(CodeVersion.describe(directory: directory), "v1.2.0")
        try Data("two\n".utf8).write(to: URL(fileURLWithPath: directory + "/file.txt"))
        XCTAssertEqual(CodeVersion.describe(directory: directory), "v1.2.0-dirty")
    }
}
