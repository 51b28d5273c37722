import Engine
import XCTest
@testable import ControlRoom

final class CommandLineParserTests: XCTestCase {
    func testScreenNames() {
        for screen in Screen.allCases {
            XCTAssertEqual(try CommandLineParser.parse(screen.commandName).get(), .action(.showScreen(screen)))
        }
        XCTAssertEqual(try CommandLineParser.parse("  Events ").get(), .action(.showScreen(.events)))
    }

    func testEngineCommands() {
        XCTAssertEqual(try CommandLineParser.parse("pause").get(), .engine(.pause))
        XCTAssertEqual(try CommandLineParser.parse("resume").get(), .engine(.resume))
        XCTAssertEqual(try CommandLineParser.parse("speed max").get(), .engine(.setSpeed(.max)))
        XCTAssertEqual(try CommandLineParser.parse("q").get(), .action(.quit))
    }

    func testErrors() {
        XCTAssertEqual(CommandLineParser.parse(""), .failure(.empty))
        XCTAssertEqual(CommandLineParser.parse("pipelnes"), .failure(.unknown("pipelnes", suggestion: "pipelines")))
        XCTAssertEqual(CommandLineParser.parse("zzzzzz"), .failure(.unknown("zzzzzz", suggestion: nil)))
        XCTAssertEqual(CommandLineParser.parse("pause now"), .failure(.usage("pause takes no arguments")))
        XCTAssertEqual(CommandLineParser.parse("speed"), .failure(.usage("speed N|max")))
    }

    func testCompletion() {
        XCTAssertEqual(CommandLineParser.completions(for: "s"), ["speed", "slower"])
        XCTAssertEqual(CommandLineParser.completions(for: ""), CommandLineParser.commandNames)
        XCTAssertEqual(CommandLineParser.completions(for: "speed 6"), [])
        XCTAssertEqual(CommandLineParser.commonPrefix(["pipelines", "pause"]), "p")
        XCTAssertEqual(CommandLineParser.commonPrefix(["monitors", "models"]), "mo")
    }
}
