import Engine
import XCTest
@testable import flightdeck

/// The progress line: simulated time reached, a bar, requests per second, ETA.
final class SimulationProgressTests: XCTestCase {
    func testHalfwayLine() {
        let line = SimulationProgress.line(reached: .days(15), total: .days(30), requests: 3_000_000, wallSeconds: 60, barWidth: 10)
        XCTAssertEqual(line, "simulated 15d of 30d [#####-----]  50%  50.0k req/s  ETA 1m00s")
    }

    func testStartAndEnd() {
        XCTAssertTrue(SimulationProgress.line(reached: .zero, total: .hours(1), requests: 0, wallSeconds: 0, barWidth: 4)
            .hasSuffix("[----]   0%  0 req/s  ETA --"))
        XCTAssertTrue(SimulationProgress.line(reached: .hours(1), total: .hours(1), requests: 9_000_000, wallSeconds: 3, barWidth: 4)
            .hasSuffix("[####] 100%  3.00M req/s  ETA 0s"))
    }

    func testDurations() {
        XCTAssertEqual(SimulationProgress.duration(42.4), "42s")
        XCTAssertEqual(SimulationProgress.duration(185), "3m05s")
        XCTAssertEqual(SimulationProgress.duration(3_720), "1h02m")
    }

    func testRollbackReasonsLoseTheirNumbers() {
        XCTAssertEqual(SimulationDriver.reasonKind("fraud-api: rolled back fraud v12: p99_latency_ms 93.2 >= 90 failed 2 of 2", deployment: "fraud-api"),
                       "p99_latency_ms N >= N failed N of N")
    }
}

/// Resident memory is read from /proc/self.
final class ResidentMemoryTests: XCTestCase {
    func testStatusLinesWithTabs() {
        let status = "Name:\tflightdeck\nVmPeak:\t  812345 kB\nVmHWM:\t   45678 kB\nVmRSS:\t   40000 kB\n"
        XCTAssertEqual(ResidentMemory.statusValue(status, key: "VmHWM"), 45_678 * 1024)
        XCTAssertNil(ResidentMemory.statusValue(status, key: "VmSwap"))
    }

    func testThisProcessHasResidentMemory() throws {
        let now = try XCTUnwrap(ResidentMemory.current())
        let peak = try XCTUnwrap(ResidentMemory.peak())
        XCTAssertGreaterThan(now, 1_000_000)
        XCTAssertGreaterThanOrEqual(peak, now / 2)
    }
}
