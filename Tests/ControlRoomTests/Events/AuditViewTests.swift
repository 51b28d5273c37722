import Engine
import SimKernel
import TUICore
import TUITestSupport
import XCTest
@testable import ControlRoom

/// The Events screen's audit view: `a` switches the lower list to the audit
/// log (newest first: time, user@client, source, action, target, result,
/// reason), `/` filters it, hostile text is cleaned, a write error shows.
final class AuditViewTests: XCTestCase {
    static func records() -> [AuditRecord] {
        func at(_ minutes: Int64) -> SimTime { SimTime(milliseconds: minutes * 60_000) }
        return [
            AuditRecord(simTime: at(10), wallTime: "2026-11-22T06:00:00Z", user: CommandOrigin.automaticUser, sshClient: nil, source: .automatic,
                        action: "deploy", target: "fraud-api v1", reason: "the champion of fraud", result: "applied", message: "initial deploy"),
            AuditRecord(simTime: at(95), wallTime: "2026-11-22T06:01:00Z", user: "bob", sshClient: "10.0.0.9", source: .channel,
                        action: "approve", target: "fraud v2", reason: nil, result: "rejected", message: "bob may not approve: allowed for alice"),
            AuditRecord(simTime: at(96), wallTime: "2026-11-22T06:02:00Z", user: "alice", sshClient: "10.0.0.5", source: .key,
                        action: "approve", target: "fraud v2", reason: "auc up 0.01, latency fine", result: "applied", message: "fraud v2 approved"),
            AuditRecord(simTime: at(120), wallTime: "2026-11-22T06:03:00Z", user: CommandOrigin.automaticUser, sshClient: nil, source: .automatic,
                        action: "rollout-rollback", target: "fraud-api", reason: "latency_ms p99 412 > 250", result: "applied", message: "rolled back"),
        ]
    }

    private func snapshot() throws -> EngineSnapshot {
        var snapshot = try MonitoringFixture.snapshot()
        snapshot.audit = Self.records()
        return snapshot
    }

    private func render(_ snapshot: EngineSnapshot, _ state: UIState, width: Int, height: Int) -> CellBuffer {
        ControlRoomView.render(snapshot: snapshot, state: state, context: RenderContext(palette: .monochrome, glyphs: .unicode),
                               width: width, height: height)
    }

    private func auditState() -> UIState {
        var state = UIState(screen: .events)
        state.eventsShowAudit = true
        return state
    }

    func testTheAuditViewAt120x40() throws {
        let buffer = render(try snapshot(), auditState(), width: 120, height: 40)
        assertSnapshot(buffer, named: "events-audit-120x40")
        let lines = buffer.lines
        let screen = lines.joined(separator: "\n")
        XCTAssertTrue(screen.contains("Audit log"), screen)
        XCTAssertTrue(screen.contains("4 of 4"), screen)
        XCTAssertTrue(screen.contains("alice@10.0.0.5"), screen)
        XCTAssertTrue(screen.contains("auc up 0.01, latency fine"), screen)
        XCTAssertTrue(screen.contains("bob may not approve"), "a refusal without a reason shows the message: \(screen)")
        let rollback = try XCTUnwrap(lines.firstIndex { $0.contains("rollout-rollback") })
        let deploy = try XCTUnwrap(lines.firstIndex { $0.contains("fraud-api v1") })
        XCTAssertLessThan(rollback, deploy, "newest first")
        XCTAssertFalse(screen.contains("started"), "the event log is not shown: \(screen)")
    }

    func testTheAuditViewAt80x24() throws {
        var state = auditState()
        state.selections[.events] = 7
        let buffer = render(try snapshot(), state, width: 80, height: 24)
        assertSnapshot(buffer, named: "events-audit-80x24")
        let screen = buffer.lines.joined(separator: "\n")
        XCTAssertTrue(screen.contains("Audit log"), screen)
        XCTAssertTrue(screen.contains("a Audit"), "the key is hinted: \(screen)")
    }

    func testTheKeyTogglesAndTheFilterNarrowsTheAuditLog() throws {
        let snapshot = try snapshot()
        var state = UIState(screen: .events)
        func press(_ key: KeyEvent) {
            _ = Reducer.handle(key, state: &state, context: ControlRoomView.reducerContext(snapshot: snapshot, state: state, user: "carol"))
        }
        state.selections[.events] = 9
        press(.char("a"))
        XCTAssertTrue(state.eventsShowAudit)
        XCTAssertEqual(state.selection(for: .events), 0)
        XCTAssertEqual(state.status?.text, "audit log: 4 recent entries (a: back to the event log)")
        var data = EventsData(snapshot: snapshot, selection: 0, filter: "", showAudit: true)
        XCTAssertEqual(data.rowCount, data.alerts.count + 4)
        XCTAssertEqual(data.log, [])
        for key in [KeyEvent.char("/")] + "10.0.0.5".map({ KeyEvent.char($0) }) + [.enter] { press(key) }
        let alertRows = EventsData(snapshot: snapshot, selection: 0, filter: state.filter(for: .events), showAudit: true).alerts.count
        data = EventsData(snapshot: snapshot, selection: alertRows, filter: state.filter(for: .events), showAudit: true)
        XCTAssertEqual(data.audit.map(\.user), ["alice"])
        XCTAssertEqual(data.selectedAuditRecord?.action, "approve")
        press(.escape)
        press(.char("a"))
        XCTAssertFalse(state.eventsShowAudit)
        XCTAssertEqual(EventsData(snapshot: snapshot, selection: 0, filter: "", showAudit: false).audit, [])
    }

    func testHostileTextIsCleanedAndAWriteErrorShows() throws {
        var snapshot = try snapshot()
        snapshot.audit[2].reason = "ok\u{1B}]8;;http://evil\u{07}click\u{1B}]8;;\u{07}\u{9B}31m"
        snapshot.audit[2].user = "ali\u{07}ce"
        snapshot.auditError = "could not write the audit log: disk full"
        let buffer = render(snapshot, auditState(), width: 120, height: 40)
        for line in buffer.lines {
            XCTAssertFalse(line.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }, line)
        }
        let screen = buffer.lines.joined(separator: "\n")
        XCTAssertTrue(screen.contains("okclick"), screen)
        XCTAssertTrue(screen.contains("alice@10.0.0.5"), screen)
        XCTAssertTrue(screen.contains("could not write the audit log: disk full"), screen)
    }

    func testAnEmptyAuditLogSaysWhatWillAppear() throws {
        let screen = render(try MonitoringFixture.snapshot(), auditState(), width: 120, height: 40).lines.joined(separator: "\n")
        XCTAssertTrue(screen.contains("No audited action yet."), screen)
    }
}
