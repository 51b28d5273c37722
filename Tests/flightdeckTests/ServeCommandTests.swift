import ArgumentParser
import Engine
import XCTest
@testable import flightdeck

/// `serve` and `rerun`: registered, and bad options refused before anything
/// is opened (the process exits 2 on a validation error).
final class ServeCommandTests: XCTestCase {
    func testServeAndRerunAreRegistered() {
        let names = Flightdeck.configuration.subcommands.map { $0.configuration.commandName }
        XCTAssertTrue(names.contains("serve"))
        XCTAssertTrue(names.contains("rerun"))
    }

    func testOptionsAreValidated() throws {
        XCTAssertNoThrow(try ServeCommand.parse(["--speed", "max", "--for", "6h", "--seed", "7"]))
        XCTAssertNoThrow(try ServeCommand.parse([]))
        XCTAssertThrowsError(try ServeCommand.parse(["--speed", "fast"])) { error in
            XCTAssertTrue(ServeCommand.message(for: error).contains("--speed expects a multiplier"), ServeCommand.message(for: error))
        }
        XCTAssertThrowsError(try ServeCommand.parse(["--for", "soon"])) { error in
            XCTAssertTrue(ServeCommand.message(for: error).hasPrefix("--for: "), ServeCommand.message(for: error))
        }
        XCTAssertThrowsError(try ServeCommand.parse(["--for", "0s"])) { error in
            XCTAssertEqual(ServeCommand.message(for: error), "--for must be longer than 0s")
        }
    }

    func testAServeTurnNeverAdvancesMoreThanItsBound() {
        var pacer = RealTimePacer()
        let step = pacer.step(elapsedNanoseconds: 1_000_000_000, speed: .max)
        XCTAssertGreaterThan(step, ServeCommand.maxStepPerTurn, "max speed alone would take whole hours")
        XCTAssertEqual(min(step, ServeCommand.maxStepPerTurn), .minutes(10))
    }
}
