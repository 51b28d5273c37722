import XCTest
import Engine

final class PageHinkleyDetectorTests: XCTestCase {
    /// Error rate 0.1 → 0.4 at outcome 5,000 with δ 0.005, λ 50: seed 1
    /// signals 177 outcomes after the change; the bound asserted is 300.
    func testFindsTheChangeWithin300Outcomes() {
        var stream = ErrorStream(seed: 1, before: 0.1, after: 0.4, changeAt: 5000)
        var detector = PageHinkleyDetector(delta: 0.005, lambda: 50)
        let drifts = stream.drifts(10_000) { detector.add($0) }
        XCTAssertFalse(drifts.contains { $0 < 5000 }, "false alarm before the change: \(drifts)")
        XCTAssertNotNil(drifts.first)
        XCTAssertLessThanOrEqual((drifts.first ?? .max) - 5000, 300)
    }

    func testNoDriftOnAStationaryStream() {
        var stream = ErrorStream(seed: 1, before: 0.1)
        var detector = PageHinkleyDetector()
        XCTAssertEqual(stream.drifts(100_000) { detector.add($0) }, [])
        XCTAssertEqual(detector.mean, 0.1, accuracy: 0.005)
    }

    /// Over 30 seeds: every change found within 250 outcomes; at most 6 of
    /// the 30 stationary streams of 100,000 raise a false alarm (5 do, as
    /// the type's documentation estimates).
    func testDelayAndFalseAlarmsOverSeeds() {
        var delays: [Int] = []
        var falseRuns = 0
        for seed in UInt64(1)...30 {
            var stream = ErrorStream(seed: seed, before: 0.1, after: 0.4, changeAt: 5000)
            var detector = PageHinkleyDetector()
            let drifts = stream.drifts(10_000) { detector.add($0) }
            XCTAssertFalse(drifts.contains { $0 < 5000 }, "seed \(seed)")
            if let first = drifts.first { delays.append(first - 5000) }
            var quiet = ErrorStream(seed: seed, before: 0.1)
            var quietDetector = PageHinkleyDetector()
            if !quiet.drifts(100_000, { quietDetector.add($0) }).isEmpty { falseRuns += 1 }
        }
        XCTAssertEqual(delays.count, 30)
        XCTAssertLessThanOrEqual(delays.max() ?? .max, 250)
        XCTAssertLessThanOrEqual(falseRuns, 6)
    }

    func testWarningAtHalfLambdaAndOnlyIncreases() {
        var detector = PageHinkleyDetector(delta: 0, lambda: 10)
        for _ in 0..<100 { detector.add(false) }
        XCTAssertEqual(detector.statistic, 0, accuracy: 1e-12)
        var levels: [DetectorLevel] = []
        while levels.last != .drift && levels.count < 100 { levels.append(detector.add(true)) }
        XCTAssertEqual(levels.last, .drift)
        XCTAssertEqual(levels.first, DetectorLevel.none)
        XCTAssertTrue(levels.contains(.warning))
        XCTAssertEqual(detector.detail.suffix(5), " / 10")
        // Reset after the drift; a falling rate raises nothing.
        XCTAssertEqual(detector.add(true), .none)
        XCTAssertEqual(detector.samples, 1)
        for _ in 0..<100 { detector.add(true) }
        for _ in 0..<1000 { XCTAssertEqual(detector.add(false), .none) }
    }

    func testDetailFormat() {
        var detector = PageHinkleyDetector(delta: 0.005, lambda: 50)
        for index in 0..<40 { detector.add(index % 2 == 0) }
        XCTAssertTrue(detector.detail.hasPrefix("PH "))
        XCTAssertTrue(detector.detail.hasSuffix(" / 50"))
    }
}
