import Engine
import TUICore
import XCTest
@testable import ControlRoom

/// A store that cannot be written (a full disk) shows in the header and, in
/// full, on the status line until a write succeeds; the last status message
/// waits behind it.
final class StoreErrorDisplayTests: XCTestCase {
    private let diskFull = "could not write the model registry: state database /s/state.db: cannot append 1 registry changes: "
        + "disk is full (SQLITE_FULL): free space where the state directory is; nothing of this write was kept"

    private func snapshot(_ change: (inout EngineSnapshot) -> Void = { _ in }) -> EngineSnapshot {
        var snapshot = Engine(configuration: EngineConfiguration(projectName: "fraud-detection", seed: 42)).snapshot()
        change(&snapshot)
        return snapshot
    }

    private func render(_ snapshot: EngineSnapshot, state: UIState = UIState(), glyphs: GlyphSet = .unicode) -> CellBuffer {
        ControlRoomView.render(snapshot: snapshot, state: state, context: RenderContext(palette: .monochrome, glyphs: glyphs),
                               width: 120, height: 40)
    }

    func testEachStoreErrorShowsInTheHeaderAndOnTheStatusLine() {
        let setters: [(String, (inout EngineSnapshot, String) -> Void)] = [
            ("run history", { $0.storeError = $1 }),
            ("registry", { $0.registryStoreError = $1 }),
            ("serving", { $0.servingStoreError = $1 }),
            ("monitoring", { $0.monitoringStoreError = $1 }),
            ("audit", { $0.auditError = $1 }),
        ]
        for (name, set) in setters {
            var state = UIState()
            state.status = StatusMessage("approved fraud v2", isError: false)
            let buffer = render(snapshot { set(&$0, diskFull) }, state: state)
            XCTAssertTrue(buffer.text(ofRow: 0).contains("\u{2716} STORE ERROR: disk is full"), "\(name): \(buffer.text(ofRow: 0))")
            let status = buffer.text(ofRow: 38)
            XCTAssertTrue(status.hasPrefix("disk is full: could not write the model registry: state database /s/state.db"), "\(name): \(status)")
            XCTAssertFalse(status.contains("approved fraud v2"), name)
        }
    }

    func testWithoutAnErrorTheStatusMessageShowsAndTheHeaderHasNoWarning() {
        var state = UIState()
        state.status = StatusMessage("approved fraud v2", isError: false)
        let buffer = render(snapshot(), state: state)
        XCTAssertFalse(buffer.text(ofRow: 0).contains("STORE ERROR"))
        XCTAssertTrue(buffer.text(ofRow: 38).contains("approved fraud v2"))
    }

    func testTheErrorIsSanitizedAndAsciiTerminalsGetAnAsciiMark() {
        let buffer = render(snapshot { $0.storeError = "cannot write \u{1B}]0;pwned\u{07}/tmp/x: disk is full" }, glyphs: .ascii)
        let header = buffer.text(ofRow: 0), status = buffer.text(ofRow: 38)
        XCTAssertTrue(header.contains("! STORE ERROR: disk is full"), header)
        XCTAssertFalse((header + status).unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }, status)
        XCTAssertTrue(status.hasPrefix("disk is full: cannot write /tmp/x: disk is full"), status)
    }

    func testOtherReasonsInAFewWords() {
        XCTAssertEqual(StoreErrorSummary.reason("... attempt to write a readonly database (SQLITE_READONLY): check ..."), "read-only")
        XCTAssertEqual(StoreErrorSummary.reason("... disk I/O error (SQLITE_IOERR_WRITE): the disk or file system failed"), "I/O error")
        XCTAssertEqual(StoreErrorSummary.statusText("command channel: locked"), "command channel: locked")
    }
}
