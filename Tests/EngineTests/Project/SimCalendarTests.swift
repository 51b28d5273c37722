import XCTest
@testable import Engine

final class SimCalendarTests: XCTestCase {
    private let calendar = SimCalendar()

    func testStartIsThursdayFirstOfJanuary2026() {
        let fields = calendar.fields(of: .zero)
        XCTAssertEqual(fields, SimCalendar.Fields(year: 2026, month: 1, day: 1, hour: 0, minute: 0, second: 0, weekday: 4))
        XCTAssertEqual(calendar.label(.zero), "2026-01-01 00:00")
    }

    func testCivilRoundTripOverManyDays() {
        var previous = SimCalendar.civilFromDays(-200_001)
        for day in Int64(-200_000)...Int64(200_000) {
            let (year, month, dayOfMonth) = SimCalendar.civilFromDays(day)
            XCTAssertEqual(SimCalendar.daysFromCivil(year: year, month: month, day: dayOfMonth), day)
            // Consecutive days: next day of the month, or the 1st of the next month/year.
            let isNext = (year == previous.0 && month == previous.1 && dayOfMonth == previous.2 + 1)
                || (dayOfMonth == 1 && ((year == previous.0 && month == previous.1 + 1) || (year == previous.0 + 1 && month == 1 && previous.1 == 12)))
            if !isNext { XCTFail("day \(day): \(year)-\(month)-\(dayOfMonth) does not follow \(previous)"); return }
            previous = (year, month, dayOfMonth)
        }
    }

    func testFieldsAndTimeRoundTrip() {
        for dayOffset in stride(from: Int64(-1000), through: 3000, by: 7) {
            let time = SimTime(milliseconds: dayOffset * 86_400_000 + 13 * 3_600_000 + 27 * 60_000 + 5_000)
            let fields = calendar.fields(of: time)
            XCTAssertEqual(fields.hour, 13)
            XCTAssertEqual(fields.minute, 27)
            XCTAssertEqual(fields.second, 5)
            XCTAssertEqual(calendar.time(year: fields.year, month: fields.month, day: fields.day, hour: 13, minute: 27) + .seconds(5), time)
        }
    }

    func testWeekdaysAdvance() {
        for day in Int64(-30)...Int64(30) {
            let weekday = calendar.fields(of: SimTime(milliseconds: day * 86_400_000)).weekday
            XCTAssertEqual(weekday, Int(((4 + day) % 7 + 7) % 7))
        }
    }

    func testLeapYears() {
        XCTAssertEqual(calendar.label(calendar.time(year: 2028, month: 2, day: 29) + .days(1)), "2028-03-01 00:00")
        XCTAssertEqual(calendar.label(calendar.time(year: 2100, month: 2, day: 28) + .days(1)), "2100-03-01 00:00")
        XCTAssertEqual(calendar.label(calendar.time(year: 2000, month: 2, day: 28) + .days(1)), "2000-02-29 00:00")
        XCTAssertEqual(calendar.time(year: 2027, month: 1, day: 1) - calendar.time(year: 2026, month: 1, day: 1), .days(365))
        XCTAssertEqual(calendar.time(year: 2029, month: 1, day: 1) - calendar.time(year: 2028, month: 1, day: 1), .days(366))
    }

    func testNegativeTimesAreBeforeTheStart() {
        XCTAssertEqual(calendar.fields(of: SimTime(milliseconds: -1_000)),
                       SimCalendar.Fields(year: 2025, month: 12, day: 31, hour: 23, minute: 59, second: 59, weekday: 3))
    }

    func testOtherEpoch() {
        let other = SimCalendar(epochDay: SimCalendar.daysFromCivil(year: 1970, month: 1, day: 1))
        XCTAssertEqual(other.label(.zero), "1970-01-01 00:00")
        XCTAssertEqual(other.fields(of: .zero).weekday, 4)
    }
}
