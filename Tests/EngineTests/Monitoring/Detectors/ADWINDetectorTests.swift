import XCTest
import Engine

final class ADWINDetectorTests: XCTestCase {
    /// Error rate 0.1 → 0.4 at outcome 5,000 with δ 0.002: seed 1 signals
    /// 87 outcomes after the change (cuts are checked every 32); the bound
    /// asserted is 150.
    func testFindsTheChangeWithin150Outcomes() {
        var stream = ErrorStream(seed: 1, before: 0.1, after: 0.4, changeAt: 5000)
        var detector = ADWINDetector(delta: 0.002)
        let drifts = stream.drifts(10_000) { detector.add($0) }
        XCTAssertFalse(drifts.contains { $0 < 5000 }, "false alarm before the change: \(drifts)")
        XCTAssertNotNil(drifts.first)
        XCTAssertLessThanOrEqual((drifts.first ?? .max) - 5000, 150)
        // The old part is gone: the window holds (about) the new concept only.
        XCTAssertLessThan(detector.width, 5200)
        XCTAssertEqual(detector.mean, 0.4, accuracy: 0.02)
        XCTAssertNotNil(detector.droppedMean)
        XCTAssertTrue(detector.detail.contains("(was "), detector.detail)
    }

    func testNoDriftOnAStationaryStream() {
        var stream = ErrorStream(seed: 1, before: 0.1)
        var detector = ADWINDetector()
        XCTAssertEqual(stream.drifts(100_000) { detector.add($0) }, [])
        XCTAssertEqual(detector.width, 100_000)
        XCTAssertEqual(detector.mean, 0.1, accuracy: 0.005)
        XCTAssertTrue(detector.detail.hasPrefix("window 100,000, mean 0.1"), detector.detail)
        XCTAssertFalse(detector.detail.contains("was"), detector.detail)
    }

    /// Over 30 seeds: every change found within 150 outcomes, no drift on
    /// any stationary stream of 100,000.
    func testDelayAndFalseAlarmsOverSeeds() {
        for seed in UInt64(1)...30 {
            var stream = ErrorStream(seed: seed, before: 0.1, after: 0.4, changeAt: 5000)
            var detector = ADWINDetector()
            let drifts = stream.drifts(10_000) { detector.add($0) }
            XCTAssertFalse(drifts.contains { $0 < 5000 }, "seed \(seed)")
            XCTAssertLessThanOrEqual((drifts.first ?? .max) - 5000, 150, "seed \(seed)")
            var quiet = ErrorStream(seed: seed, before: 0.1)
            var quietDetector = ADWINDetector()
            XCTAssertEqual(quiet.drifts(100_000) { quietDetector.add($0) }, [], "seed \(seed)")
        }
    }

    /// A falling error rate shrinks the window but is no drift alarm.
    func testADropInErrorRateIsNoDrift() {
        var stream = ErrorStream(seed: 3, before: 0.4, after: 0.05, changeAt: 5000)
        var detector = ADWINDetector()
        XCTAssertEqual(stream.drifts(10_000) { detector.add($0) }, [])
        XCTAssertLessThan(detector.width, 6000, "the old part was dropped")
        XCTAssertEqual(detector.mean, 0.05, accuracy: 0.02)
        XCTAssertGreaterThan(detector.droppedMean ?? 0, detector.mean)
        XCTAssertEqual(detector.drifts, 0)
    }

    /// The exponential histogram keeps its bucket count logarithmic.
    func testWindowAndTotalsStayExact() {
        var detector = ADWINDetector()
        var errors = 0
        for index in 0..<4_096 {
            let error = index % 7 == 0
            if error { errors += 1 }
            detector.add(error)
        }
        XCTAssertEqual(detector.width, 4_096)
        XCTAssertEqual(detector.total, Double(errors))
        XCTAssertEqual(detector.samples, 4_096)
    }
}
