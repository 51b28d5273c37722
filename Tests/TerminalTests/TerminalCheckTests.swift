import TUICore
import XCTest
@testable import Terminal

final class TerminalCheckTests: XCTestCase {
    func testInteractiveTerminalIsAccepted() {
        XCTAssertNil(TerminalCheck.refusalReason(term: "xterm-256color", stdinIsTTY: true, stdoutIsTTY: true))
        XCTAssertNil(TerminalCheck.refusalReason(term: "vt100", stdinIsTTY: true, stdoutIsTTY: true))
    }

    func testDumbTerminalMessageIsExact() {
        XCTAssertEqual(
            TerminalCheck.refusalReason(term: "dumb", stdinIsTTY: true, stdoutIsTTY: true),
            "flightdeck: the control room needs an interactive terminal (TERM=dumb). Use the headless commands instead: flightdeck run, simulate, validate, runs, logs (see flightdeck --help)."
        )
    }

    func testEachReasonIsNamed() {
        let unset = TerminalCheck.refusalReason(term: nil, stdinIsTTY: true, stdoutIsTTY: true)
        XCTAssertTrue(unset?.contains("(TERM is not set)") == true, unset ?? "nil")
        let empty = TerminalCheck.refusalReason(term: "", stdinIsTTY: true, stdoutIsTTY: true)
        XCTAssertTrue(empty?.contains("(TERM is not set)") == true, empty ?? "nil")
        let pipedOut = TerminalCheck.refusalReason(term: "xterm", stdinIsTTY: true, stdoutIsTTY: false)
        XCTAssertTrue(pipedOut?.contains("(stdout is not a terminal)") == true, pipedOut ?? "nil")
        let pipedIn = TerminalCheck.refusalReason(term: "xterm", stdinIsTTY: false, stdoutIsTTY: true)
        XCTAssertTrue(pipedIn?.contains("(stdin is not a terminal)") == true, pipedIn ?? "nil")
        for message in [unset, empty, pipedOut, pipedIn] {
            XCTAssertTrue(message?.hasSuffix(TerminalCheck.headlessHint) == true)
        }
    }

    func testUTF8Codesets() {
        XCTAssertTrue(TerminalCheck.isUTF8(codeset: "UTF-8"))
        XCTAssertTrue(TerminalCheck.isUTF8(codeset: "utf8"))
        XCTAssertFalse(TerminalCheck.isUTF8(codeset: "ANSI_X3.4-1968"))
        XCTAssertFalse(TerminalCheck.isUTF8(codeset: "ISO-8859-1"))
        XCTAssertFalse(TerminalCheck.isUTF8(codeset: ""))
    }

    func testColourDepth() {
        func depth(_ hasColors: Bool, _ colors: Int, _ colorTerm: String? = nil, mono: Bool = false) -> ColorDepth {
            TerminalCheck.colorDepth(hasColors: hasColors, colors: colors, colorTerm: colorTerm, forceMonochrome: mono)
        }
        XCTAssertEqual(depth(true, 256), .palette256)
        XCTAssertEqual(depth(true, 256, "truecolor"), .palette256, "256-colour terminfo cannot show direct colour")
        XCTAssertEqual(depth(true, 1 << 24, "truecolor"), .trueColor)
        XCTAssertEqual(depth(true, 1 << 24, "24bit"), .trueColor)
        XCTAssertEqual(depth(true, 1 << 24), .palette256, "direct colour only when COLORTERM asks")
        XCTAssertEqual(depth(true, 8), .ansi8)
        XCTAssertEqual(depth(true, 16), .ansi8)
        XCTAssertEqual(depth(false, 0), .monochrome)
        XCTAssertEqual(depth(true, 256, mono: true), .monochrome)
    }

    func testNoColorRequest() {
        XCTAssertTrue(TerminalCheck.noColorRequested("1"))
        XCTAssertFalse(TerminalCheck.noColorRequested(""))
        XCTAssertFalse(TerminalCheck.noColorRequested(nil))
    }

    func testErrorDescriptionIsTheMessage() {
        XCTAssertEqual(TerminalError(message: "flightdeck: x").description, "flightdeck: x")
    }

    func testUnknownTermFallbackIsAnnounced() {
        XCTAssertEqual(
            TerminalCheck.fallbackNotice(term: "xterm-nonexistent", used: "xterm-256color"),
            "TERM=xterm-nonexistent is unknown here (no terminfo entry); drawing as xterm-256color. Set TERM to a known type, e.g. xterm-256color."
        )
        XCTAssertNil(TerminalCheck.fallbackNotice(term: "screen-256color", used: "screen-256color"))
        XCTAssertNil(TerminalCheck.fallbackNotice(term: nil, used: "xterm-256color"))
    }
}
