import Engine
import TUICore
import TUITestSupport
import XCTest
@testable import ControlRoom

final class MonitorsViewTests: XCTestCase {
    private func render(_ snapshot: EngineSnapshot = MonitorsFixture.snapshot(), state: UIState? = nil,
                        width: Int, height: Int, glyphs: GlyphSet = .unicode) -> CellBuffer {
        ControlRoomView.render(snapshot: snapshot, state: state ?? UIState(screen: .monitors),
                               context: RenderContext(palette: .monochrome, glyphs: glyphs), width: width, height: height)
    }

    private func text(_ buffer: CellBuffer) -> String { buffer.lines.joined(separator: "\n") }

    private func assertASCII(_ buffer: CellBuffer, file: StaticString = #filePath, line: UInt = #line) {
        for row in buffer.lines {
            XCTAssertTrue(row.unicodeScalars.allSatisfy(\.isASCII), row, file: file, line: line)
        }
    }

    /// Every row of the frame is exactly the terminal's width in cells (nothing garbled past an edge).
    private func assertRowsFit(_ buffer: CellBuffer, width: Int, file: StaticString = #filePath, line: UInt = #line) {
        for row in buffer.lines { XCTAssertEqual(CharacterWidth.of(row), width, row, file: file, line: line) }
    }

    func testWideShowsDriftTableChartsPerformanceAndSLOs() {
        let buffer = render(width: 120, height: 40)
        assertSnapshot(buffer, named: "fraud-120x40")
        assertRowsFit(buffer, width: 120)
        let screen = text(buffer)
        for expected in [
            "fraud-drift", "ranker-drift", "fraud-canary",
            "amount", "PSI", "0.274", "0.1/0.2", "20k/4.2k", "✗ drift",
            "merchant_risk", "KS", "p 0.0031", "p<0.05/0.001", "▲ warning",
            "hour", "Wass", "✓ ok",
            "country (cat)", "Chi2", "? insufficient", "20k/12",
            "dataset: 2/4 features drifting (>= 50%): dataset drift",
            "reference: training data of fraud v3 (20,000 rows)",
            "window: last 30m   evaluated 00:41",
            "reference", "current", "<12", ">230",
            "PSI over time", "warn", "alert",
            "latency p50/p95/p99 (ms)", "accuracy, labels arrive 2m late",
            "v3 stable", "v4 cand", "p50/95/99/max 20/40/68/95ms", "err 0.42%", "31.5 rps", "acc 0.912",
            "DDM", "▲ warning", "PH", "ADWIN", "✗ drift", "at 00:39", "p+s 0.214",
            "availability", "availability >= 99.9%", "promotions frozen (budget spent)", "overspent 35%",
            "p99-latency", "latency < 150 ms for 99%", "62% left", "no burn alert", "22x", "15x", "6x slow", "14.4x fast",
            "replicas 72% busy", "failed runs 1h 1", "scheduler backlog 3", "availability >= 99.9% · 30d",
        ] {
            XCTAssertTrue(screen.contains(expected), "missing '\(expected)':\n\(screen)")
        }
    }

    func testNarrowStacksPanelsWithoutGarbling() {
        let buffer = render(width: 80, height: 24)
        assertSnapshot(buffer, named: "fraud-80x24")
        assertRowsFit(buffer, width: 80)
        let screen = text(buffer)
        for expected in ["1/2", "fraud-drift", "amount", "0.274", "✗ drift", "merchant_risk", "country", "? insufficient",
                         "dataset: 2/4 features drifting", "v3 ", "20ms/40ms/68ms", "availability budget -35% fast burn", "frozen",
                         "burn 5m 22x"] {
            XCTAssertTrue(screen.contains(expected), "missing '\(expected)':\n\(screen)")
        }
        XCTAssertFalse(screen.contains("latency p50/p95/p99"), "the latency chart is dropped when narrow:\n\(screen)")
    }

    func testASCIIGlyphs() {
        let wide = render(width: 120, height: 40, glyphs: .ascii)
        let narrow = render(width: 80, height: 24, glyphs: .ascii)
        assertSnapshot(narrow, named: "fraud-ascii-80x24")
        assertSnapshot(wide, named: "fraud-ascii-120x40")
        assertASCII(wide)
        assertASCII(narrow)
        let screen = text(wide)
        XCTAssertTrue(screen.contains("x drift"), screen)
        XCTAssertTrue(screen.contains("^ warning"), screen)
        XCTAssertTrue(screen.contains("+ ok"), screen)
        XCTAssertTrue(screen.contains("| 6x slow  | 14.4x fast"), screen)
    }

    func testSelectedFeatureDrivesTheDetailPanel() {
        var state = UIState(screen: .monitors)
        state.monitors.feature = "merchant_risk"
        let screen = text(render(state: state, width: 120, height: 40))
        XCTAssertTrue(screen.contains("merchant_risk · KS"), screen)
        XCTAssertTrue(screen.contains("-log10 p (higher = more drift)"), "p-values are plotted as -log10: \(screen)")
        XCTAssertTrue(screen.contains("warn p 0.05"), screen)
        XCTAssertTrue(screen.contains("note: significant but tiny: D 0.012"), screen)
        XCTAssertTrue(screen.contains("20,000 vs 4,210"), "the note wraps: \(screen)")
        XCTAssertTrue(screen.contains("D 0.012"), screen)
        state.monitors.feature = "country"
        let insufficient = text(render(state: state, width: 120, height: 40))
        XCTAssertTrue(insufficient.contains("note: insufficient: 12 < 100 values"), insufficient)
    }

    func testMonitorWaitingForItsFirstWindow() {
        var state = UIState(screen: .monitors)
        state.monitors.monitor = "ranker-drift"
        for (width, height) in [(120, 40), (80, 24)] {
            let buffer = render(state: state, width: width, height: height)
            assertSnapshot(buffer, named: "waiting-\(width)x\(height)")
            assertRowsFit(buffer, width: width)
            let screen = text(buffer)
            XCTAssertTrue(screen.contains("waiting for the first window: 12/30 values"), screen)
            XCTAssertTrue(screen.contains("clicks"), screen)
            XCTAssertFalse(screen.contains("evaluated"), screen)
            XCTAssertTrue(screen.contains("No values yet"), screen)
        }
        var unknown = MonitorsFixture.ranker()
        unknown.minimumSamples = nil
        let screen = text(render(MonitorsFixture.snapshot([unknown]), width: 120, height: 40))
        XCTAssertTrue(screen.contains("waiting for the first window: 12 values so far"), screen)
    }

    func testNoMonitorsSaysHowToDeclareOne() {
        for (width, height) in [(120, 40), (80, 24)] {
            let buffer = render(MonitorsFixture.snapshot([]), width: width, height: height)
            assertSnapshot(buffer, named: "empty-\(width)x\(height)")
            let screen = text(buffer).replacingOccurrences(of: "\n", with: " ")
            XCTAssertTrue(screen.contains("No monitors are defined yet."), screen)
            XCTAssertTrue(screen.contains("monitors:"), screen)
            XCTAssertTrue(screen.contains("docs/project-file.md"), screen)
        }
    }

    func testSingleMonitorHasNoMonitorList() {
        let screen = text(render(MonitorsFixture.snapshot([MonitorsFixture.fraud()]), width: 120, height: 40))
        XCTAssertFalse(screen.contains("[ ] switch"), screen)
        XCTAssertTrue(screen.contains("Drift · fraud-drift"), screen)
        let narrow = text(render(MonitorsFixture.snapshot([MonitorsFixture.fraud()]), width: 80, height: 24))
        XCTAssertFalse(narrow.contains("1/1"), narrow)
    }

    func testFilterKeepsMatchingFeatures() {
        var state = UIState(screen: .monitors)
        state.filters[.monitors] = "drift"
        let all = text(render(state: state, width: 120, height: 40))
        XCTAssertTrue(all.contains("hour"), "a matching monitor id keeps all its features: \(all)")
        state.filters[.monitors] = "amou"
        let one = text(render(state: state, width: 120, height: 40))
        XCTAssertTrue(one.contains("amount"), one)
        XCTAssertFalse(one.contains("merchant_risk"), one)
        XCTAssertTrue(one.contains("/amou"), one)
        state.filters[.monitors] = "zzz"
        let none = text(render(state: state, width: 120, height: 40))
        XCTAssertTrue(none.contains("No monitor or feature matches 'zzz'. Esc clears the filter."), none)
    }

    func testHostileTextIsCleaned() {
        var monitor = MonitorsFixture.fraud()
        monitor.id = "evil\u{1B}[2Jid"
        monitor.reference = "ref\u{07}\nnext"
        monitor.features[0].feature = "amo\u{1B}]0;x\u{07}unt"
        monitor.features[1].note = "tiny\u{1B}[31m"
        var state = UIState(screen: .monitors)
        state.monitors.feature = monitor.features[1].feature
        let buffer = render(MonitorsFixture.snapshot([monitor]), state: state, width: 120, height: 40)
        for row in buffer.lines {
            XCTAssertFalse(row.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }, row)
        }
        assertRowsFit(buffer, width: 120)
    }

    func testHelpListsTheMonitorKeys() {
        let lines = HelpOverlay.lines(keyMap: .standard)
        XCTAssertTrue(lines.contains { $0.0 == "Monitors screen" }, "\(lines)")
        XCTAssertTrue(lines.contains { $0.1 == "Open the monitor's deployment on the Deployments screen" }, "\(lines)")
        XCTAssertTrue(lines.contains { $0.1 == "Select the next monitor" }, "\(lines)")
    }
}
