import Foundation
import XCTest
@testable import Engine

/// The Deployment part of docs/project-file.md stays in step with the loader.
final class DeploymentDocsTests: XCTestCase {
    private func docs() throws -> String {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return try String(contentsOf: root.appendingPathComponent("docs/project-file.md"), encoding: .utf8)
    }

    func testEveryDeploymentKeyHasARow() throws {
        let text = try docs()
        let keys = DeploymentReader.keys + DeploymentReader.realTimeKeys + DeploymentReader.dailyKeys + DeploymentReader.batchKeys
            + DeploymentReader.streamingKeys + DeploymentReader.edgeKeys + DeploymentReader.replicaKeys + DeploymentReader.latencyKeys
            + DeploymentReader.candidateKeys + StrategyReader.allKeys + AnalysisReader.keys + ["weight", "cohort", "pause", "epsilon_greedy", "deployments"]
        for key in keys {
            XCTAssertTrue(text.contains("| `\(key)` |"), "docs/project-file.md has no row for '\(key)'")
        }
        for name in StrategySpec.names + DeploymentReader.modeNames + AnalysisMetric.allCases.map(\.rawValue) {
            XCTAssertTrue(text.contains("`\(name)`"), name)
        }
    }

    func testStrategyExamplesAreValid() throws {
        let text = try docs()
        let heading = try XCTUnwrap(text.range(of: "### Examples per strategy"))
        let start = try XCTUnwrap(text.range(of: "```yaml\n", range: heading.upperBound..<text.endIndex))
        let end = try XCTUnwrap(text.range(of: "```", range: start.upperBound..<text.endIndex))
        let example = "project: docs\nmodels: {fraud: {}}\n" + DeploymentTestSupport.data + text[start.upperBound..<end.lowerBound]
        let spec = try XCTUnwrap(ProjectTestSupport.spec(example))
        XCTAssertEqual(spec.deployments.map(\.strategy.name), StrategySpec.names)
        XCTAssertEqual(spec.warnings, [])
    }

    func testTopExampleDeclaresDeployments() throws {
        let text = try docs()
        let start = try XCTUnwrap(text.range(of: "```yaml\n"))
        let end = try XCTUnwrap(text.range(of: "```", range: start.upperBound..<text.endIndex))
        let spec = try ProjectTestSupport.parse(String(text[start.upperBound..<end.lowerBound]), builtins: []).get()
        XCTAssertEqual(spec.deployments.map(\.id), ["fraud-api", "nightly-scoring"])
    }
}
