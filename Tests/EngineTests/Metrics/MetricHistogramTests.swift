import XCTest
@testable import Engine

final class MetricHistogramTests: XCTestCase {
    func testObservationsLandInTheFirstBucketAtOrAboveThem() {
        var histogram = MetricHistogram(upperBounds: [1, 10])
        for value in [0.5, 1, 1.5, 10, 11] { histogram.observe(value) }
        XCTAssertEqual(histogram.counts, [2, 2, 1])
        XCTAssertEqual(histogram.cumulativeCounts, [2, 4, 5])
        XCTAssertEqual(histogram.count, 5)
        XCTAssertEqual(histogram.sum, 24)
    }

    func testAddSumsBucketwise() {
        var a = MetricHistogram(upperBounds: [1])
        var b = MetricHistogram(upperBounds: [1])
        a.observe(0.5)
        b.observe(2)
        b.observe(3)
        a.add(b)
        XCTAssertEqual(a.counts, [1, 2])
        XCTAssertEqual(a.sum, 5.5)
    }
}
