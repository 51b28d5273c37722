import Engine
import Foundation
import XCTest
@testable import flightdeck

/// A state directory that cannot be written is refused at start with the
/// path and the system's reason (what `userFacing` prints before exit 2).
/// Skipped as root, for whom permissions do not hold.
final class UnwritableStateTests: XCTestCase {
    private var root: String!

    override func setUpWithError() throws {
        try XCTSkipIf(geteuid() == 0, "root ignores directory permissions")
        var template = Array("/tmp/flightdeck-unwritable-XXXXXX".utf8CString)
        root = String(cString: try XCTUnwrap(mkdtemp(&template)))
    }

    override func tearDown() {
        guard let root else { return }
        _ = chmod(root, 0o700)
        _ = chmod(root + "/state", 0o700)
        try? FileManager.default.removeItem(atPath: root)
    }

    private func workspace(state: String) throws -> Workspace {
        let spec = try ProjectLoader.embeddedDemo(builtins: BuiltinRegistry.standard.names).get()
        return Workspace(spec: spec, projectFile: nil, statePath: state)
    }

    func testAStateDirectoryThatCannotBeCreatedIsRefusedWithItsPathAndReason() throws {
        XCTAssertEqual(chmod(root, 0o500), 0)
        XCTAssertThrowsError(try workspace(state: root + "/state").openEngine(persist: true)) { error in
            XCTAssertEqual("\(error)", "cannot create state directory \(self.root!)/state: Permission denied")
        }
    }

    func testAnExistingStateDirectoryMadeReadOnlyIsRefusedAtStart() throws {
        let state = root + "/state"
        do {
            let opened = try workspace(state: state).openEngine(persist: true)
            opened.shutdown()
        }
        // Work files were created inside; the database's WAL files are gone after a clean close.
        XCTAssertEqual(chmod(state, 0o500), 0)
        XCTAssertThrowsError(try workspace(state: state).openEngine(persist: true)) { error in
            let text = "\(error)"
            XCTAssertTrue(text.contains(state), text)
            XCTAssertTrue(text.contains("SQLITE_CANTOPEN") || text.contains("SQLITE_READONLY") || text.contains("Permission denied"), text)
        }
    }
}
