import Foundation
import XCTest
@testable import Engine

/// In fast-forward, results of processes that end within a moment are
/// applied without writing the run history first; the history is written
/// at least every `quickShellStepsPerWrite` such results and at the end.
final class QuickShellWriteTests: XCTestCase {
    /// Every process ends as soon as the engine waits for it.
    final class QuickLauncher: ShellLauncher, @unchecked Sendable {
        private let lock = NSLock()
        private var running: [AttemptKey] = []
        private var inbox: [ShellEvent] = []
        private(set) var waits: [Int] = []

        func launch(_ request: ShellRequest) { lock.withLock { running.append(request.key) } }
        func cancel(_ key: AttemptKey) {}
        func drain() -> [ShellEvent] {
            lock.withLock {
                defer { inbox.removeAll() }
                return inbox
            }
        }
        func waitForEvent(milliseconds: Int) -> Bool {
            lock.withLock {
                waits.append(milliseconds)
                guard !running.isEmpty else { return !inbox.isEmpty }
                inbox.append(.finished(running.removeFirst(), ShellOutcome(exitCode: 0, realDurationMilliseconds: 1)))
                return true
            }
        }
        var runningCount: Int { lock.withLock { running.count } }
    }

    func testABurstOfQuickStepsIsWrittenInFewAppends() throws {
        let steps = (0..<40).map { PT.shell("s\($0)", "true", needs: $0 == 0 ? [] : ["s\($0 - 1)"]) }
        let store = InMemoryRunStore()
        let launcher = QuickLauncher()
        let engine = try PT.engine(PT.project([PipelineSpec(id: "p", steps: steps)]), store: store, shell: launcher)
        let run = engine.triggerRun("p")
        let afterTrigger = store.appendCount
        engine.runUntilIdle(maxTime: PT.t(60), waitForShell: true)
        XCTAssertEqual(engine.run(run)?.state, .succeeded)
        XCTAssertEqual(try store.steps(run: run).filter { $0.state == .succeeded }.count, 40, "everything is written by the end")
        XCTAssertEqual(try store.attempts(run: run).count, 40)
        // Quick waits for steps 1-16, a write and a long wait for step 17,
        // and so on: writes after 16 and 33 quick results, and the final one.
        XCTAssertEqual(store.appendCount - afterTrigger, 3)
        XCTAssertEqual(launcher.waits.filter { $0 == Engine.quickShellWait }.count, 38)
        XCTAssertEqual(launcher.waits.filter { $0 == 250 }.count, 2)
    }
}
