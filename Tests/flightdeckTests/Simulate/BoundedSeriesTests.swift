import XCTest
@testable import flightdeck

/// A drift series keeps at most its capacity of buckets however long the run.
final class BoundedSeriesTests: XCTestCase {
    func testAMonthOfMinutesStaysWithinCapacity() {
        var series = BoundedSeries(capacity: 120, width: 60_000)
        var count = 0
        var highest = -Double.infinity
        for minute in 0..<(30 * 24 * 60) {
            let value = Double(minute % 97) / 97
            series.add(time: Int64(minute) * 60_000, value: value)
            highest = max(highest, value)
            count += 1
            XCTAssertLessThanOrEqual(series.buckets.count, 120)
        }
        XCTAssertEqual(series.buckets.map(\.count).reduce(0, +), count, "every value is in some bucket")
        XCTAssertEqual(series.buckets.map(\.max).max(), highest)
        XCTAssertGreaterThanOrEqual(series.buckets.count, 60, "coarsening halves at most")
        XCTAssertEqual(series.width % 60_000, 0)
        XCTAssertEqual(Set(series.buckets.map { $0.start % series.width }), [0], "buckets start on the width")
    }

    func testValuesInOneBucketAverage() {
        var series = BoundedSeries(capacity: 4, width: 1_000)
        series.add(time: 0, value: 1)
        series.add(time: 500, value: 3)
        series.add(time: 1_000, value: 10)
        series.add(time: 1_500, value: .nan)
        XCTAssertEqual(series.buckets.count, 2)
        XCTAssertEqual(series.buckets[0].mean, 2)
        XCTAssertEqual(series.buckets[0].max, 3)
        XCTAssertEqual(series.buckets[1].count, 1, "non-finite values are skipped")
    }

    func testOverflowDoublesTheWidthAndMerges() {
        var series = BoundedSeries(capacity: 2, width: 10)
        series.add(time: 0, value: 1)
        series.add(time: 10, value: 2)
        series.add(time: 20, value: 6)
        XCTAssertEqual(series.width, 20)
        XCTAssertEqual(series.buckets.map(\.start), [0, 20])
        XCTAssertEqual(series.buckets[0].mean, 1.5)
        XCTAssertEqual(series.buckets[1].mean, 6)
    }
}
