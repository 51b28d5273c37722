import Engine
import SimKernel

/// Deployment summaries as the engine fills them, for the Deployments
/// screen's tests: a canary mid-rollout (paused at step 3 of 7), one at an
/// approval gate, a Thompson bandit with a frozen arm, an A/B test, a
/// blue/green after its switch (old environment warm), a canary rolled back
/// on p99 latency, and a deployment with nothing deployed yet.
enum DeploymentsFixture {
    static let now = SimTime(sinceEpoch: .hours(2) + .minutes(30))

    static func at(_ minutes: Int64) -> SimTime { SimTime(sinceEpoch: .minutes(minutes)) }

    static func identity(_ user: String) -> DecisionIdentity {
        DecisionIdentity(user: user, sshClient: "10.0.0.7", wallTime: "2026-03-01T14:05:09Z")
    }

    static func window(_ version: Int, requests: Int, errors: Int, p50: Double, p95: Double, p99: Double,
                       labelled: Int = 0, correct: Int = 0, mirrored: Int = 0, compared: Int = 0, agreed: Int = 0) -> VersionWindowMetrics {
        VersionWindowMetrics(version: version, window: .minutes(5), end: now, requests: requests, errors: errors, mirrored: mirrored,
                             p50LatencyMs: requests + mirrored > 0 ? p50 : nil, p95LatencyMs: requests + mirrored > 0 ? p95 : nil,
                             p99LatencyMs: requests + mirrored > 0 ? p99 : nil, maxLatencyMs: nil,
                             labelled: labelled, correct: correct, compared: compared, agreed: agreed)
    }

    static func version(_ number: Int, _ role: VersionServingSummary.Role, live: Double, mirror: Double = 0,
                        window: VersionWindowMetrics, replicas: Int, replicaHours: Double) -> VersionServingSummary {
        VersionServingSummary(version: number, role: role, livePercent: live, mirrorPercent: mirror, window: window,
                              totals: VersionTotals(version: number, requests: window.requests * 20, replicaHours: replicaHours),
                              replicas: replicas, profile: ServingProfile())
    }

    static func split(_ stable: Int, _ candidate: Int, _ percent: Double, replicas: Int = 4, split: SplitKey = .request) -> RoutingTable {
        RoutingTable(live: [VersionWeight(version: stable, percent: 100 - percent), VersionWeight(version: candidate, percent: percent)],
                     split: split, replicas: [VersionReplicas(version: stable, count: replicas), VersionReplicas(version: candidate, count: 1)])
    }

    static let canaryPlan: [(String, PlanStepSummary.Status)] = [
        ("set weight 10%", .done), ("pause 10m", .done), ("analysis: error_rate < 1%, p99_latency_ms < 150", .done),
        ("set weight 25%", .done), ("pause 10m", .current), ("wait for approval", .pending), ("set weight 100%", .pending),
    ]

    static func plan(_ steps: [(String, PlanStepSummary.Status)]) -> [PlanStepSummary] {
        steps.map { PlanStepSummary(text: $0.0, status: $0.1) }
    }

    static let canaryTraits = StrategyTraits(noDowntime: true, conditionBased: true, rollbackTime: "fast", additionalCost: "low")

    static func canary() -> DeploymentSummary {
        let routing = split(3, 4, 25)
        return DeploymentSummary(
            id: "fraud-canary", description: "Card fraud scoring API", model: "fraud", mode: "realtime", modeStatus: "42 req/s",
            strategy: "canary", stableVersion: 3, candidateVersion: 4, phase: .paused, reason: "waiting 10m (4m left)", stepIndex: 4,
            plan: plan(canaryPlan), routing: routing,
            trafficHistory: [TrafficPoint(time: at(90), candidatePercent: 0), TrafficPoint(time: at(100), candidatePercent: 10),
                             TrafficPoint(time: at(110), candidatePercent: 10), TrafficPoint(time: at(126), candidatePercent: 10),
                             TrafficPoint(time: at(136), candidatePercent: 25), TrafficPoint(time: at(150), candidatePercent: 25)],
            versions: [
                version(3, .stable, live: 75, window: window(3, requests: 9450, errors: 9, p50: 19, p95: 41, p99: 58, labelled: 6200, correct: 5642),
                        replicas: 4, replicaHours: 10),
                version(4, .candidate, live: 25, window: window(4, requests: 3150, errors: 4, p50: 21, p95: 44, p99: 63, labelled: 2050, correct: 1878),
                        replicas: 1, replicaHours: 0.9),
            ],
            analysis: [
                AnalysisCheck(condition: "error_rate < 1%", value: 0.0013, threshold: 0.01, outcome: .pass, detail: "0.0013 < 0.01"),
                AnalysisCheck(condition: "p99_latency_ms < 150", value: 63, threshold: 150, outcome: .pass, detail: "63 < 150"),
                AnalysisCheck(condition: "accuracy >= stable - 0.02", value: 0.916, threshold: 0.89, outcome: .pass, detail: "0.916 >= 0.890"),
            ],
            analysisVerdict: "passed 1/1 measurements", bandit: nil, abTest: nil, traits: canaryTraits,
            recentChanges: [
                TrafficChange(deployment: "fraud-canary", time: at(90), routing: .single(3, replicas: 4), why: "deployed v3", who: "rollout"),
                TrafficChange(deployment: "fraud-canary", time: at(100), routing: split(3, 4, 10), why: "canary step 1/7: weight 10%", who: "rollout"),
                TrafficChange(deployment: "fraud-canary", time: at(136), routing: split(3, 4, 25), why: "canary step 4/7: weight 25%", who: "rollout"),
            ])
    }

    static func gated() -> DeploymentSummary {
        var d = canary()
        d.id = "fraud-gate"
        d.description = nil
        d.phase = .awaitingApproval
        d.reason = "waiting for approval of fraud v4"
        d.stepIndex = 5
        d.plan = plan(canaryPlan.enumerated().map { $0.offset < 5 ? ($0.element.0, .done) : ($0.element.0, $0.offset == 5 ? .current : .pending) })
        return d
    }

    static func bandit() -> DeploymentSummary {
        let routing = RoutingTable(live: [VersionWeight(version: 5, percent: 12.5), VersionWeight(version: 6, percent: 62.5), VersionWeight(version: 7, percent: 25)],
                                   replicas: [VersionReplicas(version: 5, count: 2), VersionReplicas(version: 6, count: 2), VersionReplicas(version: 7, count: 2)])
        return DeploymentSummary(
            id: "ranker-bandit", model: "ranker", mode: "realtime", modeStatus: "120 req/s", strategy: "bandit",
            stableVersion: 5, candidateVersion: nil, phase: .progressing, reason: "v6 best with P 0.81 (< 0.95)", stepIndex: nil, plan: [],
            routing: routing,
            trafficHistory: [TrafficPoint(time: at(120), candidatePercent: 33), TrafficPoint(time: at(135), candidatePercent: 48),
                             TrafficPoint(time: at(150), candidatePercent: 62.5)],
            versions: [
                version(5, .stable, live: 12.5, window: window(5, requests: 4500, errors: 5, p50: 15, p95: 30, p99: 45, labelled: 3000, correct: 2430), replicas: 2, replicaHours: 5),
                version(6, .candidate, live: 62.5, window: window(6, requests: 22500, errors: 20, p50: 16, p95: 31, p99: 47, labelled: 15000, correct: 12900), replicas: 2, replicaHours: 5),
                version(7, .candidate, live: 25, window: window(7, requests: 9000, errors: 9, p50: 15, p95: 29, p99: 44, labelled: 6000, correct: 5040), replicas: 2, replicaHours: 5),
            ],
            analysis: [], analysisVerdict: nil,
            bandit: BanditSummary(algorithm: "thompson", arms: [
                BanditArm(version: 5, alpha: 421, beta: 101, pulls: 520, probabilityBest: 0.02, percent: 12.5, pinned: false, frozen: false),
                BanditArm(version: 6, alpha: 1742, beta: 284, pulls: 2024, probabilityBest: 0.81, percent: 62.5, pinned: false, frozen: false),
                BanditArm(version: 7, alpha: 690, beta: 133, pulls: 821, probabilityBest: 0.17, percent: 25, pinned: false, frozen: true),
            ], regret: 18.4),
            abTest: nil, traits: StrategyTraits(noDowntime: true, conditionBased: true, rollbackTime: "fast", additionalCost: "low"),
            recentChanges: [TrafficChange(deployment: "ranker-bandit", time: at(150), routing: routing, why: "posterior update", who: "rollout")])
    }

    static func abTest() -> DeploymentSummary {
        let routing = split(2, 3, 50, replicas: 2, split: .user)
        return DeploymentSummary(
            id: "search-ab", model: "search", mode: "realtime", modeStatus: "60 req/s", strategy: "ab_test",
            stableVersion: 2, candidateVersion: 3, phase: .progressing, reason: "collecting: 1812/2000 samples per arm", stepIndex: 0,
            plan: plan([("split users 50/50 by user id", .current), ("test accuracy (alpha 0.05, min 2000)", .pending), ("promote the winner", .pending)]),
            routing: routing, trafficHistory: [TrafficPoint(time: at(60), candidatePercent: 50), TrafficPoint(time: at(150), candidatePercent: 50)],
            versions: [
                version(2, .stable, live: 50, window: window(2, requests: 9000, errors: 8, p50: 30, p95: 70, p99: 95, labelled: 1812, correct: 1633), replicas: 2, replicaHours: 5),
                version(3, .candidate, live: 50, window: window(3, requests: 9000, errors: 7, p50: 31, p95: 72, p99: 97, labelled: 1790, correct: 1653), replicas: 2, replicaHours: 5),
            ],
            analysis: [], analysisVerdict: nil, bandit: nil,
            abTest: ABTestSummary(kpi: "accuracy", stableSamples: 1812, stableValue: 0.9012, candidateSamples: 1790, candidateValue: 0.9235,
                                  pValue: 0.031, minSamples: 2000, verdict: "running: 1790/2000 samples"),
            traits: StrategyTraits(noDowntime: true, conditionBased: true, rollbackTime: "fast", additionalCost: "low"),
            recentChanges: [TrafficChange(deployment: "search-ab", time: at(60), routing: routing, why: "A/B test started: 50% of users", who: "ana")])
    }

    static func blueGreen() -> DeploymentSummary {
        let routing = RoutingTable(live: [VersionWeight(version: 9, percent: 100)],
                                   replicas: [VersionReplicas(version: 8, count: 3), VersionReplicas(version: 9, count: 3)])
        return DeploymentSummary(
            id: "churn-bluegreen", model: "churn", mode: "batch", modeStatus: "next job 03:00; last 10000 rows in 5s", strategy: "blue_green",
            stableVersion: 9, candidateVersion: nil, phase: .promoted, reason: "switched to v9; v8 kept warm until 02:50", stepIndex: nil,
            plan: plan([("preview v9 (mirror 100%)", .done), ("pre-promotion analysis", .done), ("switch", .done), ("post-promotion analysis", .done), ("scale down v8 after 30m", .pending)]),
            routing: routing, trafficHistory: [TrafficPoint(time: at(100), candidatePercent: 0), TrafficPoint(time: at(140), candidatePercent: 100)],
            versions: [
                version(9, .stable, live: 100, window: window(9, requests: 10000, errors: 0, p50: 4, p95: 7, p99: 9), replicas: 3, replicaHours: 7.5),
                version(8, .previous, live: 0, window: window(8, requests: 0, errors: 0, p50: 0, p95: 0, p99: 0), replicas: 3, replicaHours: 9),
            ],
            analysis: [AnalysisCheck(condition: "error_rate < 0.5%", value: 0, threshold: 0.005, outcome: .pass, detail: "0 < 0.005")],
            analysisVerdict: "post-promotion: passed", bandit: nil, abTest: nil,
            traits: StrategyTraits(noDowntime: true, conditionBased: false, rollbackTime: "instant", additionalCost: "high"),
            recentChanges: [TrafficChange(deployment: "churn-bluegreen", time: at(140), routing: routing, why: "blue/green switch to v9", who: "bo")])
    }

    static func rolledBack() -> DeploymentSummary {
        var steps = canaryPlan.map { ($0.0, PlanStepSummary.Status.pending) }
        steps[0].1 = .done
        steps[1].1 = .done
        steps[2].1 = .failed
        let routing = RoutingTable.single(1, replicas: 3)
        return DeploymentSummary(
            id: "pricing-canary", model: "pricing", mode: "streaming", modeStatus: "lag 1240 (8s)", strategy: "canary",
            stableVersion: 1, candidateVersion: 2, phase: .rolledBack, reason: "p99_latency_ms 182 >= 150", stepIndex: nil,
            plan: plan(steps), routing: routing,
            trafficHistory: [TrafficPoint(time: at(100), candidatePercent: 10), TrafficPoint(time: at(120), candidatePercent: 10), TrafficPoint(time: at(121), candidatePercent: 0)],
            versions: [
                version(1, .stable, live: 100, window: window(1, requests: 3000, errors: 3, p50: 40, p95: 90, p99: 120, labelled: 900, correct: 801), replicas: 3, replicaHours: 7.5),
                version(2, .candidate, live: 0, window: window(2, requests: 330, errors: 2, p50: 70, p95: 150, p99: 182, labelled: 100, correct: 88), replicas: 0, replicaHours: 0.4),
            ],
            analysis: [
                AnalysisCheck(condition: "error_rate < 1%", value: 0.0061, threshold: 0.01, outcome: .pass, detail: "0.0061 < 0.01"),
                AnalysisCheck(condition: "p99_latency_ms < 150", value: 182, threshold: 150, outcome: .fail, detail: "182 >= 150"),
                AnalysisCheck(condition: "accuracy >= stable - 0.02", value: nil, threshold: 0.87, outcome: .inconclusive, detail: "only 100 labels (< 200)"),
            ],
            analysisVerdict: "failed 1/1 measurements (limit 0)", bandit: nil, abTest: nil, traits: canaryTraits,
            recentChanges: [
                TrafficChange(deployment: "pricing-canary", time: at(100), routing: split(1, 2, 10, replicas: 3), why: "canary step 1/7: weight 10%", who: "rollout"),
                TrafficChange(deployment: "pricing-canary", time: at(121), routing: routing, why: "rolled back: p99_latency_ms 182 >= 150", who: "rollout"),
            ])
    }

    static func shadow() -> DeploymentSummary {
        let routing = RoutingTable(live: [VersionWeight(version: 3, percent: 100)], mirror: MirrorRoute(version: 4, percent: 100),
                                   replicas: [VersionReplicas(version: 3, count: 2), VersionReplicas(version: 4, count: 2)])
        return DeploymentSummary(
            id: "fraud-shadow", model: "fraud", mode: "realtime", modeStatus: "30 req/s", strategy: "shadow",
            stableVersion: 3, candidateVersion: 4, phase: .progressing, reason: "mirroring: analysis 2/3 in 5m", stepIndex: 1,
            plan: plan([("mirror 100% to v4", .done), ("analysis: agreement >= 0.95, p99_latency_ms < 150", .current), ("wait for approval", .pending), ("switch to v4", .pending)]),
            routing: routing, trafficHistory: [TrafficPoint(time: at(120), candidatePercent: 0), TrafficPoint(time: at(150), candidatePercent: 0)],
            versions: [
                version(3, .stable, live: 100, window: window(3, requests: 9000, errors: 9, p50: 19, p95: 41, p99: 58), replicas: 2, replicaHours: 5),
                version(4, .candidate, live: 0, mirror: 100, window: window(4, requests: 0, errors: 0, p50: 22, p95: 45, p99: 66, mirrored: 9000, compared: 9000, agreed: 8790),
                        replicas: 2, replicaHours: 5),
            ],
            analysis: [
                AnalysisCheck(condition: "agreement >= 0.95", value: 0.9767, threshold: 0.95, outcome: .pass, detail: "0.977 >= 0.95"),
                AnalysisCheck(condition: "p99_latency_ms < 150", value: 66, threshold: 150, outcome: .pass, detail: "66 < 150"),
            ],
            analysisVerdict: "passed 2/3 measurements", bandit: nil, abTest: nil,
            traits: StrategyTraits(noDowntime: true, conditionBased: true, rollbackTime: "instant", additionalCost: "high"),
            recentChanges: [TrafficChange(deployment: "fraud-shadow", time: at(120), routing: routing, why: "shadow: mirror 100% to v4", who: "rollout")])
    }

    static func empty() -> DeploymentSummary {
        DeploymentSummary(
            id: "recs-edge", model: "recs", mode: "edge", modeStatus: "0/500 devices, 61 offline", strategy: "rolling",
            stableVersion: nil, candidateVersion: nil, phase: .empty, reason: "no approved version of recs yet", stepIndex: nil,
            plan: [], routing: RoutingTable(live: []), trafficHistory: [], versions: [], analysis: [], analysisVerdict: nil,
            bandit: nil, abTest: nil, traits: StrategyTraits(noDowntime: true, conditionBased: true, rollbackTime: "slow", additionalCost: "none"),
            recentChanges: [])
    }

    static func all() -> [DeploymentSummary] {
        [canary(), gated(), shadow(), bandit(), abTest(), blueGreen(), rolledBack(), empty()]
    }

    static func snapshot(_ deployments: [DeploymentSummary] = all()) -> EngineSnapshot {
        EngineSnapshot(projectName: "serving-demo", seed: 7, now: now, isPaused: false, speed: .multiplier(60),
                       pendingEventCount: 0, nextEventTime: nil, recentEvents: [], totalEventCount: 0, deployments: deployments)
    }
}
