import Engine
import SimKernel

/// A registry with two models for the Models screen's tests:
/// `fraud` (two_person, 24h timeout): v1 champion, v2 rejected, v3 a
/// candidate waiting for its second approval (ana approved); `churn`
/// (auto rule): v1 champion, v2 rejected by the rule.
enum ModelsFixture {
    static let runtime = RuntimeEnvironment(flightdeckVersion: "0.4.0", swiftVersion: "6.3.1", os: "Ubuntu 24.04")

    static func identity(_ user: String) -> DecisionIdentity {
        DecisionIdentity(user: user, sshClient: "10.0.0.7", wallTime: "2026-03-01T14:05:09Z")
    }

    static func project() throws -> ProjectSpec {
        var project = ProjectSpec(name: "fraud-detection", seed: 7)
        project.models = [
            ModelSpec(id: "fraud", description: "Card fraud classifier", policy: .twoPerson, approvalTimeout: .hours(24)),
            ModelSpec(id: "churn", policy: .auto(try PromotionRule(parsing: "auc >= champion.auc + 0.005"))),
        ]
        return project
    }

    static func lineage(run: Int64, rows: Int, hash: String) -> Lineage {
        Lineage(run: RunID(run), step: "register", datasetHash: hash, datasetRows: rows,
                params: [ParamBinding(name: "rows", value: String(rows))], codeVersion: "v1.2-3-gdeadbee", runtime: runtime)
    }

    static func metrics(auc: Double, accuracy: Double, logLoss: Double) -> [MetricValue] {
        [MetricValue(name: "auc", value: auc), MetricValue(name: "accuracy", value: accuracy),
         MetricValue(name: "log_loss", value: logLoss), MetricValue(name: "calibration_error", value: 0.021)]
    }

    static func artifact(_ name: String) -> ModelArtifact {
        ModelArtifact(path: "models/\(name).json", sha256: "9f2c1e7" + String(repeating: "0", count: 57), size: 2048)
    }

    static func engine() throws -> Engine {
        let engine = try Engine(configuration: EngineConfiguration(projectName: "fraud-detection", seed: 7), project: project())
        let hour = SimDuration.hours(1)
        engine.advance(to: SimTime(sinceEpoch: hour))
        try engine.registerModelVersion(model: "fraud", lineage: lineage(run: 1, rows: 20_000, hash: "a1b2c3d4e5"),
                                        metrics: metrics(auc: 0.9012, accuracy: 0.912, logLoss: 0.301), artifact: artifact("fraud-v1"),
                                        description: "first model", tags: ["baseline"])
        _ = engine.apply(.approve(model: "fraud", version: 1, reason: "baseline", identity: identity("ana")))
        _ = engine.apply(.approve(model: "fraud", version: 1, reason: "agreed", identity: identity("bo")))
        _ = engine.apply(.promote(model: "fraud", version: 1, by: "ana"))
        engine.advance(to: SimTime(sinceEpoch: .hours(3)))
        try engine.registerModelVersion(model: "fraud", lineage: lineage(run: 2, rows: 20_000, hash: "b2c3d4e5f6"),
                                        metrics: metrics(auc: 0.8801, accuracy: 0.9, logLoss: 0.352), artifact: artifact("fraud-v2"))
        _ = engine.apply(.reject(model: "fraud", version: 2, reason: "worse auc", identity: identity("bo")))
        engine.advance(to: SimTime(sinceEpoch: .hours(5)))
        try engine.registerModelVersion(model: "fraud", lineage: lineage(run: 3, rows: 50_000, hash: "c3d4e5f6a7"),
                                        metrics: metrics(auc: 0.9153, accuracy: 0.905, logLoss: 0.288), artifact: artifact("fraud-v3"),
                                        description: "more rows")
        _ = engine.apply(.approve(model: "fraud", version: 3, reason: "better auc", identity: identity("ana")))
        try engine.registerModelVersion(model: "churn", lineage: lineage(run: 4, rows: 8_000, hash: "d4e5f6a7b8"),
                                        metrics: metrics(auc: 0.81, accuracy: 0.77, logLoss: 0.45), artifact: nil)
        _ = engine.apply(.promote(model: "churn", version: 1, by: "ana"))
        try engine.registerModelVersion(model: "churn", lineage: lineage(run: 5, rows: 8_000, hash: "e5f6a7b8c9"),
                                        metrics: metrics(auc: 0.812, accuracy: 0.78, logLoss: 0.44), artifact: nil)
        engine.advance(to: SimTime(sinceEpoch: .hours(6)))
        return engine
    }
}
