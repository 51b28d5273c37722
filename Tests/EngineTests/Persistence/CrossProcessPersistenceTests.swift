import Engine
import Foundation
import XCTest

/// Another process holds the state directory, writes a batch and is killed
/// with SIGKILL: its lock names it while it lives, is released by the kernel
/// when it dies, and every batch it appended survives.
final class CrossProcessPersistenceTests: XCTestCase {
    func testLockHeldByAnotherProcessAndDataSurvivingItsKill() throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let statePath = temporary.file("state")
        let readyPath = temporary.file("ready")

        let child = Process()
        child.executableURL = URL(fileURLWithPath: try currentExecutable())
        child.arguments = ["EngineTests.PersistenceChildProcess/testHoldStateDirectoryUntilKilled"]
        var environment = ProcessInfo.processInfo.environment
        environment[PersistenceChildProcess.stateVariable] = statePath
        environment[PersistenceChildProcess.readyVariable] = readyPath
        child.environment = environment
        child.standardOutput = FileHandle.nullDevice
        child.standardError = FileHandle.nullDevice
        try child.run()
        defer {
            if child.isRunning {
                kill(child.processIdentifier, SIGKILL)
                child.waitUntilExit()
            }
        }

        let deadline = Date().addingTimeInterval(120)
        while !FileManager.default.fileExists(atPath: readyPath) {
            XCTAssertTrue(child.isRunning, "the child process ended before it was ready")
            guard child.isRunning, Date() < deadline else { return XCTFail("the child process never got ready") }
            usleep(20_000)
        }

        XCTAssertThrowsError(try StateDirectory(path: statePath)) { error in
            guard case let .locked(path, pid, user)? = error as? StateDirectoryError else {
                return XCTFail("not locked: \(error)")
            }
            XCTAssertEqual(path, statePath)
            XCTAssertEqual(pid, child.processIdentifier)
            XCTAssertFalse(user.isEmpty)
        }

        XCTAssertEqual(kill(child.processIdentifier, SIGKILL), 0)
        child.waitUntilExit()
        XCTAssertEqual(child.terminationReason, .uncaughtSignal)

        let directory = try StateDirectory(path: statePath)
        defer { directory.close() }
        let store = try SQLiteRunStore(directory: directory)
        defer { try? store.close() }
        XCTAssertEqual(try store.loadHistory(), PersistenceChildProcess.expectedHistory)
        XCTAssertEqual(try store.logs(run: RunID(1), step: "train", attempt: nil).count, PersistenceChildProcess.logLines)
    }

    private func currentExecutable() throws -> String {
        var buffer = [CChar](repeating: 0, count: 4096)
        let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard count > 0 else { throw XCTSkip("no /proc/self/exe on this system") }
        return String(decoding: buffer.prefix(count).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

/// Not a test of its own: the body the child process of
/// ``CrossProcessPersistenceTests`` runs. Skipped in a normal test run.
final class PersistenceChildProcess: XCTestCase {
    static let stateVariable = "FLIGHTDECK_TEST_CHILD_STATE"
    static let readyVariable = "FLIGHTDECK_TEST_CHILD_READY"
    static let logLines = 500

    static var changes: [[RunChange]] {
        typealias F = RunHistoryFixtures
        let first: [RunChange] = [.run(F.run(1)), .step(F.step(1, "train", state: .running, attempts: 1)),
                                  .attempt(F.attempt(1, "train", 1)), .meta(key: "clock", value: "1000")]
        let second: [RunChange] = (0..<logLines).map { .log(F.log(1, "train", 1, $0)) }
            + [.attempt(F.attempt(1, "train", 1, state: .failed, ended: true, exitCode: 3)),
               .step(F.step(1, "train", state: .failed, attempts: 1)), .meta(key: "clock", value: "2000")]
        return [first, second]
    }

    static var expectedHistory: RunHistory {
        typealias F = RunHistoryFixtures
        return RunHistory(runs: [F.run(1)], steps: [F.step(1, "train", state: .failed, attempts: 1)],
                          attempts: [F.attempt(1, "train", 1, state: .failed, ended: true, exitCode: 3)],
                          meta: [MetaEntry(key: "clock", value: "2000")])
    }

    func testHoldStateDirectoryUntilKilled() throws {
        let environment = ProcessInfo.processInfo.environment
        guard let statePath = environment[Self.stateVariable], let readyPath = environment[Self.readyVariable] else {
            throw XCTSkip("runs only as the child process of CrossProcessPersistenceTests")
        }
        let directory = try StateDirectory(path: statePath)
        let store = try SQLiteRunStore(directory: directory)
        for batch in Self.changes { try store.append(batch) }
        XCTAssertTrue(FileManager.default.createFile(atPath: readyPath, contents: Data()))
        // Killed here by the parent; never closes the store or the lock.
        for _ in 0..<600 { usleep(100_000) }
        XCTFail("the parent never killed this process")
        withExtendedLifetime((directory, store)) {}
    }
}
