import Engine
import Foundation
import XCTest
@testable import flightdeck

/// `simulate` on a small project: the same seed gives the same report, the
/// what-if flags decide approvals as the user `simulate`, and what the
/// driver keeps stays bounded.
final class SimulationReportTests: XCTestCase {
    static let project = """
    project: sim-fixture
    seed: 7
    data:
      features:
        amount: {normal: {mean: 50, sd: 20}, min: 0}
        merchant: {categorical: {online: 0.6, store: 0.4}}
      label: {intercept: -2.0, weights: {amount: 0.02, merchant=online: 1.0}, noise: 0.2}
      drift:
        - {gradual: amount, from: 30m, to: 2h, to_params: {mean: 90}}
    pipelines:
      retrain:
        every: 1h
        params: {rows: 2000}
        steps:
          sample: {builtin: sample}
          train: {needs: [sample], builtin: train}
          evaluate: {needs: [train], builtin: evaluate}
          register: {needs: [evaluate], builtin: register}
      chores:
        every: 20m
        steps:
          a: {simulate: {duration: "uniform(10s, 60s)", fail: 0.2}, retries: 1, retry_delay: 10s}
          b: {needs: [a], simulate: {duration: 30s}}
    models:
      fraud:
        policy: manual
        approval_timeout: 40m
        on_timeout: reject
        bootstrap: {rows: 400}
    deployments:
      api:
        model: fraud
        mode: {realtime: {rate: 20}}
        replicas: {count: 2, capacity: 30}
        latency: {median: 20ms, p99: 60ms}
        label_delay: 1m
        strategy:
          canary:
            steps: [{weight: 20}, {pause: 5m}, approval, {weight: 100}]
    monitors:
      inputs:
        deployment: api
        drift: {reference: training, window: 10m, every: 1m, max_sample: 1000}
        slos:
          latency: {latency: "p99 < 150ms", period: 1d}
    alerts:
      amount-drift:
        monitor: inputs
        metric: drift.amount
        for: 2m
    """

    private func simulate(seed: UInt64? = nil, span: SimDuration = .hours(3), whatIf: WhatIfDecision? = nil,
                          check: ((SimulationDriver) -> Void)? = nil) throws -> SimulationReport {
        let spec = try ProjectLoader.parse(text: Self.project, source: "fixture.yaml", directory: nil,
                                           builtins: BuiltinRegistry.standard.names).get()
        let directory = try MonitoringCLIFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let workspace = Workspace(spec: spec, projectFile: nil, statePath: directory)
        let opened = try workspace.openEngine(persist: false, seed: seed)
        defer { opened.shutdown() }
        let driver = SimulationDriver(engine: opened.engine, span: span, whatIf: whatIf, pruneDrift: true)
        let completed = driver.run(measureMemory: false, poll: {}, stop: { false }) { driver in check?(driver) }
        XCTAssertTrue(completed)
        XCTAssertEqual(opened.engine.now, SimTime.zero + span)
        return SimulationReport(engine: opened.engine, spec: spec, driver: driver, completed: completed)
    }

    func testSameSeedSameReportAndAnotherSeedDiffers() throws {
        let first = try JSONOutput.encode(try simulate())
        let second = try JSONOutput.encode(try simulate())
        XCTAssertEqual(first, second)
        XCTAssertFalse(first.contains("\"measurement\""), "the report proper carries no wall-clock figures")
        let other = try JSONOutput.encode(try simulate(seed: 8))
        XCTAssertNotEqual(first, other)
    }

    func testTheReportCoversRunsVersionsCostAlertsAndDrift() throws {
        let report = try simulate()
        let retrain = try XCTUnwrap(report.pipelines.first { $0.id == "retrain" })
        XCTAssertEqual(retrain.runs, 3)
        XCTAssertEqual(report.pipelines.first { $0.id == "chores" }?.runs, 9)
        let model = try XCTUnwrap(report.models.first)
        XCTAssertGreaterThan(model.versionsRegistered, 1)
        let api = try XCTUnwrap(report.deployments.first)
        XCTAssertGreaterThan(api.requests, 150_000)
        XCTAssertEqual(report.requests, api.requests)
        // Two replicas for three hours, plus the candidates' replicas while they ran.
        XCTAssertGreaterThanOrEqual(api.replicaHours, 6)
        XCTAssertEqual(api.versions.map(\.replicaHours).reduce(0, +), api.replicaHours, accuracy: 1e-6)
        XCTAssertEqual(report.alerts.map(\.id), ["amount-drift"])
        let amount = try XCTUnwrap(report.drift.first { $0.feature == "amount" })
        XCTAssertFalse(amount.points.isEmpty)
        XCTAssertGreaterThan(amount.points.last!.max, amount.points.first!.max, "the amount drifts away over the run")
        XCTAssertEqual(report.slos.map(\.slo), ["latency"])
        let text = report.text(glyphs: .ascii)
        XCTAssertTrue(text.contains("drift inputs/amount"))
        XCTAssertTrue(text.contains("COST"))
        // Without --approve-all the manual approvals time out after 40m and reject.
        XCTAssertTrue(model.decidedBy.contains { $0.name == "timeout" }, "\(model.decidedBy)")
        XCTAssertFalse(model.decidedBy.contains { $0.name == SimulationDriver.user })
    }

    func testApproveAllDecidesAsTheSimulateUser() throws {
        let report = try simulate(whatIf: .approveAll)
        let model = try XCTUnwrap(report.models.first)
        XCTAssertGreaterThan(report.approvals.decided, 0)
        XCTAssertTrue(model.decidedBy.contains { $0.name == SimulationDriver.user }, "\(model.decidedBy)")
        XCTAssertFalse(model.decidedBy.contains { $0.name == "timeout" })
        XCTAssertEqual(model.pending, 0)
        XCTAssertGreaterThan(model.promotions, 0)
        let rejected = try simulate(whatIf: .rejectAll)
        XCTAssertEqual(rejected.models.first?.approved, 0)
        XCTAssertGreaterThan(rejected.models.first?.rejected ?? 0, 0)
    }

    func testDriftRollupsAreFoldedAndPruned() throws {
        var stored: [Int] = []
        _ = try simulate(span: .hours(6)) { driver in
            if driver.engine.now.milliseconds % 3_600_000 == 0 {
                stored.append((try? driver.engine.driftHistory(monitor: "inputs", since: nil).count) ?? -1)
            }
        }
        XCTAssertEqual(stored.count, 6)
        // Two features evaluated once a minute: at most an hour of them (plus the newest) stays stored.
        for count in stored { XCTAssertLessThanOrEqual(count, 2 * 61, "\(stored)") }
    }
}
