import Engine
import Foundation
import XCTest

/// `FileArtifactHasher` streams files through SHA-256.
final class FileArtifactHasherTests: XCTestCase {
    private var directory = ""

    override func setUp() {
        directory = ShellTestSupport.temporaryDirectory()
    }

    override func tearDown() {
        try? FileManager.default.removeItem(atPath: directory)
    }

    func testHashAndSizeOfASmallFile() throws {
        let path = directory + "/abc.txt"
        try Data("abc".utf8).write(to: URL(fileURLWithPath: path))
        let result = try FileArtifactHasher().hash(path: path)
        XCTAssertEqual(result.sha256, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        XCTAssertEqual(result.size, 3)
    }

    func testFileLargerThanOneChunk() throws {
        let path = directory + "/million.txt"
        try Data(repeating: 0x61, count: 1_000_000).write(to: URL(fileURLWithPath: path))
        let result = try FileArtifactHasher().hash(path: path)
        XCTAssertEqual(result.sha256, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
        XCTAssertEqual(result.size, 1_000_000)
    }

    func testEmptyFile() throws {
        let path = directory + "/empty"
        try Data().write(to: URL(fileURLWithPath: path))
        let result = try FileArtifactHasher().hash(path: path)
        XCTAssertEqual(result.sha256, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        XCTAssertEqual(result.size, 0)
    }

    func testMissingFileAndDirectoryThrow() {
        XCTAssertThrowsError(try FileArtifactHasher().hash(path: directory + "/missing")) { error in
            XCTAssertEqual((error as? ArtifactHashError)?.path, directory + "/missing")
            XCTAssertEqual((error as? ArtifactHashError)?.reason, "No such file or directory")
        }
        XCTAssertThrowsError(try FileArtifactHasher().hash(path: directory)) { error in
            XCTAssertEqual((error as? ArtifactHashError)?.reason, "Is a directory")
        }
    }
}
