import XCTest
@testable import Engine

/// Every trigger rule, as a pure decision table and end to end in a run.
final class TriggerRuleTests: XCTestCase {
    private func counts(_ total: Int, s: Int = 0, f: Int = 0, k: Int = 0) -> UpstreamCounts {
        UpstreamCounts(total: total, succeeded: s, failed: f, skipped: k)
    }

    func testDecisionTable() {
        let cases: [(TriggerRule, UpstreamCounts, TriggerDecision)] = [
            (.allSuccess, counts(2, s: 1), .wait),
            (.allSuccess, counts(2, s: 2), .run),
            (.allSuccess, counts(3, f: 1), .upstreamFailed),
            (.allSuccess, counts(3, s: 1, k: 1), .skip),
            (.allSuccess, counts(3, f: 1, k: 1), .upstreamFailed),
            (.allFailed, counts(2, f: 1), .wait),
            (.allFailed, counts(2, f: 2), .run),
            (.allFailed, counts(3, s: 1), .skip),
            (.allFailed, counts(3, k: 1), .skip),
            (.allDone, counts(3, s: 1, f: 1), .wait),
            (.allDone, counts(3, s: 1, f: 1, k: 1), .run),
            (.oneSuccess, counts(3, s: 1), .run),
            (.oneSuccess, counts(3, f: 2), .wait),
            (.oneSuccess, counts(3, f: 2, k: 1), .upstreamFailed),
            (.oneSuccess, counts(2, k: 2), .skip),
            (.oneFailed, counts(3, f: 1), .run),
            (.oneFailed, counts(3, s: 2), .wait),
            (.oneFailed, counts(3, s: 2, k: 1), .skip),
            (.noneFailed, counts(2, s: 1, k: 1), .run),
            (.noneFailed, counts(2, k: 2), .run),
            (.noneFailed, counts(3, f: 1), .upstreamFailed),
            (.noneFailed, counts(3, s: 1), .wait),
            (.always, counts(3), .run),
            (.always, counts(2, f: 2), .run),
        ]
        for (rule, counts, expected) in cases {
            XCTAssertEqual(rule.decide(counts), expected, "\(rule.rawValue) with \(counts)")
        }
        for rule in TriggerRule.allCases {
            XCTAssertEqual(rule.decide(UpstreamCounts(total: 0)), .run, "\(rule.rawValue) without needs runs")
        }
    }

    /// ok finishes at 10s, ok2 at 15s, slow at 30s, bad fails at 20s,
    /// bad2 at 25s, skp is skipped at 10s; `target` takes 5s.
    private func runTarget(needs: [String], rule: TriggerRule) throws -> (StepSummary, RunSummary) {
        let steps = [
            PT.sim("ok", 10), PT.sim("ok2", 15), PT.sim("slow", 30), PT.sim("bad", 20, fail: 1), PT.sim("bad2", 25, fail: 1),
            PT.sim("skp", needs: ["ok"], 1, rule: .oneFailed),
            PT.sim("target", needs: needs, 5, rule: rule),
        ]
        let engine = try PT.engine(PT.project([PipelineSpec(id: "p", steps: steps)]))
        let run = engine.triggerRun("p")
        engine.advance(to: PT.t(1000))
        let summary = engine.summary(run)
        return (summary.steps.first { $0.id == "target" }!, summary)
    }

    func testEveryRuleInARun() throws {
        // (needs, rule, final state, start second or nil when it never ran, reason)
        let cases: [([String], TriggerRule, StepState, Int64?, String?)] = [
            (["ok", "ok2"], .allSuccess, .succeeded, 15, nil),
            (["ok", "bad"], .allSuccess, .upstreamFailed, nil, "upstream_failed: bad failed: simulated failure"),
            (["ok", "skp"], .allSuccess, .skipped, nil, "skipped: trigger rule all_success not met"),
            (["bad", "bad2"], .allFailed, .succeeded, 25, nil),
            (["bad", "ok"], .allFailed, .skipped, nil, "skipped: trigger rule all_failed not met"),
            (["ok", "bad", "skp"], .allDone, .succeeded, 20, nil),
            (["slow", "ok"], .oneSuccess, .succeeded, 10, nil),
            (["bad", "bad2"], .oneSuccess, .upstreamFailed, nil, "upstream_failed: bad failed: simulated failure"),
            (["skp"], .oneSuccess, .skipped, nil, "skipped: trigger rule one_success not met"),
            (["slow", "bad"], .oneFailed, .succeeded, 20, nil),
            (["ok", "ok2"], .oneFailed, .skipped, nil, "skipped: trigger rule one_failed not met"),
            (["ok", "skp"], .noneFailed, .succeeded, 10, nil),
            (["ok", "bad"], .noneFailed, .upstreamFailed, nil, "upstream_failed: bad failed: simulated failure"),
            (["bad", "slow"], .always, .succeeded, 0, nil),
        ]
        for (needs, rule, state, start, reason) in cases {
            let (target, _) = try runTarget(needs: needs, rule: rule)
            let label = "\(rule.rawValue) after \(needs)"
            XCTAssertEqual(target.state, state, label)
            XCTAssertEqual(target.attemptSpans.first?.start, start.map(PT.t), label)
            if let reason { XCTAssertEqual(target.reason, reason, label) }
        }
    }

    func testPendingReasonNamesTheFirstUnfinishedNeed() throws {
        let steps = [PT.sim("a", 10), PT.sim("b", 20), PT.sim("join", needs: ["a", "b"], 5)]
        let engine = try PT.engine(PT.project([PipelineSpec(id: "p", steps: steps)]))
        let run = engine.triggerRun("p")
        XCTAssertEqual(engine.step(run, "join")?.reason, "pending: waiting for a")
        engine.advance(to: PT.t(10))
        XCTAssertEqual(engine.step(run, "join")?.reason, "pending: waiting for b")
        engine.advance(to: PT.t(20))
        XCTAssertEqual(engine.step(run, "join")?.state, .running)
    }
}
