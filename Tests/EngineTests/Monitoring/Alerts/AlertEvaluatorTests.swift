import XCTest
import Foundation
import Engine
import SimKernel

final class AlertEvaluatorTests: XCTestCase {
    private func rule(minimum: SimDuration = .zero, hysteresis: Double = 0.02) -> AlertRuleSpec {
        AlertRuleSpec(id: "amount-drift", monitor: "fraud", metric: .featureDrift("amount"), warning: 0.1, critical: 0.2,
                      minimumDuration: minimum, hysteresis: hysteresis)
    }

    private func at(_ minutes: Int64, _ seconds: Int64 = 0) -> SimTime { SimTime(milliseconds: 0) + .minutes(minutes) + .seconds(seconds) }

    func testPendingWaitsForTheMinimumDuration() {
        var alert = AlertEvaluator(rule: rule(minimum: .minutes(2)))
        XCTAssertEqual(alert.observe(0.05, at: at(0)), [])
        XCTAssertEqual(alert.observe(0.231, at: at(1)), [])
        XCTAssertEqual(alert.alertState(now: at(1)), .pending)
        XCTAssertEqual(alert.summary(deployment: "fraud-api", now: at(2)).message, "drift.amount 0.231 >= 0.2 (critical) for 1m, fires after 2m")
        XCTAssertEqual(alert.observe(0.231, at: at(2)), [])
        XCTAssertFalse(alert.firedNow)
        let entries = alert.observe(0.231, at: at(3))
        XCTAssertEqual(entries.map(\.transition), [.fired])
        XCTAssertTrue(alert.firedNow)
        XCTAssertEqual(entries.first?.message, "drift.amount 0.231 >= 0.2 (critical) for 2m")
        XCTAssertEqual(entries.first?.severity, .critical)
        XCTAssertEqual(entries.first?.threshold, 0.2)
        XCTAssertEqual(entries.first?.value, 0.231)
        XCTAssertEqual(entries.first?.alert, "amount-drift")
        let summary = alert.summary(deployment: "fraud-api", now: at(3), subject: .deployment("fraud-api"))
        XCTAssertEqual(summary.state, .firing)
        XCTAssertEqual(summary.severity, .critical)
        XCTAssertEqual(summary.firedAt, at(3))
        XCTAssertEqual(summary.since, at(3))
        XCTAssertEqual(summary.occurrences, 1)
        XCTAssertEqual(summary.metric, "drift.amount")
        XCTAssertEqual(summary.deployment, "fraud-api")
        XCTAssertEqual(summary.message, "drift.amount 0.231 >= 0.2 (critical) for 2m")
        XCTAssertEqual(alert.observe(0.231, at: at(4)), [])
        XCTAssertFalse(alert.firedNow)
    }

    func testPendingThatFallsBackLeavesNoTrace() {
        var alert = AlertEvaluator(rule: rule(minimum: .minutes(2)))
        _ = alert.observe(0.05, at: at(0))
        XCTAssertEqual(alert.observe(0.15, at: at(1)), [])
        XCTAssertEqual(alert.observe(0.05, at: at(2)), [])
        XCTAssertEqual(alert.alertState(now: at(2)), .ok)
        XCTAssertEqual(alert.summary(deployment: "d", now: at(2)).since, .zero)
        // Past again: the minimum duration starts over.
        XCTAssertEqual(alert.observe(0.15, at: at(3)), [])
        XCTAssertEqual(alert.observe(0.15, at: at(4)), [])
        XCTAssertEqual(alert.observe(0.15, at: at(5)).map(\.transition), [.fired])
        XCTAssertEqual(alert.state.occurrences, 1)
    }

    func testHysteresisStopsFlapping() {
        var alert = AlertEvaluator(rule: rule())
        var transitions: [AlertTransition] = []
        transitions += alert.observe(0.12, at: at(0)).map(\.transition)
        for (index, value) in [0.09, 0.11, 0.085, 0.1, 0.0805, 0.105, 0.099].enumerated() {
            transitions += alert.observe(value, at: at(Int64(index) + 1)).map(\.transition)
        }
        XCTAssertEqual(transitions, [.fired])
        let resolved = alert.observe(0.079, at: at(10))
        XCTAssertEqual(resolved.map(\.transition), [.resolved])
        XCTAssertEqual(resolved.first?.message, "drift.amount 0.079 < 0.08: resolved after 10m")
        XCTAssertEqual(alert.alertState(now: at(10)), .resolved)
        // Inside the warning level again: nothing; past it: a second firing.
        XCTAssertEqual(alert.observe(0.095, at: at(11)), [])
        XCTAssertEqual(alert.observe(0.1, at: at(12)).map(\.transition), [.fired])
        XCTAssertEqual(alert.state.occurrences, 2)
        XCTAssertEqual(alert.summary(deployment: "d", now: at(12)).resolvedAt, at(10))
    }

    func testEscalationAndDeescalation() {
        var alert = AlertEvaluator(rule: rule())
        XCTAssertEqual(alert.observe(0.15, at: at(0)).map(\.severity), [.warning])
        let up = alert.observe(0.21, at: at(1))
        XCTAssertEqual(up.map(\.transition), [.escalated])
        XCTAssertEqual(up.first?.threshold, 0.2)
        XCTAssertEqual(alert.severity, .critical)
        XCTAssertEqual(alert.observe(0.19, at: at(2)), [], "inside the critical level but not by the hysteresis")
        let down = alert.observe(0.17, at: at(3))
        XCTAssertEqual(down.map(\.transition), [.deescalated])
        XCTAssertEqual(down.first?.severity, .warning)
        XCTAssertEqual(alert.observe(0.25, at: at(4)).map(\.transition), [.escalated])
        XCTAssertEqual(alert.observe(0.05, at: at(5)).map(\.transition), [.resolved])
        XCTAssertEqual(alert.state.occurrences, 1, "escalations are the same alert")
        XCTAssertNil(alert.severity)
    }

    func testAcknowledgeOnlyWhileFiringAndUntilResolved() {
        var alert = AlertEvaluator(rule: rule())
        _ = alert.observe(0.05, at: at(0))
        XCTAssertEqual(alert.acknowledge(by: "alice", at: at(0)), .failure(.notFiring(alert: "amount-drift", state: .ok)))
        _ = alert.observe(0.15, at: at(1))
        let ack = alert.acknowledge(by: "alice (10.0.0.5)", at: at(2))
        guard case .success(let entry) = ack else { return XCTFail("\(ack)") }
        XCTAssertEqual(entry.transition, .acknowledged)
        XCTAssertEqual(entry.actor, "alice (10.0.0.5)")
        XCTAssertEqual(entry.time, at(2))
        XCTAssertEqual(alert.alertState(now: at(2)), .acknowledged)
        XCTAssertEqual(alert.summary(deployment: "d", now: at(2)).acknowledgedBy, "alice (10.0.0.5)")
        XCTAssertEqual(alert.summary(deployment: "d", now: at(2)).since, at(2))
        XCTAssertEqual(alert.acknowledge(by: "bob", at: at(3)),
                       .failure(.alreadyAcknowledged(alert: "amount-drift", by: "alice (10.0.0.5)")))
        // Escalation keeps the owner; resolving clears it; a new firing is unowned.
        _ = alert.observe(0.3, at: at(4))
        XCTAssertEqual(alert.alertState(now: at(4)), .acknowledged)
        _ = alert.observe(0.01, at: at(5))
        XCTAssertNil(alert.state.acknowledgedBy)
        _ = alert.observe(0.15, at: at(6))
        XCTAssertEqual(alert.alertState(now: at(6)), .firing)
    }

    func testSilenceHidesButKeepsEvaluatingAndEnds() {
        var alert = AlertEvaluator(rule: rule())
        _ = alert.observe(0.05, at: at(0))
        XCTAssertEqual(alert.silence(until: at(1), by: "bob", at: at(1), reason: nil),
                       .failure(.silenceEndsTooSoon(alert: "amount-drift", until: at(1), at: at(1))))
        let silenced = alert.silence(until: at(61), by: "bob", at: at(1), reason: "known issue")
        guard case .success(let entry) = silenced else { return XCTFail("\(silenced)") }
        XCTAssertEqual(entry.message, "silenced for 1h: known issue")
        XCTAssertEqual(entry.transition, .silenced)
        XCTAssertEqual(alert.alertState(now: at(2)), .silenced)
        // Fires while silenced: recorded, still shown as silenced.
        XCTAssertEqual(alert.observe(0.15, at: at(10)).map(\.transition), [.fired])
        XCTAssertTrue(alert.isFiring)
        XCTAssertTrue(alert.firedNow)
        let summary = alert.summary(deployment: "d", now: at(10))
        XCTAssertEqual(summary.state, .silenced)
        XCTAssertEqual(summary.silencedUntil, at(61))
        XCTAssertEqual(summary.severity, .warning)
        // The silence ends: the next observation records it, and the alert is firing.
        XCTAssertEqual(alert.alertState(now: at(61)), .firing)
        let ended = alert.observe(0.15, at: at(62))
        XCTAssertEqual(ended.map(\.transition), [.unsilenced])
        XCTAssertEqual(ended.first?.time, at(61))
        XCTAssertEqual(ended.first?.message, "silence ended: firing (warning)")
        XCTAssertEqual(alert.alertState(now: at(62)), .firing)
        XCTAssertNil(alert.summary(deployment: "d", now: at(62)).silencedUntil)
    }

    func testSilenceEndingWhileTheConditionResolved() {
        var alert = AlertEvaluator(rule: rule())
        _ = alert.observe(0.15, at: at(0))
        _ = alert.silence(until: at(30), by: "bob", at: at(1))
        XCTAssertEqual(alert.observe(0.01, at: at(5)).map(\.transition), [.resolved])
        XCTAssertEqual(alert.alertState(now: at(5)), .silenced)
        let entries = alert.observe(0.01, at: at(31))
        XCTAssertEqual(entries.map(\.transition), [.unsilenced])
        XCTAssertEqual(entries.first?.message, "silence ended: resolved")
        XCTAssertEqual(alert.alertState(now: at(31)), .resolved)
    }

    func testBelowDirection() {
        let accuracy = AlertRuleSpec(id: "accuracy-low", monitor: "fraud", metric: .accuracy, warning: 0.9, critical: 0.8,
                                     direction: .below, hysteresis: 0.01)
        var alert = AlertEvaluator(rule: accuracy)
        XCTAssertEqual(alert.observe(0.95, at: at(0)), [])
        let fired = alert.observe(0.85, at: at(1))
        XCTAssertEqual(fired.map(\.transition), [.fired])
        XCTAssertEqual(fired.first?.message, "accuracy 0.85 <= 0.9 (warning)")
        XCTAssertEqual(alert.observe(0.75, at: at(2)).map(\.transition), [.escalated])
        XCTAssertEqual(alert.observe(0.805, at: at(3)), [], "not above 0.8 + 0.01")
        XCTAssertEqual(alert.observe(0.85, at: at(4)).map(\.transition), [.deescalated])
        XCTAssertEqual(alert.observe(0.905, at: at(5)), [], "not above 0.9 + 0.01")
        XCTAssertEqual(alert.observe(0.92, at: at(6)).map(\.transition), [.resolved])
        XCTAssertEqual(alert.summary(deployment: "d", now: at(6)).message, "accuracy 0.92 > 0.9")
    }

    func testNilValueKeepsTheState() {
        var alert = AlertEvaluator(rule: rule(minimum: .minutes(2)))
        _ = alert.observe(0.15, at: at(0))
        XCTAssertEqual(alert.observe(nil, at: at(1)), [])
        XCTAssertEqual(alert.alertState(now: at(1)), .pending)
        XCTAssertEqual(alert.summary(deployment: "d", now: at(1)).message, "drift.amount: no data")
        XCTAssertNil(alert.summary(deployment: "d", now: at(1)).value)
        // The timer ran on through the gap.
        XCTAssertEqual(alert.observe(0.15, at: at(2)).map(\.transition), [.fired])
        XCTAssertEqual(alert.observe(nil, at: at(3)), [])
        XCTAssertEqual(alert.alertState(now: at(3)), .firing)
        XCTAssertEqual(alert.observe(.nan, at: at(4)), [])
        XCTAssertEqual(alert.alertState(now: at(4)), .firing)
        XCTAssertNil(alert.summary(deployment: "d", now: at(4)).value)
    }

    func testRestoresFromPersistedState() throws {
        var alert = AlertEvaluator(rule: rule(minimum: .minutes(2)))
        _ = alert.observe(0.15, at: at(0))
        _ = alert.observe(0.15, at: at(2))
        _ = alert.acknowledge(by: "alice", at: at(3))
        _ = alert.silence(until: at(20), by: "bob", at: at(4), reason: "deploying")
        let data = try JSONEncoder().encode(alert.state)
        let state = try JSONDecoder().decode(AlertEvaluatorState.self, from: data)
        XCTAssertEqual(state, alert.state)
        var restored = AlertEvaluator(rule: rule(minimum: .minutes(2)), levels: AlertLevels(rule: rule()), restoring: state)
        XCTAssertEqual(restored.alertState(now: at(5)), .silenced)
        XCTAssertEqual(restored.summary(deployment: "d", now: at(5)).occurrences, 1)
        XCTAssertEqual(restored.observe(0.15, at: at(21)).map(\.transition), [.unsilenced])
        XCTAssertEqual(restored.alertState(now: at(21)), .acknowledged)
        XCTAssertEqual(restored.observe(0.0, at: at(22)).map(\.transition), [.resolved])
        XCTAssertEqual(restored.summary(deployment: "d", now: at(22)).firedAt, at(2))

        // A pending alert restored keeps its timer.
        var pending = AlertEvaluator(rule: rule(minimum: .minutes(2)))
        _ = pending.observe(0.15, at: at(0))
        var back = AlertEvaluator(rule: rule(minimum: .minutes(2)), restoring: pending.state)
        XCTAssertEqual(back.observe(0.15, at: at(2)).map(\.transition), [.fired])
    }

    func testLevelsFromTheMonitorForDriftRules() {
        let bare = AlertRuleSpec(id: "amount", monitor: "fraud", metric: .featureDrift("amount"))
        let psi = AlertLevels(rule: bare, monitorThresholds: DriftThresholds(warn: 0.1, alert: 0.2), method: .psi)
        XCTAssertEqual(psi, AlertLevels(warning: 0.1, critical: 0.2, direction: .above))
        let ks = AlertLevels(rule: bare, monitorThresholds: DriftThresholds(warn: 0.05, alert: 0.01), method: .ks)
        XCTAssertEqual(ks, AlertLevels(warning: 0.05, critical: 0.01, direction: .below))
        XCTAssertEqual(ks.severity(of: 0.02), .warning)
        XCTAssertEqual(ks.severity(of: 0.001), .critical)
        XCTAssertNil(ks.severity(of: 0.3))
        let own = AlertLevels(rule: rule(), monitorThresholds: DriftThresholds(warn: 0.5, alert: 0.9), method: .psi)
        XCTAssertEqual(own, AlertLevels(warning: 0.1, critical: 0.2, direction: .above))
        // Only a critical level: it is also the level to clear.
        let criticalOnly = AlertRuleSpec(id: "lag", monitor: "m", metric: .streamingLag, critical: 100)
        var alert = AlertEvaluator(rule: criticalOnly)
        XCTAssertEqual(alert.observe(150, at: at(0)).map(\.severity), [.critical])
        XCTAssertEqual(alert.observe(99, at: at(1)).map(\.transition), [.resolved])
    }
}
