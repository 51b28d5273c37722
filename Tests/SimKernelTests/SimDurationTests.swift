import XCTest
import SimKernel

final class SimDurationTests: XCTestCase {
    func testParsesSingleUnits() throws {
        XCTAssertEqual(try SimDuration(parsing: "0s"), .zero)
        XCTAssertEqual(try SimDuration(parsing: "45s"), .seconds(45))
        XCTAssertEqual(try SimDuration(parsing: "90s"), .seconds(90))
        XCTAssertEqual(try SimDuration(parsing: "15m"), .minutes(15))
        XCTAssertEqual(try SimDuration(parsing: "6h"), .hours(6))
        XCTAssertEqual(try SimDuration(parsing: "7d"), .days(7))
        XCTAssertEqual(try SimDuration(parsing: "250ms"), .milliseconds(250))
    }

    func testParsesCompounds() throws {
        XCTAssertEqual(try SimDuration(parsing: "1h30m"), .minutes(90))
        XCTAssertEqual(try SimDuration(parsing: "1d2h3m4s5ms").milliseconds, 86_400_000 + 7_200_000 + 180_000 + 4_000 + 5)
        XCTAssertEqual(try SimDuration(parsing: "1m500ms"), .milliseconds(60_500))
    }

    func testPrintsShortestExactForm() {
        XCTAssertEqual(SimDuration.zero.description, "0s")
        XCTAssertEqual(SimDuration.seconds(90).description, "1m30s")
        XCTAssertEqual(SimDuration.hours(6).description, "6h")
        XCTAssertEqual(SimDuration.days(7).description, "7d")
        XCTAssertEqual(SimDuration.milliseconds(250).description, "250ms")
        XCTAssertEqual(SimDuration.milliseconds(1_250).description, "1s250ms")
        XCTAssertEqual(SimDuration.hours(25).description, "1d1h")
        XCTAssertEqual((-SimDuration.seconds(90)).description, "-1m30s")
    }

    func testRoundTripsThroughDescription() throws {
        let values: [Int64] = [0, 1, 999, 1_000, 59_999, 60_000, 90_000, 3_599_999, 3_600_000, 86_400_000, 604_800_000, 123_456_789_012]
        for milliseconds in values {
            let duration = SimDuration(milliseconds: milliseconds)
            XCTAssertEqual(try SimDuration(parsing: duration.description), duration, "\(duration)")
        }
    }

    func testCompactDescription() {
        XCTAssertEqual(SimDuration.milliseconds(250).compactDescription, "250ms")
        XCTAssertEqual(SimDuration.milliseconds(45_900).compactDescription, "45s")
        XCTAssertEqual(SimDuration.seconds(90).compactDescription, "1m30s")
        XCTAssertEqual(SimDuration.seconds(725).compactDescription, "12m05s")
        XCTAssertEqual(SimDuration.minutes(125).compactDescription, "2h05m")
        XCTAssertEqual(SimDuration.minutes(60).compactDescription, "1h00m")
        XCTAssertEqual((SimDuration.days(3) + .hours(4) + .minutes(59)).compactDescription, "3d04h")
        XCTAssertEqual((-SimDuration.seconds(5)).compactDescription, "-5s")
    }

    func testArithmetic() {
        XCTAssertEqual(SimDuration.minutes(1) + .seconds(30), .seconds(90))
        XCTAssertEqual(SimDuration.minutes(1) - .seconds(30), .seconds(30))
        XCTAssertEqual(SimDuration.seconds(30) * 4, .minutes(2))
        XCTAssertLessThan(SimDuration.seconds(59), .minutes(1))
        XCTAssertEqual(SimDuration.milliseconds(1_500).seconds, 1.5)
    }

    func testCodableAsMilliseconds() throws {
        let data = try JSONEncoder().encode([SimDuration.seconds(90)])
        XCTAssertEqual(String(decoding: data, as: UTF8.self), "[90000]")
        XCTAssertEqual(try JSONDecoder().decode([SimDuration].self, from: data), [.seconds(90)])
    }

    private func parseError(_ text: String) -> DurationParseError? {
        do {
            _ = try SimDuration(parsing: text)
            return nil
        } catch {
            return error
        }
    }

    func testErrorsPointAtFirstBadCharacter() throws {
        let empty = try XCTUnwrap(parseError(""))
        XCTAssertEqual(empty.offset, 0)
        XCTAssertEqual(empty.expected, "a duration like 30s, 15m, 6h or 7d")

        let noUnit = try XCTUnwrap(parseError("30"))
        XCTAssertEqual(noUnit.offset, 2)
        XCTAssertTrue(noUnit.expected.contains("unit"), noUnit.expected)

        let badUnit = try XCTUnwrap(parseError("30x"))
        XCTAssertEqual(badUnit.offset, 2)

        let fraction = try XCTUnwrap(parseError("1.5h"))
        XCTAssertEqual(fraction.offset, 1)
        XCTAssertEqual(fraction.column, 2)

        let letters = try XCTUnwrap(parseError("abc"))
        XCTAssertEqual(letters.offset, 0)

        let negative = try XCTUnwrap(parseError("-5s"))
        XCTAssertEqual(negative.offset, 0)

        let trailing = try XCTUnwrap(parseError("5s "))
        XCTAssertEqual(trailing.offset, 2)

        let misordered = try XCTUnwrap(parseError("30m1h"))
        XCTAssertEqual(misordered.offset, 4)
        XCTAssertTrue(misordered.expected.contains("largest to smallest"), misordered.expected)

        let repeated = try XCTUnwrap(parseError("1m2m"))
        XCTAssertEqual(repeated.offset, 3)

        let huge = try XCTUnwrap(parseError("99999999999999999999d"))
        XCTAssertEqual(huge.offset, 0)
        let tooLong = try XCTUnwrap(parseError("200000000000d"))
        XCTAssertEqual(tooLong.offset, 0)
        XCTAssertEqual(tooLong.expected, "a smaller duration")
    }

    func testErrorDescriptionNamesTextColumnAndExpectation() throws {
        let error = try XCTUnwrap(parseError("1.5h"))
        XCTAssertEqual(error.description, "invalid duration \"1.5h\" at column 2: expected a whole number with a unit (write 1h30m, not 1.5h)")
        let other = try XCTUnwrap(parseError("soon"))
        XCTAssertEqual(other.description, "invalid duration \"soon\" at column 1: expected a duration like 30s, 15m, 6h or 7d")
    }
}
