import Foundation
import XCTest
@testable import Engine

/// The model builtins chained in a pipeline run by the engine.
final class ModelBuiltinChainTests: XCTestCase {
    func testChainRegistersAVersionWithLineageMetricsAndArtifacts() throws {
        let directory = try BT.directory()
        let engine = try BT.engine(BT.yaml(), directory: directory)
        let run = BT.run(engine, "retrain")
        XCTAssertEqual(engine.run(run)?.state, .succeeded, engine.run(run)?.reason ?? "")
        for step in ["sample", "validate", "train", "evaluate", "register", "notify"] {
            XCTAssertEqual(engine.stepState(run, step), .succeeded, step)
        }
        let artifacts = try engine.artifacts(run: run)
        XCTAssertEqual(artifacts.map(\.key.step), ["sample", "train"])
        let dataset = try XCTUnwrap(artifacts.first)
        XCTAssertTrue(dataset.path.hasPrefix("artifacts/run-\(run)/dataset-") && dataset.path.hasSuffix(".csv"), dataset.path)
        let sampleLog = try engine.logs(run: run, step: "sample").map(\.text)
        XCTAssertTrue(sampleLog.contains { $0.hasPrefix("sampled 2000 rows") }, "\(sampleLog)")
        XCTAssertTrue(sampleLog.contains { $0.hasPrefix("amount: mean ") }, "\(sampleLog)")
        XCTAssertTrue(sampleLog.contains { $0.hasPrefix("merchant: online ") }, "\(sampleLog)")
        let datasetHash = try XCTUnwrap(sampleLog.first { $0.hasPrefix("dataset ") }).dropFirst("dataset ".count)

        let registry = try XCTUnwrap(engine.registry)
        let versions = registry.versions("fraud")
        XCTAssertEqual(versions.count, 1)
        let version = try XCTUnwrap(versions.first)
        XCTAssertEqual(version.state, .candidate)
        XCTAssertEqual(version.lineage.run, run)
        XCTAssertEqual(version.lineage.step, "register")
        XCTAssertEqual(version.lineage.datasetHash, String(datasetHash))
        XCTAssertEqual(version.lineage.datasetRows, 2000)
        XCTAssertEqual(version.lineage.params, [ParamBinding(name: "rows", value: "2000"), ParamBinding(name: "model", value: "fraud")])
        XCTAssertEqual(version.lineage.codeVersion, "v1.2-3-gabc")
        XCTAssertEqual(version.lineage.runtime, BT.runtime)
        XCTAssertEqual(version.metrics.map(\.name), MetricSet.names)
        XCTAssertGreaterThan(version.metric("auc") ?? 0, 0.6)

        // The registered artifact is the train step's file, and reloading it
        // reproduces the registered metrics on the same holdout exactly.
        let artifact = try XCTUnwrap(version.artifact)
        XCTAssertEqual(artifact.path, artifacts[1].path)
        XCTAssertEqual(artifact.sha256, artifacts[1].sha256)
        let bytes = try XCTUnwrap(FileManager.default.contents(atPath: directory + "/" + artifact.path))
        XCTAssertEqual(SHA256.hexDigest(of: [UInt8](bytes)), artifact.sha256)
        XCTAssertEqual(Int64(bytes.count), artifact.size)
        let evaluateLog = try engine.logs(run: run, step: "evaluate").map(\.text)
        XCTAssertTrue(evaluateLog.contains("fraud has no champion yet"), "\(evaluateLog)")
        let registerLog = try engine.logs(run: run, step: "register").map(\.text)
        XCTAssertEqual(registerLog.last, "registered fraud v1 (candidate)")
    }

    func testRegisterRunsOnlyWhenItsConditionHolds() throws {
        let directory = try BT.directory()
        let engine = try BT.engine(BT.yaml(), directory: directory)
        let first = BT.run(engine, "retrain")
        XCTAssertEqual(engine.stepState(first, "register"), .succeeded)
        let identity = DecisionIdentity(user: "ana", wallTime: "2026-01-01T00:00:00Z")
        XCTAssertTrue(engine.apply(.approve(model: "fraud", version: 1, reason: "looks good", identity: identity)).isApplied)
        XCTAssertTrue(engine.apply(.promote(model: "fraud", version: 1, by: "ana")).isApplied)
        XCTAssertEqual(engine.registry?.champion("fraud")?.version, 1)

        // Same distribution, a fresh sample: not 0.005 better than the champion.
        let second = BT.run(engine, "retrain")
        XCTAssertEqual(engine.stepState(second, "register"), .skipped)
        let reason = try XCTUnwrap(engine.step(second, "register")?.reason)
        XCTAssertTrue(reason.hasPrefix("skipped: when: rule 'auc > champion.auc + 0.005' does not hold (auc = "), reason)
        XCTAssertTrue(reason.contains("champion.auc = "), reason)
        XCTAssertEqual(engine.stepState(second, "notify"), .succeeded)
        XCTAssertEqual(engine.run(second)?.state, .succeeded)
        XCTAssertEqual(engine.registry?.versions("fraud").count, 1)
        let evaluateLog = try engine.logs(run: second, step: "evaluate").map(\.text)
        XCTAssertTrue(evaluateLog.contains { $0.contains("champion v1") }, "\(evaluateLog)")

        // A condition that holds registers version 2.
        let third = BT.run(engine, "retrain-loose")
        XCTAssertEqual(engine.stepState(third, "register"), .succeeded, engine.step(third, "register")?.reason ?? "")
        XCTAssertEqual(engine.registry?.versions("fraud").map(\.version), [1, 2])
        XCTAssertEqual(engine.registry?.version("fraud", 2)?.lineage.run, third)
    }

    func testValidateFailsOnTooManyNulls() throws {
        let engine = try BT.engine(BT.yaml(nulls: 0.2), directory: try BT.directory())
        let run = BT.run(engine, "retrain")
        XCTAssertEqual(engine.stepState(run, "validate"), .failed)
        let reason = try XCTUnwrap(engine.step(run, "validate")?.reason)
        XCTAssertTrue(reason.hasPrefix("failed: ") && reason.contains("amount"), reason)
        XCTAssertEqual(engine.stepState(run, "train"), .upstreamFailed)
        XCTAssertEqual(engine.registry?.versions("fraud").count, 0)
        let log = try engine.logs(run: run, step: "validate").map(\.text)
        XCTAssertTrue(log.contains { $0.hasPrefix("1 issue") || $0.hasSuffix("issues:") }, "\(log)")
    }

    func testSameSeedGivesSameDatasetModelAndMetrics() throws {
        func outcome() throws -> (artifacts: [String], metrics: [MetricValue], durations: [SimTime?]) {
            let engine = try BT.engine(BT.yaml(), directory: try BT.directory())
            let run = BT.run(engine, "retrain")
            let version = try XCTUnwrap(engine.registry?.versions("fraud").first)
            return (try engine.artifacts(run: run).map { "\($0.path) \($0.sha256) \($0.size)" }, version.metrics, [engine.run(run)?.endedAt])
        }
        let a = try outcome()
        let b = try outcome()
        XCTAssertEqual(a.artifacts.count, 2)
        XCTAssertEqual(a.artifacts, b.artifacts)
        XCTAssertEqual(a.metrics, b.metrics)
        XCTAssertEqual(a.durations, b.durations)
        // A different seed draws a different dataset.
        let other = try BT.engine(BT.yaml(), directory: try BT.directory(), seed: 8)
        let run = BT.run(other, "retrain")
        XCTAssertNotEqual(try other.artifacts(run: run).first?.sha256, a.artifacts.first?.split(separator: " ")[1].description)
    }
}
