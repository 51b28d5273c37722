import Engine
import Foundation
import XCTest

/// The state directory's files stay private: the database and its SQLite
/// `-wal` and `-shm` files are 0600 even under a permissive umask, and a
/// directory another user owns and leaves open says both.
final class StateDirectoryPermissionTests: XCTestCase {
    private var temporary: TemporaryDirectory!

    override func setUpWithError() throws {
        temporary = try TemporaryDirectory()
    }

    override func tearDown() {
        temporary?.remove()
    }

    func testDatabaseAndWALFilesAreOwnerOnly() throws {
        let old = umask(0)
        defer { umask(old) }
        let directory = try StateDirectory(path: temporary.file("state"))
        defer { directory.close() }
        let store = try SQLiteRunStore(directory: directory)
        let database = directory.databasePath
        for path in [database, database + "-wal", database + "-shm", directory.lockPath] {
            XCTAssertEqual(permissionBits(path), 0o600, path)
        }
        XCTAssertEqual(permissionBits(directory.path), 0o700)
        try store.close()
    }

    func testAnotherUsersOpenDirectoryWarnsTwice() throws {
        guard geteuid() == 0 else {
            throw XCTSkip("only root can give a directory to another user")
        }
        let path = temporary.file("theirs")
        XCTAssertEqual(mkdir(path, 0o777), 0)
        XCTAssertEqual(chmod(path, 0o777), 0)
        XCTAssertEqual(chown(path, 4242, 4242), 0)
        let directory = try StateDirectory(path: path)
        defer { directory.close() }
        XCTAssertEqual(directory.warnings.count, 2, "\(directory.warnings)")
        XCTAssertTrue(directory.warnings[0].contains("is owned by 4242"), directory.warnings[0])
        XCTAssertTrue(directory.warnings[1].contains("open to group or others (mode 0777)"), directory.warnings[1])
    }
}
