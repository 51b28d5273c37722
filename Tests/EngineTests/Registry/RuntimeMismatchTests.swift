import XCTest
@testable import Engine

/// Putting a version into production in another runtime than it was trained
/// in says so, in the command's result and the event log.
final class RuntimeMismatchTests: XCTestCase {
    private func engine(runtime: RuntimeEnvironment) throws -> Engine {
        var project = ProjectSpec(name: "models", seed: 3)
        project.models = [ModelSpec(id: "churn", policy: .auto(try PromotionRule(parsing: "auc >= champion.auc")))]
        var configuration = EngineConfiguration(projectName: "models", seed: 3)
        configuration.runtime = runtime
        return try Engine(configuration: configuration, project: project)
    }

    func testPromotionIntoAnotherRuntimeWarns() throws {
        let engine = try engine(runtime: RuntimeEnvironment(flightdeckVersion: "0.5.0", swiftVersion: "6.3.1", os: "Ubuntu 24.04"))
        engine.advance(to: RT.hours(1))
        try engine.registerModelVersion(model: "churn", lineage: RT.lineage(), metrics: RT.metrics(auc: 0.7), artifact: nil)
        let result = engine.apply(.promote(model: "churn", version: 1, by: "ana"))
        XCTAssertEqual(result.outcome, .applied, result.message)
        XCTAssertTrue(result.message.hasSuffix("; warning: churn v1 was trained in a different runtime: flightdeck 0.4.0 -> 0.5.0"), result.message)
        XCTAssertTrue(engine.snapshot().recentEvents.contains { $0.kind == .runtimeMismatch })
    }

    func testSameRuntimeDoesNotWarn() throws {
        let engine = try engine(runtime: RT.runtime)
        engine.advance(to: RT.hours(1))
        try engine.registerModelVersion(model: "churn", lineage: RT.lineage(), metrics: RT.metrics(auc: 0.7), artifact: nil)
        let result = engine.apply(.promote(model: "churn", version: 1, by: "ana"))
        XCTAssertEqual(result.outcome, .applied, result.message)
        XCTAssertFalse(result.message.contains("warning"), result.message)
        XCTAssertFalse(engine.snapshot().recentEvents.contains { $0.kind == .runtimeMismatch })
    }
}
