import XCTest
import Engine
import SimKernel

final class SLOTrackerTests: XCTestCase {
    private let availability = SLOSpec(id: "availability", objective: .availability, target: 0.999)

    /// Feeds `duration` of traffic at `errorRate` in 10-second bins of
    /// `perBin` requests, from `start`; bad counts are rounded on the
    /// cumulative total so the rate is exact over time. Returns the end.
    @discardableResult
    private func feed(_ tracker: inout SLOTracker, from start: SimTime, for duration: SimDuration, errorRate: Double,
                      perBin: Int = 1000, check: ((SLOTracker, SimTime) -> Void)? = nil) -> SimTime {
        var time = start
        var sent = 0, badSoFar = 0
        while time < start + duration {
            time += .seconds(10)
            sent += perBin
            let badTotal = Int((Double(sent) * errorRate).rounded())
            let bad = badTotal - badSoFar
            badSoFar = badTotal
            tracker.record(good: perBin - bad, bad: bad, at: time - .milliseconds(1))
            check?(tracker, time - .milliseconds(1))
        }
        return time
    }

    func testSteadyLowErrorsRaiseNothing() {
        var tracker = SLOTracker(spec: availability)
        let end = feed(&tracker, from: .zero, for: .hours(12), errorRate: 0.0005) { tracker, now in
            XCTAssertEqual(tracker.alert(now: now), .none)
        }
        let now = end - .milliseconds(1)
        XCTAssertEqual(tracker.burnRate(over: .hours(1), now: now) ?? 0, 0.5, accuracy: 0.01)
        XCTAssertEqual(tracker.burnRates(now: now).map(\.window), SLOTracker.burnWindows)
        XCTAssertEqual(tracker.budgetRemaining(now: now), 0.5, accuracy: 0.01)
        XCTAssertFalse(tracker.isBudgetExhausted)
    }

    /// From a fresh start the 1h window holds only the 10 minutes there are.
    func testTwoPercentForTenMinutesFromTheStartIsAFastBurn() {
        var tracker = SLOTracker(spec: availability)
        let end = feed(&tracker, from: .zero, for: .minutes(10), errorRate: 0.02)
        let now = end - .milliseconds(1)
        XCTAssertEqual(tracker.burnRate(over: .minutes(5), now: now) ?? 0, 20, accuracy: 0.01)
        XCTAssertEqual(tracker.burnRate(over: .hours(1), now: now) ?? 0, 20, accuracy: 0.01)
        XCTAssertEqual(tracker.alert(now: now), .fast)
    }

    /// After an hour of normal traffic, 10 minutes at 2% burn only 3.75x over
    /// the hour: the workbook's fast alert needs ~43 minutes at 20x. A
    /// 10% outage does trip it within 10 minutes.
    func testAfterNormalTrafficTheHourWindowNeedsMore() {
        var tracker = SLOTracker(spec: availability)
        var end = feed(&tracker, from: .zero, for: .hours(1), errorRate: 0.0005)
        end = feed(&tracker, from: end, for: .minutes(10), errorRate: 0.02)
        XCTAssertEqual(tracker.burnRate(over: .hours(1), now: end - .milliseconds(1)) ?? 0, 3.75, accuracy: 0.05)
        XCTAssertEqual(tracker.alert(now: end - .milliseconds(1)), .none)

        var outage = SLOTracker(spec: availability)
        end = feed(&outage, from: .zero, for: .hours(1), errorRate: 0.0005)
        end = feed(&outage, from: end, for: .minutes(10), errorRate: 0.10)
        XCTAssertEqual(outage.alert(now: end - .milliseconds(1)), .fast)
    }

    func testSevenPerMilleForTwoHoursIsASlowBurnNotAFastOne() {
        var tracker = SLOTracker(spec: availability)
        var sawSlow = false
        let end = feed(&tracker, from: .zero, for: .hours(2), errorRate: 0.007) { tracker, now in
            let alert = tracker.alert(now: now)
            XCTAssertNotEqual(alert, .fast)
            if alert == .slow { sawSlow = true }
        }
        XCTAssertTrue(sawSlow)
        let now = end - .milliseconds(1)
        XCTAssertEqual(tracker.alert(now: now), .slow)
        XCTAssertEqual(tracker.burnRate(over: .hours(6), now: now) ?? 0, 7, accuracy: 0.01)
        XCTAssertEqual(tracker.burnRate(over: .minutes(30), now: now) ?? 0, 7, accuracy: 0.01)
    }

    /// Once the errors stop, the 5m window clears the fast alert although
    /// the 1h rate stays high (the slow alert holds on while the 30m window
    /// still holds the outage).
    func testRecoveryClearsTheFastAlertWithinTheShortWindow() {
        var tracker = SLOTracker(spec: availability)
        let outageEnd = feed(&tracker, from: .zero, for: .minutes(20), errorRate: 0.02)
        XCTAssertEqual(tracker.alert(now: outageEnd - .milliseconds(1)), .fast)
        var clearedAt: SimTime?
        let end = feed(&tracker, from: outageEnd, for: .minutes(10), errorRate: 0.0005) { tracker, now in
            if clearedAt == nil && tracker.alert(now: now) != .fast { clearedAt = now }
            if let clearedAt { XCTAssertNotEqual(tracker.alert(now: now), .fast, "stays clear after \(clearedAt)") }
        }
        let cleared = try? XCTUnwrap(clearedAt)
        XCTAssertGreaterThan(cleared ?? .zero, outageEnd, "still fast at the first recovered bin")
        XCTAssertLessThanOrEqual(cleared ?? end, outageEnd + .minutes(5))
        XCTAssertGreaterThan(tracker.burnRate(over: .hours(1), now: end - .milliseconds(1)) ?? 0, 6)
        XCTAssertEqual(tracker.alert(now: end - .milliseconds(1)), .slow)
    }

    func testBudgetArithmeticAndFreeze() {
        let spec = SLOSpec(id: "latency", objective: .latency(thresholdMs: 150), target: 0.99, period: .hours(2))
        var tracker = SLOTracker(spec: spec)
        XCTAssertEqual(tracker.budgetRemaining, 1)
        tracker.record(good: 9_950, bad: 50, at: SimTime(milliseconds: 1_000))
        // 50 bad of an allowance of 1% of 10,000 = 100: half left.
        XCTAssertEqual(tracker.budgetRemaining, 0.5, accuracy: 1e-12)
        let now = SimTime(milliseconds: 1_000)
        var summary = tracker.summary(now: now, freezesPromotions: true)
        XCTAssertEqual(summary.good, 9_950)
        XCTAssertEqual(summary.total, 10_000)
        XCTAssertFalse(summary.freezesPromotions)
        tracker.record(good: 0, bad: 100, at: SimTime(milliseconds: 2_000))
        // 150 bad of an allowance of 101.
        XCTAssertEqual(tracker.budgetRemaining, 1 - 150.0 / 101.0, accuracy: 1e-12)
        XCTAssertTrue(tracker.isBudgetExhausted)
        summary = tracker.summary(now: SimTime(milliseconds: 2_000), freezesPromotions: true)
        XCTAssertTrue(summary.freezesPromotions)
        XCTAssertLessThan(summary.budgetRemaining, 0)
        XCTAssertFalse(tracker.summary(now: SimTime(milliseconds: 2_000), freezesPromotions: false).freezesPromotions)
        // The period is two hourly slots: two hours later the spending has left it.
        let later = SimTime(milliseconds: 2_000) + .hours(2)
        XCTAssertEqual(tracker.budgetRemaining(now: later), 1)
        XCTAssertEqual(tracker.periodCounts(now: SimTime(milliseconds: 2_000) + .hours(1)).bad, 150)
    }

    func testAWindowWithoutRequestsHasNoRate() {
        var tracker = SLOTracker(spec: availability)
        XCTAssertNil(tracker.burnRate(over: .minutes(5), now: .zero))
        tracker.record(good: 1000, bad: 1, at: SimTime(milliseconds: 30_000))
        let now = SimTime(milliseconds: 30_000) + .minutes(10)
        XCTAssertNil(tracker.burnRate(over: .minutes(5), now: now))
        XCTAssertNotNil(tracker.burnRate(over: .minutes(30), now: now))
        XCTAssertEqual(tracker.burnRates(now: now).map(\.window), [.minutes(30), .hours(1), .hours(6)])
        XCTAssertEqual(tracker.alert(now: now), .none)
        // A gap longer than the 6h ring clears it.
        tracker.record(good: 10, bad: 0, at: now + .hours(7))
        XCTAssertEqual(tracker.counts(over: .hours(6), now: now + .hours(7)).good, 10)
        XCTAssertEqual(tracker.counts(over: .hours(6), now: now + .hours(7)).bad, 0)
    }
}
