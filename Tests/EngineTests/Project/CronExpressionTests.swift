import XCTest
@testable import Engine

final class CronExpressionTests: XCTestCase {
    private let calendar = SimCalendar()

    private func time(_ year: Int64, _ month: Int, _ day: Int, _ hour: Int = 0, _ minute: Int = 0) -> SimTime {
        calendar.time(year: year, month: month, day: day, hour: hour, minute: minute)
    }

    /// The next `count` labels after `start`.
    private func upcoming(_ expression: String, after start: SimTime, count: Int = 4) throws -> [String] {
        let cron = try CronExpression(parsing: expression)
        var labels: [String] = []
        var cursor = start
        while labels.count < count, let next = cron.next(after: cursor, calendar: calendar) {
            labels.append(calendar.label(next))
            cursor = next
        }
        return labels
    }

    func testEveryMinuteStartsAtTheNextWholeMinute() throws {
        XCTAssertEqual(try upcoming("* * * * *", after: SimTime(milliseconds: 30_000), count: 2), ["2026-01-01 00:01", "2026-01-01 00:02"])
    }

    func testNextIsStrictlyAfter() throws {
        XCTAssertEqual(try upcoming("0 2 * * *", after: time(2026, 1, 1, 2, 0), count: 1), ["2026-01-02 02:00"])
    }

    func testListsRangesAndSteps() throws {
        XCTAssertEqual(try upcoming("0 8,17 * * *", after: .zero), ["2026-01-01 08:00", "2026-01-01 17:00", "2026-01-02 08:00", "2026-01-02 17:00"])
        XCTAssertEqual(try upcoming("*/15 * * * *", after: time(2026, 1, 1, 0, 7)), ["2026-01-01 00:15", "2026-01-01 00:30", "2026-01-01 00:45", "2026-01-01 01:00"])
        XCTAssertEqual(try upcoming("0-30/10 9 * * *", after: .zero), ["2026-01-01 09:00", "2026-01-01 09:10", "2026-01-01 09:20", "2026-01-01 09:30"])
        XCTAssertEqual(try upcoming("5/20 0 * * *", after: .zero, count: 3), ["2026-01-01 00:05", "2026-01-01 00:25", "2026-01-01 00:45"])
        // 2026-01-01 is a Thursday: weekdays 1-5 skip the weekend of the 3rd and 4th.
        XCTAssertEqual(try upcoming("0 9 * * 1-5", after: .zero), ["2026-01-01 09:00", "2026-01-02 09:00", "2026-01-05 09:00", "2026-01-06 09:00"])
    }

    func testNames() throws {
        XCTAssertEqual(try upcoming("0 0 * * mon-fri", after: .zero), try upcoming("0 0 * * 1-5", after: .zero))
        XCTAssertEqual(try upcoming("0 0 1 jan,JUL *", after: .zero, count: 3), ["2026-07-01 00:00", "2027-01-01 00:00", "2027-07-01 00:00"])
        XCTAssertEqual(try upcoming("0 0 * * sun", after: .zero, count: 2), ["2026-01-04 00:00", "2026-01-11 00:00"])
        XCTAssertEqual(try upcoming("0 0 * * 7", after: .zero, count: 2), ["2026-01-04 00:00", "2026-01-11 00:00"], "7 is Sunday too")
    }

    func testAliases() throws {
        XCTAssertEqual(try upcoming("@hourly", after: .zero, count: 2), ["2026-01-01 01:00", "2026-01-01 02:00"])
        XCTAssertEqual(try upcoming("@daily", after: .zero, count: 1), ["2026-01-02 00:00"])
        XCTAssertEqual(try upcoming("@weekly", after: .zero, count: 1), ["2026-01-04 00:00"])
        XCTAssertEqual(try upcoming("@monthly", after: .zero, count: 1), ["2026-02-01 00:00"])
        XCTAssertEqual(try upcoming("@YEARLY", after: .zero, count: 1), ["2027-01-01 00:00"])
        XCTAssertEqual(try CronExpression(parsing: "@daily").description, "@daily")
    }

    func testDayOfMonthOrDayOfWeekWhenBothAreRestricted() throws {
        // The 13th of any month OR any Friday.
        XCTAssertEqual(try upcoming("0 0 13 * fri", after: .zero), ["2026-01-02 00:00", "2026-01-09 00:00", "2026-01-13 00:00", "2026-01-16 00:00"])
        // Only the day of month is restricted: Fridays do not count.
        XCTAssertEqual(try upcoming("0 0 13 * *", after: .zero, count: 2), ["2026-01-13 00:00", "2026-02-13 00:00"])
        // Only the day of week is restricted.
        XCTAssertEqual(try upcoming("0 0 * * fri", after: .zero, count: 2), ["2026-01-02 00:00", "2026-01-09 00:00"])
    }

    func testAcrossMonthYearAndLeapDay() throws {
        XCTAssertEqual(try upcoming("0 0 1 * *", after: time(2026, 1, 15), count: 1), ["2026-02-01 00:00"])
        XCTAssertEqual(try upcoming("0 0 1 1 *", after: time(2026, 6, 1), count: 1), ["2027-01-01 00:00"])
        XCTAssertEqual(try upcoming("59 23 31 12 *", after: .zero, count: 2), ["2026-12-31 23:59", "2027-12-31 23:59"])
        XCTAssertEqual(try upcoming("0 12 29 2 *", after: .zero, count: 2), ["2028-02-29 12:00", "2032-02-29 12:00"])
        XCTAssertEqual(try upcoming("0 0 31 * *", after: time(2026, 1, 31), count: 2), ["2026-03-31 00:00", "2026-05-31 00:00"])
    }

    func testImpossibleDateNeverMatches() throws {
        XCTAssertNil(try CronExpression(parsing: "0 0 31 2 *").next(after: .zero, calendar: calendar))
        XCTAssertNil(try CronExpression(parsing: "0 0 30 2 *").next(after: .zero, calendar: calendar))
    }

    func testParseErrors() {
        func error(_ text: String) -> CronParseError? {
            do {
                _ = try CronExpression(parsing: text)
                return nil
            } catch {
                return error
            }
        }
        XCTAssertEqual(error("0 0 * *")?.message, "expected 5 fields (minute hour day-of-month month day-of-week), found 4")
        XCTAssertEqual(error("0 0 * *")?.column, 1)
        XCTAssertEqual(error("0 24 * * *").map { "\($0.column): \($0.message)" }, "3: hour 24 is out of range 0-23")
        XCTAssertEqual(error("0 0 0 * *").map { "\($0.column): \($0.message)" }, "5: day of month 0 is out of range 1-31")
        XCTAssertEqual(error("0 0 * 13 *").map { "\($0.column): \($0.message)" }, "7: month 13 is out of range 1-12")
        XCTAssertEqual(error("  0 0 * * 8").map { "\($0.column): \($0.message)" }, "11: day of week 8 is out of range 0-7")
        XCTAssertEqual(error("*/0 * * * *").map { "\($0.column): \($0.message)" }, "1: step '0' in the minute field must be a positive number")
        XCTAssertEqual(error("0 5-2 * * *").map { "\($0.column): \($0.message)" }, "3: range 5-2 in the hour field runs backwards")
        XCTAssertEqual(error("0 1,,2 * * *").map { "\($0.column): \($0.message)" }, "3: empty list item in the hour field")
        XCTAssertEqual(error("0 0 * foo *").map { "\($0.column): \($0.message)" }, "7: 'foo' is not a valid month (expected 1-12 or a name such as jan)")
    }

    func testSourceIsTrimmed() throws {
        XCTAssertEqual(try CronExpression(parsing: "  0 2 * * *  ").description, "0 2 * * *")
    }
}
