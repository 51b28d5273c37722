import XCTest
@testable import Engine

final class ScheduleSpecNextTests: XCTestCase {
    func testEveryIsAnchoredAtTheStart() {
        let every = ScheduleSpec.every(.minutes(10))
        XCTAssertEqual(every.next(after: .zero), SimTime(milliseconds: 600_000))
        XCTAssertEqual(every.next(after: SimTime(milliseconds: 599_999)), SimTime(milliseconds: 600_000))
        XCTAssertEqual(every.next(after: SimTime(milliseconds: 600_000)), SimTime(milliseconds: 1_200_000))
        XCTAssertEqual(every.next(after: SimTime(milliseconds: -5_000_000)), SimTime(milliseconds: 600_000))
    }

    func testCronUsesTheCalendar() throws {
        let calendar = SimCalendar()
        let schedule = ScheduleSpec.cron(try CronExpression(parsing: "0 2 * * *"))
        XCTAssertEqual(schedule.upcoming(after: .zero, count: 2, calendar: calendar).map(calendar.label), ["2026-01-01 02:00", "2026-01-02 02:00"])
        XCTAssertEqual(ScheduleSpec.cron(try CronExpression(parsing: "0 0 31 2 *")).upcoming(after: .zero, count: 3), [])
    }
}
