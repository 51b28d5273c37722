import XCTest
import SimKernel
@testable import Engine

/// A monitor's `slos:`: latency and availability objectives, targets and periods.
final class MonitorSLOTests: XCTestCase {
    private typealias S = MonitorTestSupport

    /// The errors of `slos: {s: VALUE}` (the value starts at 14:15).
    private func errors(_ slo: String) -> [String] {
        S.errors("    deployment: fraud-api\n    slos: {s: \(slo)}")
    }

    private func slo(_ slo: String, file: StaticString = #filePath, line: UInt = #line) -> SLOSpec? {
        S.monitor("    deployment: fraud-api\n    slos: {s: \(slo)}", file: file, line: line)?.slos.first
    }

    func testLatencyObjectives() {
        XCTAssertEqual(slo("{latency: \"p99 < 150ms\"}"), SLOSpec(id: "s", objective: .latency(thresholdMs: 150), target: 0.99, period: .days(30)))
        XCTAssertEqual(slo("{latency: \"p50<=1s\", period: 1h}"), SLOSpec(id: "s", objective: .latency(thresholdMs: 1000), target: 0.5, period: .hours(1)))
        XCTAssertEqual(slo("{latency: \"p99.99 < 2.5ms\"}")?.target, 0.9999)
        XCTAssertEqual(slo("{latency: \"p99.9 < 20ms\"}")?.target, 0.999)
    }

    func testLatencySyntaxErrorsPointAtTheCharacter() {
        XCTAssertEqual(errors("{latency: \"99 < 150ms\"}"),
                       ["14:26: latency: invalid objective '99 < 150ms': expected a percentile like p99 first (\"p99 < 150ms\")"])
        XCTAssertEqual(errors("{latency: \"p100 < 150ms\"}"),
                       ["14:27: latency: invalid objective 'p100 < 150ms': expected a percentile from p50 to p99.99 (like p99 or p99.9)"])
        XCTAssertEqual(errors("{latency: \"p40 < 150ms\"}"),
                       ["14:27: latency: invalid objective 'p40 < 150ms': expected a percentile from p50 to p99.99 (like p99 or p99.9)"])
        XCTAssertEqual(errors("{latency: \"p99 > 150ms\"}"),
                       ["14:30: latency: invalid objective 'p99 > 150ms': expected < after the percentile (\"p99 < 150ms\")"])
        XCTAssertEqual(errors("{latency: \"p99 < 150\"}"),
                       ["14:32: latency: invalid objective 'p99 < 150': expected a latency above 0 with ms or s (like 150ms or 0.2s)"])
        XCTAssertEqual(errors("{latency: \"p99 < 0ms\"}"),
                       ["14:32: latency: invalid objective 'p99 < 0ms': expected a latency above 0 with ms or s (like 150ms or 0.2s)"])
    }

    func testAvailabilityTargets() {
        XCTAssertEqual(slo("{availability: 99.5%}")?.objective, .availability)
        XCTAssertEqual(slo("{availability: 0.99}")?.target, 0.99)
        XCTAssertEqual(errors("{availability: 100%}"), [
            "14:30: availability: a target of 100% leaves no error budget; expected a target above 0 and below 100% (like 99.9%), found '100%'",
        ])
        XCTAssertEqual(errors("{availability: 0}"),
                       ["14:30: availability: expected a share above 0 and up to 1 (like 0.8) or a percentage like 80%, found '0'"])
    }

    func testExactlyOneObjective() {
        XCTAssertEqual(errors("{latency: \"p99 < 1s\", availability: 99%}"), [
            "14:37: availability: SLO 's' already has the objective latency (at 14:16); expected exactly one of latency or availability",
        ])
        XCTAssertEqual(errors("{period: 7d}"),
                       ["14:12: SLO 's' has no objective; expected latency or availability, like {latency: \"p99 < 150ms\", period: 30d} or {availability: 99.9%}"])
        XCTAssertEqual(errors("{availability: 99%, period: 0s}"), ["14:43: period: expected a duration above 0s, found '0s'"])
        XCTAssertEqual(errors("{availabilty: 99%}"), ["14:16: unknown key 'availabilty' in SLO 's'; did you mean 'availability'?"])
    }

    func testSLOSectionShape() {
        XCTAssertEqual(S.errors("    deployment: fraud-api\n    slos: {}"),
                       ["14:11: slos: expected at least one SLO like latency: {latency: \"p99 < 150ms\", period: 30d} or {availability: 99.9%}, found an empty mapping"])
        XCTAssertEqual(S.errors("    deployment: fraud-api\n    slos: {Fast: {availability: 99%}}"),
                       ["14:12: invalid SLO id 'Fast'; expected lower-case letters, digits, '-' and '_', starting with a letter or digit"])
    }
}
