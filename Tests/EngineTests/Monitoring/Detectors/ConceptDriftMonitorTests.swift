import XCTest
import Engine
import SimKernel

final class ConceptDriftMonitorTests: XCTestCase {
    func testAllThreeDetectorsRecordTheDriftTimeAndHoldTheLevel() {
        var monitor = ConceptDriftMonitor(spec: ConceptMonitorSpec(), driftHold: .minutes(10))
        var stream = ErrorStream(seed: 1, before: 0.1, after: 0.4, changeAt: 5000)
        // One labelled outcome per 100 ms.
        for index in 0..<6000 { monitor.add(error: stream.next(), at: SimTime(milliseconds: Int64(index) * 100)) }
        let summaries = monitor.summaries()
        XCTAssertEqual(summaries.map(\.kind), [.ddm, .pageHinkley, .adwin])
        let changeTime = SimTime(milliseconds: 500_000)
        for summary in summaries {
            let detected = try? XCTUnwrap(summary.detectedAt, "\(summary.kind)")
            XCTAssertGreaterThan(detected ?? .zero, changeTime, "\(summary.kind)")
            XCTAssertLessThan(detected ?? .zero, changeTime + .seconds(30), "\(summary.kind)")
            XCTAssertEqual(summary.level, .drift, "held for 10m: \(summary.kind)")
            XCTAssertFalse(summary.detail.isEmpty)
        }
        XCTAssertEqual(summaries.last?.samples, 6000)
        XCTAssertEqual(monitor.level, .drift)
        // Past the hold, the levels are the detectors' own again.
        let later = SimTime(milliseconds: 600_000) + .minutes(11)
        XCTAssertLessThan(monitor.level(now: later), .drift)
        XCTAssertTrue(monitor.summaries(now: later).allSatisfy { $0.level != .drift })
    }

    func testOnlyTheChosenDetectorsInSpecOrder() {
        var monitor = ConceptDriftMonitor(spec: ConceptMonitorSpec(detectors: [.adwin, .ddm], ddmMinimumSamples: 50))
        XCTAssertNil(monitor.pageHinkley)
        for index in 0..<100 { monitor.add(error: index % 10 == 0, at: SimTime(milliseconds: Int64(index))) }
        let summaries = monitor.summaries()
        XCTAssertEqual(summaries.map(\.kind), [.adwin, .ddm])
        XCTAssertEqual(summaries.map(\.samples), [100, 100])
        XCTAssertEqual(monitor.ddm?.minimumSamples, 50)
        XCTAssertEqual(monitor.level, .none)
    }

    func testStationaryTrafficRaisesNothing() {
        var monitor = ConceptDriftMonitor(spec: ConceptMonitorSpec())
        var stream = ErrorStream(seed: 1, before: 0.1)
        for index in 0..<100_000 { monitor.add(error: stream.next(), at: SimTime(milliseconds: Int64(index) * 10)) }
        XCTAssertTrue(monitor.summaries().allSatisfy { $0.detectedAt == nil })
        XCTAssertNotEqual(monitor.level, .drift)
    }
}
