import Foundation
import XCTest
@testable import Engine

/// The embedded demo's `deployments:` cover every strategy and serving
/// mode with demo-sized traffic, and explain every key.
final class DemoDeploymentsTests: XCTestCase {
    private func draft() throws -> String {
        guard let start = EmbeddedDemo.text.range(of: "# deployments:") else {
            throw NSError(domain: "demo", code: 1, userInfo: [NSLocalizedDescriptionKey: "the demo has no deployments section"])
        }
        return String(EmbeddedDemo.text[start.lowerBound...])
    }

    private func demo() throws -> ProjectSpec {
        try ProjectLoader.embeddedDemo(builtins: BuiltinRegistry.standard.names).get()
    }

    func testParsesWithEveryDeployment() throws {
        let spec = try demo()
        XCTAssertEqual(spec.deployments.map(\.id), ["fraud-api", "fraud-shadow", "checkout-ab", "review-queue", "risk-bandit", "promo-bandit",
                                                    "nightly-scoring", "merchant-api", "pos-terminals"])
        XCTAssertEqual(spec.warnings, [])
        XCTAssertTrue(spec.deployments.allSatisfy { $0.model == "fraud" })
        let fraudAPI = try XCTUnwrap(spec.deployment("fraud-api"))
        XCTAssertEqual(fraudAPI.promoteAlias, "champion")
        guard case .canary(let canary) = fraudAPI.strategy else { return XCTFail("fraud-api is not a canary") }
        XCTAssertEqual(canary.steps.first, .weight(10))
        XCTAssertEqual(canary.analysis?.conditions.map(\.text), ["error_rate < 1%", "p99_latency_ms < 150", "accuracy >= stable - 0.05"])
    }

    func testEveryStrategyAndModeWithDemoSizedTraffic() throws {
        let spec = try demo()
        for name in StrategySpec.names {
            XCTAssertTrue(spec.deployments.contains { $0.strategy.name == name }, "no deployment uses \(name)")
        }
        for mode in DeploymentReader.modeNames {
            XCTAssertTrue(spec.deployments.contains { $0.mode.name == mode }, "no deployment is \(mode)")
        }
        let total = spec.deployments.map(\.mode.meanRequestsPerSecond).reduce(0, +)
        XCTAssertLessThan(total, 300)
        XCTAssertGreaterThan(total, 50)
    }

    func testEveryKeyIsExplainedInAComment() throws {
        let comments = try draft().split(separator: "\n").compactMap { line -> Substring? in
            guard let hash = line.firstIndex(of: "#") else { return nil }
            return line[line.index(after: hash)...]
        }.joined(separator: "\n")
        let keys = ["deployments"] + DeploymentReader.keys + DeploymentReader.modeNames + DeploymentReader.realTimeKeys + DeploymentReader.dailyKeys
            + DeploymentReader.batchKeys + DeploymentReader.streamingKeys + DeploymentReader.edgeKeys + DeploymentReader.replicaKeys
            + DeploymentReader.latencyKeys + DeploymentReader.candidateKeys + StrategySpec.names + StrategyReader.allKeys
            + AnalysisReader.keys + ["weight", "pause", "cohort", "epsilon_greedy"]
        for key in keys {
            XCTAssertTrue(comments.contains("\(key):"), "no comment explains '\(key):'")
        }
    }
}
