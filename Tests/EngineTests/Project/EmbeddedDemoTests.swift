import Foundation
import XCTest
@testable import Engine

final class EmbeddedDemoTests: XCTestCase {
    private func demo() throws -> ProjectSpec {
        try ProjectLoader.embeddedDemo(builtins: BuiltinRegistry.standard.names).get()
    }

    func testDemoParsesWithoutErrors() throws {
        let spec = try demo()
        XCTAssertEqual(spec.name, "fraud-detection")
        XCTAssertEqual(spec.seed, 42)
        XCTAssertEqual(spec.source, ProjectLoader.embeddedDemoSource)
        XCTAssertNil(spec.directory)
        XCTAssertEqual(spec.pools, [PoolSpec(id: "cpu", size: 2), PoolSpec(id: "io", size: 3)])
        XCTAssertEqual(spec.pipelines.map(\.id), ["retrain", "report", "nightly-backfill", "experiment", "feature-build"])
    }

    func testEveryKeyIsDocumentedInAComment() {
        let comments = EmbeddedDemo.text.split(separator: "\n").compactMap { line -> Substring? in
            guard let hash = line.firstIndex(of: "#") else { return nil }
            return line[line.index(after: hash)...]
        }.joined(separator: "\n")
        let keys = ProjectLoader.topLevelKeys + PipelineReader.keys + PipelineReader.scheduleKeys + ["on_alert"]
            + StepReader.keys + StepReader.simulateKeys + StepReader.backoffKeys
        for key in keys {
            XCTAssertTrue(comments.contains("\(key):"), "no comment explains '\(key):'")
        }
    }

    func testRetrainPipeline() throws {
        let retrain = try XCTUnwrap(demo().pipeline("retrain"))
        XCTAssertEqual(retrain.schedule, .cron(try CronExpression(parsing: "0 12 * * *")))
        XCTAssertEqual(retrain.triggers, [.manual, .onAlert("amount-drift"), .cron])
        XCTAssertEqual(retrain.steps.map(\.id), ["sample", "validate", "train", "evaluate", "register", "notify"])
        XCTAssertEqual(retrain.steps.map(\.needs), [[], ["sample"], ["validate"], ["train"], ["evaluate"], ["register"]])
        let train = try XCTUnwrap(retrain.step("train"))
        XCTAssertEqual(train.retries, 2)
        XCTAssertEqual(train.pool, "cpu")
        XCTAssertEqual(train.backoff, .exponential(cap: .minutes(5), jitter: 0.1))
        XCTAssertEqual(retrain.steps.map(\.action), ["sample", "validate", "train", "evaluate", "register"].map(StepAction.builtin) + [.shell("echo \"run finished\"")])
        XCTAssertEqual(retrain.step("register")?.when, "auc >= champion.auc - 0.01")
        let notify = try XCTUnwrap(retrain.step("notify"))
        XCTAssertEqual(notify.triggerRule, .allDone)
        XCTAssertEqual(notify.action, .shell("echo \"run finished\""))
        XCTAssertEqual(retrain.params.map(\.name), ["rows", "learning_rate", "full_refresh", "region"])
    }

    func testOtherPipelines() throws {
        let spec = try demo()
        let report = try XCTUnwrap(spec.pipeline("report"))
        XCTAssertEqual(report.step("build")?.env, [EnvironmentEntry(name: "ROWS", value: "${params.rows}")])
        XCTAssertEqual(report.step("build")?.outputs, ["out/report.csv"])
        let nightly = try XCTUnwrap(spec.pipeline("nightly-backfill"))
        XCTAssertEqual(nightly.schedule, .cron(try CronExpression(parsing: "0 2 * * *")))
        XCTAssertTrue(nightly.catchup)
        let features = try XCTUnwrap(spec.pipeline("feature-build"))
        XCTAssertEqual(features.schedule, .every(.minutes(30)))
        let fanOut = features.steps.filter { $0.needs == ["snapshot"] }
        XCTAssertEqual(fanOut.count, 12)
        XCTAssertEqual(features.step("assemble")?.needs, fanOut.map(\.id))
        XCTAssertEqual(features.step("assemble")?.triggerRule, .noneFailed)
        XCTAssertEqual(features.step("page-oncall")?.triggerRule, .oneFailed)
        XCTAssertEqual(features.step("cleanup")?.triggerRule, .always)
    }

    /// Every shell step runs on this box, quickly, with its env (params at
    /// their defaults) in an empty directory.
    func testShellStepsRunHere() throws {
        let spec = try demo()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("flightdeck-demo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var count = 0
        for pipeline in spec.pipelines {
            for step in pipeline.steps {
                guard case .shell(let command) = step.action else { continue }
                count += 1
                var environment = ["PATH": "/usr/bin:/bin"]
                for entry in step.env {
                    var value = entry.value
                    for param in pipeline.params { value = value.replacingOccurrences(of: "${params.\(param.name)}", with: param.defaultValue.description) }
                    environment[entry.name] = value
                }
                let process = Process()
                process.executableURL = URL(fileURLWithPath: "/bin/sh")
                process.arguments = ["-c", command]
                process.environment = environment
                process.currentDirectoryURL = directory
                process.standardOutput = FileHandle.nullDevice
                try process.run()
                process.waitUntilExit()
                XCTAssertEqual(process.terminationStatus, 0, "\(pipeline.id).\(step.id): \(command)")
                for output in step.outputs {
                    XCTAssertTrue(FileManager.default.fileExists(atPath: directory.appendingPathComponent(output).path), output)
                }
            }
        }
        XCTAssertEqual(count, 5)
        XCTAssertEqual(try String(contentsOf: directory.appendingPathComponent("out/report.csv"), encoding: .utf8), "rows,500\n")
    }
}
