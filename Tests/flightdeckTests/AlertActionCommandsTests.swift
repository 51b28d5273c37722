import ArgumentParser
import Engine
import XCTest
@testable import flightdeck

/// `ack` and `silence`: bad input ends with status 2 before anything is
/// sent; durations are read the way the project file reads them.
final class AlertActionCommandsTests: XCTestCase {
    private typealias F = MonitoringCLIFixtures

    func testSilenceDurations() throws {
        XCTAssertEqual(try SilenceCommand.parseDuration("30m"), .minutes(30))
        XCTAssertEqual(try SilenceCommand.parseDuration(" 1h30m "), .minutes(90))
        XCTAssertEqual(try SilenceCommand.parseDuration("30d"), .days(30))
        XCTAssertThrowsError(try SilenceCommand.parseDuration("soon")) { error in
            XCTAssertEqual(error as? InvalidArgument,
                           InvalidArgument(message: "silence duration 'soon': expected a duration of simulated time such as 30m, 2h, 1h30m or 1d"))
        }
        XCTAssertThrowsError(try SilenceCommand.parseDuration("0s")) { error in
            XCTAssertEqual((error as? InvalidArgument)?.message, "silence duration '0s': must be longer than 0s")
        }
        XCTAssertThrowsError(try SilenceCommand.parseDuration("31d")) { error in
            XCTAssertEqual((error as? InvalidArgument)?.message, "silence duration '31d': at most 30d")
        }
        XCTAssertThrowsError(try SilenceCommand.parseDuration("-5m"))
    }

    func testABadDurationExitsWithStatus2BeforeLoadingTheProject() throws {
        // --project names a file that does not exist: reaching the project would fail differently.
        let command = try SilenceCommand.parse(["amount-drift", "2 hours", "--project", "/nonexistent/flightdeck.yaml"])
        XCTAssertThrowsError(try command.run()) { error in
            XCTAssertEqual(error as? ExitCode, ExitCode(2))
        }
    }

    func testTheArgumentsAreParsed() throws {
        let silence = try SilenceCommand.parse(["amount-drift", "2h", "--reason", "known issue"])
        XCTAssertEqual(silence.alert, "amount-drift")
        XCTAssertEqual(silence.duration, "2h")
        XCTAssertEqual(silence.reason, "known issue")
        let ack = try AckCommand.parse(["amount-drift"])
        XCTAssertEqual(ack.alert, "amount-drift")
        XCTAssertNil(ack.reason)
        XCTAssertThrowsError(try SilenceCommand.parse(["amount-drift"]), "DURATION is required")
        XCTAssertThrowsError(try AckCommand.parse([]), "ALERT is required")
    }

    func testAnUnknownAlertIsRefusedWithStatus2() throws {
        let workspace = try F.workspace(statePath: try F.temporaryDirectory() + "/state")
        XCTAssertNoThrow(try workspace.requireAlert("amount-drift"))
        XCTAssertThrowsError(try workspace.requireAlert("amount-drfit")) { error in
            XCTAssertEqual(error as? ExitCode, ExitCode(2))
        }
    }

    func testTheCommandsAreRegistered() {
        let names = Flightdeck.configuration.subcommands.map { $0.configuration.commandName }
        XCTAssertTrue(names.contains("alerts"))
        XCTAssertTrue(names.contains("ack"))
        XCTAssertTrue(names.contains("silence"))
    }
}
