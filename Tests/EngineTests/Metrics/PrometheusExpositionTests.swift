import XCTest
@testable import Engine

final class PrometheusExpositionTests: XCTestCase {
    /// One deployment with two versions, one monitor with a drift value and
    /// an SLO, one firing alert, one pipeline with two finished runs.
    static func fixture(projectName: String = "demo") -> EngineSnapshot {
        var latency = MetricHistogram(upperBounds: [0.01, 0.1])
        latency.observe(0.004)
        latency.observe(0.05)
        latency.observe(0.5)
        let versions = [
            VersionServingSummary(version: 1, role: .stable, livePercent: 90, mirrorPercent: 0,
                                  window: VersionWindowMetrics(version: 1, window: .minutes(5), end: .zero),
                                  totals: VersionTotals(version: 1, requests: 1200, errors: 3), replicas: 2,
                                  profile: ServingProfile(), latency: latency),
            VersionServingSummary(version: 2, role: .candidate, livePercent: 10, mirrorPercent: 25,
                                  window: VersionWindowMetrics(version: 2, window: .minutes(5), end: .zero),
                                  totals: VersionTotals(version: 2, requests: 130, errors: 0, mirrored: 40), replicas: 1,
                                  profile: ServingProfile(), latency: nil),
        ]
        let deployment = DeploymentSummary(
            id: "fraud-api", model: "fraud", mode: "realtime", modeStatus: "40 req/s", strategy: "canary", stableVersion: 1,
            candidateVersion: 2, phase: .progressing, reason: "", stepIndex: 0, plan: [],
            routing: RoutingTable(live: [VersionWeight(version: 1, percent: 90), VersionWeight(version: 2, percent: 10)]),
            trafficHistory: [], versions: versions, analysis: [], analysisVerdict: nil, bandit: nil, abTest: nil,
            traits: StrategyTraits(noDowntime: true, conditionBased: true, rollbackTime: "fast", additionalCost: "low"),
            recentChanges: [])
        let feature = { (name: String, value: Double?, state: DriftState) in
            FeatureDriftSummary(feature: name, isCategorical: false, method: .psi, value: value, statistic: nil, rawDistance: nil,
                                thresholds: DriftThresholds(warn: 0.1, alert: 0.2), referenceCount: 100, currentCount: 100,
                                state: state, note: nil, history: [], binLabels: [], referenceShares: [], currentShares: [])
        }
        let slo = SLOSummary(id: "availability", objective: .availability, target: 0.999, period: .days(30), good: 999, total: 1000,
                             budgetRemaining: 0.25, burnRates: [BurnRate(window: .minutes(5), rate: 2.5), BurnRate(window: .hours(1), rate: 0)],
                             alert: .none, freezesPromotions: false)
        let monitor = MonitorSummary(
            id: "fraud-inputs", deployment: "fraud-api", servingVersion: 1, reference: "training", window: "30m", evaluatedAt: nil,
            features: [feature("amount", 0.31, .drift), feature("age", nil, .insufficient)], datasetDrift: nil, concept: nil,
            performance: [], slos: [slo],
            health: SystemHealthSummary(replicaUtilisation: 0.5, streamingLag: nil, pipelineFailuresLastHour: 0, schedulerBacklog: 0))
        let alert = AlertSummary(id: "amount-drift", description: nil, monitor: "fraud-inputs", deployment: "fraud-api", metric: "drift",
                                 state: .firing, severity: .warning, value: 0.31, threshold: 0.2, direction: .above, since: .zero,
                                 firedAt: nil, resolvedAt: nil, acknowledgedBy: nil, silencedUntil: nil, occurrences: 1, message: "",
                                 subject: nil)
        var durations = MetricHistogram(upperBounds: [60, 600])
        durations.observe(45)
        durations.observe(90)
        let pipeline = PipelineSummary(
            id: "retrain", description: nil, stepCount: 3, lastRunID: nil, lastRunState: nil, nextScheduledAt: nil, successRate: nil,
            finishedRunsCounted: 2, activeRuns: 0, queuedRuns: 0, scheduleText: nil,
            runsByState: [RunStateCount(state: .succeeded, count: 1), RunStateCount(state: .failed, count: 1)], runDurations: durations)
        return EngineSnapshot(projectName: projectName, seed: 1, now: SimTime(milliseconds: 90_500), isPaused: false, speed: .realTime,
                              pendingEventCount: 0, nextEventTime: nil, recentEvents: [], totalEventCount: 0,
                              pipelines: [pipeline], deployments: [deployment], monitors: [monitor], alerts: [alert])
    }

    func testFixtureRendersExactly() {
        let expected = """
        # HELP flightdeck_simulated_time_seconds The engine's simulated clock, seconds since the project's start.
        # TYPE flightdeck_simulated_time_seconds gauge
        flightdeck_simulated_time_seconds{project="demo"} 90.5
        # HELP flightdeck_requests_total Live requests answered or failed by a version since the engine started.
        # TYPE flightdeck_requests_total counter
        flightdeck_requests_total{deployment="fraud-api",model="fraud",version="1"} 1200
        flightdeck_requests_total{deployment="fraud-api",model="fraud",version="2"} 130
        # HELP flightdeck_request_errors_total Failed requests of a version (live and mirrored) since the engine started.
        # TYPE flightdeck_request_errors_total counter
        flightdeck_request_errors_total{deployment="fraud-api",model="fraud",version="1"} 3
        flightdeck_request_errors_total{deployment="fraud-api",model="fraud",version="2"} 0
        # HELP flightdeck_mirrored_requests_total Requests mirrored to a version (shadow, preview) since the engine started.
        # TYPE flightdeck_mirrored_requests_total counter
        flightdeck_mirrored_requests_total{deployment="fraud-api",model="fraud",version="1"} 0
        flightdeck_mirrored_requests_total{deployment="fraud-api",model="fraud",version="2"} 40
        # HELP flightdeck_request_latency_seconds Latency of a version's answered requests (live and mirrored), simulated seconds, since it entered the deployment.
        # TYPE flightdeck_request_latency_seconds histogram
        flightdeck_request_latency_seconds_bucket{deployment="fraud-api",model="fraud",version="1",le="0.01"} 1
        flightdeck_request_latency_seconds_bucket{deployment="fraud-api",model="fraud",version="1",le="0.1"} 2
        flightdeck_request_latency_seconds_bucket{deployment="fraud-api",model="fraud",version="1",le="+Inf"} 3
        flightdeck_request_latency_seconds_sum{deployment="fraud-api",model="fraud",version="1"} 0.554
        flightdeck_request_latency_seconds_count{deployment="fraud-api",model="fraud",version="1"} 3
        # HELP flightdeck_traffic_weight_ratio A version's share of live traffic, 0 to 1.
        # TYPE flightdeck_traffic_weight_ratio gauge
        flightdeck_traffic_weight_ratio{deployment="fraud-api",model="fraud",version="1"} 0.9
        flightdeck_traffic_weight_ratio{deployment="fraud-api",model="fraud",version="2"} 0.1
        # HELP flightdeck_mirror_weight_ratio The share of requests copied to a version as a mirror, 0 to 1.
        # TYPE flightdeck_mirror_weight_ratio gauge
        flightdeck_mirror_weight_ratio{deployment="fraud-api",model="fraud",version="1"} 0
        flightdeck_mirror_weight_ratio{deployment="fraud-api",model="fraud",version="2"} 0.25
        # HELP flightdeck_replicas Replicas a version runs.
        # TYPE flightdeck_replicas gauge
        flightdeck_replicas{deployment="fraud-api",model="fraud",version="1"} 2
        flightdeck_replicas{deployment="fraud-api",model="fraud",version="2"} 1
        # HELP flightdeck_drift_value A feature's latest drift value (PSI, KS or chi-square p-value, normalised Wasserstein, JS distance) by its monitor's method.
        # TYPE flightdeck_drift_value gauge
        flightdeck_drift_value{monitor="fraud-inputs",deployment="fraud-api",feature="amount",method="psi"} 0.31
        # HELP flightdeck_drift_detected 1 when a feature's latest drift value crosses its drift threshold, else 0.
        # TYPE flightdeck_drift_detected gauge
        flightdeck_drift_detected{monitor="fraud-inputs",deployment="fraud-api",feature="amount",method="psi"} 1
        flightdeck_drift_detected{monitor="fraud-inputs",deployment="fraud-api",feature="age",method="psi"} 0
        # HELP flightdeck_slo_burn_rate An SLO's error-budget burn rate over a window (1 spends the budget exactly over the period).
        # TYPE flightdeck_slo_burn_rate gauge
        flightdeck_slo_burn_rate{monitor="fraud-inputs",deployment="fraud-api",slo="availability",window="5m"} 2.5
        flightdeck_slo_burn_rate{monitor="fraud-inputs",deployment="fraud-api",slo="availability",window="1h"} 0
        # HELP flightdeck_slo_error_budget_remaining_ratio The share of an SLO's error budget left (1 untouched, 0 spent, negative overspent).
        # TYPE flightdeck_slo_error_budget_remaining_ratio gauge
        flightdeck_slo_error_budget_remaining_ratio{monitor="fraud-inputs",deployment="fraud-api",slo="availability"} 0.25
        # HELP flightdeck_alert_state An alert rule's state: 1 on the current state's label, 0 on the others.
        # TYPE flightdeck_alert_state gauge
        flightdeck_alert_state{alert="amount-drift",monitor="fraud-inputs",deployment="fraud-api",state="ok"} 0
        flightdeck_alert_state{alert="amount-drift",monitor="fraud-inputs",deployment="fraud-api",state="pending"} 0
        flightdeck_alert_state{alert="amount-drift",monitor="fraud-inputs",deployment="fraud-api",state="firing"} 1
        flightdeck_alert_state{alert="amount-drift",monitor="fraud-inputs",deployment="fraud-api",state="acknowledged"} 0
        flightdeck_alert_state{alert="amount-drift",monitor="fraud-inputs",deployment="fraud-api",state="silenced"} 0
        flightdeck_alert_state{alert="amount-drift",monitor="fraud-inputs",deployment="fraud-api",state="resolved"} 0
        # HELP flightdeck_pipeline_runs Runs of a pipeline the engine knows, by their current state.
        # TYPE flightdeck_pipeline_runs gauge
        flightdeck_pipeline_runs{pipeline="retrain",state="succeeded"} 1
        flightdeck_pipeline_runs{pipeline="retrain",state="failed"} 1
        # HELP flightdeck_pipeline_run_duration_seconds Durations of a pipeline's finished runs, start to end, simulated seconds.
        # TYPE flightdeck_pipeline_run_duration_seconds histogram
        flightdeck_pipeline_run_duration_seconds_bucket{pipeline="retrain",le="60"} 1
        flightdeck_pipeline_run_duration_seconds_bucket{pipeline="retrain",le="600"} 2
        flightdeck_pipeline_run_duration_seconds_bucket{pipeline="retrain",le="+Inf"} 2
        flightdeck_pipeline_run_duration_seconds_sum{pipeline="retrain"} 135
        flightdeck_pipeline_run_duration_seconds_count{pipeline="retrain"} 2

        """
        let text = PrometheusExposition.render(Self.fixture())
        if text != expected {
            let got = text.split(separator: "\n", omittingEmptySubsequences: false)
            let want = expected.split(separator: "\n", omittingEmptySubsequences: false)
            for index in 0..<max(got.count, want.count) {
                let a = index < got.count ? String(got[index]) : "<none>"
                let b = index < want.count ? String(want[index]) : "<none>"
                if a != b { XCTFail("line \(index + 1):\n  got:  \(a)\n  want: \(b)"); break }
            }
        }
    }

    func testEveryLineParses() throws {
        let text = PrometheusExposition.render(Self.fixture(projectName: "odd \\ \"name\"\nline two"))
        let samples = try PrometheusTextChecker.check(text).get()
        XCTAssertEqual(samples.count, text.split(separator: "\n").filter { !$0.hasPrefix("#") }.count)
        XCTAssertEqual(samples.first?.labels["project"], "odd \\ \"name\"\nline two")
    }

    func testEscaping() {
        XCTAssertEqual(PrometheusExposition.escapeLabelValue(#"a\b"c"# + "\nd"), #"a\\b\"c\nd"#)
        XCTAssertEqual(PrometheusExposition.escapeLabelValue("plain é"), "plain é")
        XCTAssertEqual(PrometheusExposition.escapeHelp("a\\b\nc \"q\""), #"a\\b\nc "q""#)
        let text = PrometheusExposition.render(Self.fixture(projectName: "x\"y"))
        XCTAssertTrue(text.contains(#"flightdeck_simulated_time_seconds{project="x\"y"} 90.5"#), text)
    }

    func testValueFormatting() {
        XCTAssertEqual(PrometheusExposition.formatValue(3), "3")
        XCTAssertEqual(PrometheusExposition.formatValue(-0.5), "-0.5")
        XCTAssertEqual(PrometheusExposition.formatValue(1e-5), "1e-05")
        XCTAssertEqual(PrometheusExposition.formatValue(.infinity), "+Inf")
        XCTAssertEqual(PrometheusExposition.formatValue(-.infinity), "-Inf")
        XCTAssertEqual(PrometheusExposition.formatValue(.nan), "NaN")
    }

    func testCheckerRejectsBrokenText() {
        XCTAssertThrowsError(try PrometheusTextChecker.check("# TYPE a gauge\na{x=\"1} 2\n").get())
        XCTAssertThrowsError(try PrometheusTextChecker.check("b 1\n").get())  // undeclared
        XCTAssertThrowsError(try PrometheusTextChecker.check("# TYPE c counter\nc 1\n").get())  // no _total
        XCTAssertThrowsError(try PrometheusTextChecker.check("# TYPE h histogram\nh_bucket{le=\"1\"} 2\nh_bucket{le=\"+Inf\"} 1\nh_count 1\n").get())
        XCTAssertNoThrow(try PrometheusTextChecker.check("# HELP g x\n# TYPE g gauge\ng{a=\"\\\\\"} NaN\n").get())
    }
}
