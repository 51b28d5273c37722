import XCTest
@testable import Engine

final class ProjectSummaryTests: XCTestCase {
    func testSummaryLines() throws {
        let spec = try XCTUnwrap(ProjectTestSupport.spec("""
        project: demo
        seed: 7
        pools: {cpu: 2, gpu: 1}
        pipelines:
          retrain:
            description: Retrain the model
            schedule: "30 2 * * *"
            triggers: [manual]
            params: {rows: 20000, rate: 0.5, region: eu, full: true}
            steps:
              a: {run: x}
              b: {needs: [a], run: x}
          quick:
            every: 10m
            max_active_runs: 2
            catchup: true
            steps:
              a: {run: x}
          adhoc:
            steps:
              a: {run: x}
        """))
        let calendar = SimCalendar()
        let now = calendar.time(year: 2026, month: 1, day: 1, hour: 3)
        XCTAssertEqual(ProjectSummary.lines(for: spec, now: now, calendar: calendar), [
            "project: demo",
            "seed: 7",
            "pools: cpu 2, gpu 1",
            "data: none",
            "pipelines: 3",
            "pipeline retrain: 2 steps - Retrain the model",
            "  schedule: 30 2 * * * (UTC); next 2026-01-02 02:30, 2026-01-03 02:30, 2026-01-04 02:30",
            "  triggers: manual, cron",
            "  max_active_runs: 1, catchup: false",
            "  params: rows = 20000 (integer), rate = 0.5 (number), region = \"eu\" (string), full = true (boolean)",
            "pipeline quick: 1 step",
            "  schedule: every 10m (UTC); next 2026-01-01 03:10, 2026-01-01 03:20, 2026-01-01 03:30",
            "  triggers: manual, cron",
            "  max_active_runs: 2, catchup: true",
            "  params: none",
            "pipeline adhoc: 1 step",
            "  schedule: none",
            "  triggers: manual",
            "  max_active_runs: 1, catchup: false",
            "  params: none",
            "models: 0",
            "deployments: 0",
            "monitors: 0",
            "alerts: 0",
        ])
    }

    func testNeverMatchingCronAndNoPools() throws {
        let spec = try XCTUnwrap(ProjectTestSupport.spec("project: demo\npipelines:\n  p:\n    schedule: \"0 0 31 2 *\"\n    steps:\n      a: {run: x}\n"))
        let lines = ProjectSummary.lines(for: spec, now: .zero, calendar: SimCalendar())
        XCTAssertEqual(lines[2], "pools: none")
        XCTAssertEqual(lines[6], "  schedule: 0 0 31 2 * (UTC); never matches")
    }

    func testDataAndModelsLines() throws {
        let spec = try XCTUnwrap(ProjectLoader.embeddedDemo(builtins: BuiltinRegistry.standard.names).get())
        let lines = ProjectSummary.lines(for: spec, now: .zero, calendar: SimCalendar())
        XCTAssertTrue(lines.contains("data: 4 features (amount, merchant, hour, card_age), 3 drift scenarios"), "\(lines)")
        XCTAssertTrue(lines.contains("model fraud: policy manual, approval timeout 1d then reject"), "\(lines)")
    }

    func testDeploymentsWithTheirPlanEstimates() throws {
        let spec = try XCTUnwrap(ProjectTestSupport.spec("""
        project: demo
        models:
          fraud: {policy: manual}
        deployments:
          api:
            description: Checkout scoring
            model: fraud
            mode: {realtime: {rate: 40}}
            strategy:
              canary: {steps: [{weight: 10}, {pause: 10m}, approval, {weight: 50}, {pause: 5m}, {weight: 100}]}
          nightly:
            model: fraud
            mode: {batch: {every: 30m, rows: 18000, throughput: 500}}
            strategy: {basic: {downtime: 30s}}
          checkout:
            model: fraud
            mode: {realtime: {rate: 20}}
            strategy: {ab_test: {split: 50, kpi: error_rate, min_samples: 1200, max_duration: 3h, approval: false}}
          starved:
            model: fraud
            mode: {realtime: {rate: 0.01}}
            strategy: {ab_test: {split: 50, kpi: error_rate, min_samples: 1200, max_duration: 3h}}

        """ + DeploymentTestSupport.data))
        let lines = ProjectSummary.lines(for: spec, now: .zero, calendar: SimCalendar())
        let start = try XCTUnwrap(lines.firstIndex(of: "deployments: 4"))
        XCTAssertEqual(Array(lines[start...]), [
            "deployments: 4",
            "deployment api: model fraud, realtime 40/s, canary (6 steps) - Checkout scoring",
            "  estimate: full promotion in ~15m + approval wait, rollback ~0s; one routing change",
            "deployment nightly: model fraud, batch 18000 rows every 30m, basic",
            "  estimate: full promotion in ~30s, rollback ~30s; redeploys; requests fail for 30s each way",
            // 1200 samples per arm at 10/s = 2m, read every minute.
            "deployment checkout: model fraud, realtime 20/s, ab_test",
            "  estimate: full promotion in ~2m, rollback ~0s; 1200 samples per arm at 10/s",
            "deployment starved: model fraud, realtime 0.01/s, ab_test",
            "  estimate: full promotion in ~3h + approval wait, rollback ~0s; 1200 samples per arm at 0.01/s; max duration reached first (inconclusive)",
            "monitors: 0",
            "alerts: 0",
        ])
    }

    func testEveryDemoDeploymentHasAnEstimate() throws {
        let spec = try XCTUnwrap(ProjectLoader.embeddedDemo(builtins: BuiltinRegistry.standard.names).get())
        let lines = ProjectSummary.lines(for: spec, now: .zero, calendar: SimCalendar())
        let estimates = lines.filter { $0.hasPrefix("  estimate: full promotion in ~") }
        XCTAssertEqual(estimates.count, spec.deployments.count, "\(lines)")
        XCTAssertTrue(lines.contains("  estimate: full promotion in ~20m, rollback ~10m; replica by replica: 2 batches of up to 2 every 5m"), "\(lines)")
    }
}
