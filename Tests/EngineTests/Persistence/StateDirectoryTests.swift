import Engine
import Foundation
import XCTest

final class StateDirectoryTests: XCTestCase {
    private var temporary: TemporaryDirectory!

    override func setUpWithError() throws {
        temporary = try TemporaryDirectory()
    }

    override func tearDown() {
        temporary?.remove()
    }

    private var me: String {
        guard let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name else { return String(geteuid()) }
        return String(cString: name)
    }

    func testCreatesDirectoryAndParentsOwnerOnly() throws {
        let old = umask(0)
        defer { umask(old) }
        let path = temporary.file("a/b/state")
        let directory = try StateDirectory(path: path + "/")
        defer { directory.close() }
        XCTAssertEqual(directory.path, path)
        XCTAssertTrue(directory.created)
        XCTAssertEqual(directory.warnings, [])
        XCTAssertEqual(permissionBits(path), 0o700)
        XCTAssertEqual(permissionBits(directory.lockPath), 0o600)
        XCTAssertEqual(directory.databasePath, path + "/state.db")
        try directory.secureFile(named: "state.db")
        XCTAssertEqual(permissionBits(directory.databasePath), 0o600)
    }

    func testLockFileNamesTheHolder() throws {
        let directory = try StateDirectory(path: temporary.file("state"))
        defer { directory.close() }
        let contents = try String(contentsOfFile: directory.lockPath, encoding: .utf8)
        let fields = contents.split(separator: " ")
        XCTAssertEqual(fields.count, 3, contents)
        XCTAssertEqual(fields.first.map(String.init), String(getpid()))
        XCTAssertEqual(fields.dropFirst().first.map(String.init), me)
        XCTAssertTrue(contents.hasSuffix("\n"))
    }

    func testSecondOpenIsLockedAndNamesUs() throws {
        let path = temporary.file("state")
        let first = try StateDirectory(path: path)
        defer { first.close() }
        XCTAssertThrowsError(try StateDirectory(path: path)) { error in
            XCTAssertEqual(error as? StateDirectoryError, .locked(path: path, pid: getpid(), user: self.me))
            XCTAssertEqual(String(describing: error),
                           "state directory \(path) is in use by pid \(getpid()) (user \(self.me)); "
                           + "stop that flightdeck first or use --state DIR")
        }
        XCTAssertTrue(first.isOpen, "a failed second open leaves the first lock alone")
        XCTAssertThrowsError(try StateDirectory(path: path))
    }

    func testCloseReleasesTheLock() throws {
        let path = temporary.file("state")
        let first = try StateDirectory(path: path)
        first.close()
        XCTAssertFalse(first.isOpen)
        first.close()
        let second = try StateDirectory(path: path)
        XCTAssertFalse(second.created)
        second.close()
    }

    func testReleasingTheObjectReleasesTheLock() throws {
        let path = temporary.file("state")
        do {
            let first = try StateDirectory(path: path)
            XCTAssertTrue(first.isOpen)
        }
        let second = try StateDirectory(path: path)
        second.close()
    }

    func testExistingDirectoryOpenToOthersWarns() throws {
        let path = temporary.file("shared")
        XCTAssertEqual(mkdir(path, 0o755), 0)
        XCTAssertEqual(chmod(path, 0o755), 0)
        let directory = try StateDirectory(path: path)
        defer { directory.close() }
        XCTAssertFalse(directory.created)
        XCTAssertEqual(directory.warnings, [
            "state directory \(path) is open to group or others (mode 0755); "
                + "its run history and logs may be readable by them — chmod 700 \(path)",
        ])
        XCTAssertEqual(permissionBits(path), 0o755, "an existing directory's mode is the operator's to change")
    }

    func testADirectorySharedWithItsGroupGetsGroupFilesSoMembersCanAttach() throws {
        let path = temporary.file("team")
        XCTAssertEqual(mkdir(path, 0o700), 0)
        XCTAssertEqual(chmod(path, 0o2770), 0)
        let directory = try StateDirectory(path: path)
        defer { directory.close() }
        XCTAssertEqual(directory.fileMode, 0o660)
        XCTAssertEqual(permissionBits(directory.lockPath), 0o660, "a member must open the lock to find the engine and attach")
        let database = try directory.secureFile(named: StateDirectory.databaseFileName)
        XCTAssertEqual(permissionBits(database), 0o660)
        XCTAssertEqual(directory.warnings.count, 1)
        XCTAssertTrue(directory.warnings[0].contains("is shared with group"), directory.warnings[0])
        XCTAssertTrue(directory.warnings[0].contains("(mode 2770)"), directory.warnings[0])
        // Opened to others as well: the files stay private and it warns.
        XCTAssertEqual(chmod(path, 0o777), 0)
        XCTAssertEqual(directory.fileMode, 0o600)
    }

    func testExistingPrivateDirectoryDoesNotWarn() throws {
        let path = temporary.file("private")
        XCTAssertEqual(mkdir(path, 0o700), 0)
        let directory = try StateDirectory(path: path)
        defer { directory.close() }
        XCTAssertEqual(directory.warnings, [])
    }

    func testDirectoryOfAnotherUserWarns() throws {
        guard geteuid() == 0 else {
            throw XCTSkip("only root can give a directory to another user")
        }
        let path = temporary.file("theirs")
        XCTAssertEqual(mkdir(path, 0o700), 0)
        XCTAssertEqual(chown(path, 4242, 4242), 0)
        let directory = try StateDirectory(path: path)
        defer { directory.close() }
        XCTAssertEqual(directory.warnings, ["state directory \(path) is owned by 4242, not by \(me)"])
    }

    func testPathThatIsAFileIsRefused() throws {
        let path = temporary.file("file")
        XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: Data("x".utf8)))
        XCTAssertThrowsError(try StateDirectory(path: path)) { error in
            XCTAssertEqual(error as? StateDirectoryError, .notADirectory(path: path))
            XCTAssertEqual(String(describing: error),
                           "state directory \(path) exists and is not a directory; remove it or use --state DIR")
        }
    }

    func testParentThatIsAFileNamesPathAndReason() throws {
        let parent = temporary.file("file")
        XCTAssertTrue(FileManager.default.createFile(atPath: parent, contents: Data("x".utf8)))
        let path = parent + "/state"
        XCTAssertThrowsError(try StateDirectory(path: path)) { error in
            XCTAssertEqual(String(describing: error), "cannot create state directory \(path): \(parent): Not a directory")
        }
    }

    func testUnwritableDirectoryNamesTheLockFile() throws {
        guard geteuid() != 0 else {
            throw XCTSkip("root writes through chmod 0500; the not-a-directory tests cover the error path as root")
        }
        let path = temporary.file("readonly")
        XCTAssertEqual(mkdir(path, 0o500), 0)
        XCTAssertThrowsError(try StateDirectory(path: path)) { error in
            XCTAssertEqual(String(describing: error), "cannot open lock file \(path)/lock: Permission denied")
        }
    }

    func testDefaultPathIsNextToTheProjectFile() {
        XCTAssertEqual(StateDirectory.defaultPath(forProjectFile: "/home/a/proj/flightdeck.yaml"), "/home/a/proj/.flightdeck")
        XCTAssertEqual(StateDirectory.defaultPath(forProjectFile: "proj/flightdeck.yaml"), "proj/.flightdeck")
        XCTAssertEqual(StateDirectory.defaultPath(forProjectFile: "flightdeck.yaml"), ".flightdeck")
        XCTAssertEqual(StateDirectory.defaultPath(forProjectFile: "/flightdeck.yaml"), "/.flightdeck")
    }
}
