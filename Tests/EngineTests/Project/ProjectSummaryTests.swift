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
            triggers: [manual, {on_alert: drift}]
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
            "  triggers: manual, on_alert: drift, cron",
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
}
