import XCTest
@testable import Engine

/// Builders for registry tests.
enum RT {
    static let runtime = RuntimeEnvironment(flightdeckVersion: "0.4.0", swiftVersion: "6.3.1", os: "Ubuntu 24.04")

    static func lineage(run: Int64 = 1, rows: Int = 20_000) -> Lineage {
        Lineage(run: RunID(run), step: "register", datasetHash: "abc123", datasetRows: rows,
                params: [ParamBinding(name: "rows", value: String(rows))], codeVersion: "v1.2-3-gdeadbee", runtime: runtime)
    }

    static func metrics(auc: Double, accuracy: Double = 0.9) -> [MetricValue] {
        [MetricValue(name: "auc", value: auc), MetricValue(name: "accuracy", value: accuracy)]
    }

    static func artifact(_ version: Int) -> ModelArtifact {
        ModelArtifact(path: "models/fraud-v\(version).json", sha256: String(repeating: "a", count: 64), size: 1024)
    }

    static func identity(_ user: String) -> DecisionIdentity {
        DecisionIdentity(user: user, sshClient: "10.0.0.7 51234 22", wallTime: "2026-03-01T14:05:09Z")
    }

    static func hours(_ count: Int64) -> SimTime { SimTime(milliseconds: count * 3_600_000) }

    static func registry(_ specs: [ModelSpec], store: any RegistryStore = InMemoryRegistryStore(),
                         remover: any ArtifactRemover = RecordingRemover()) throws -> ModelRegistry {
        try ModelRegistry(models: specs, store: store, remover: remover)
    }

    /// Registers a version and requests its approval; fails the test on an error.
    @discardableResult
    static func candidate(_ registry: ModelRegistry, _ model: String = "fraud", auc: Double, at: SimTime,
                          file: StaticString = #filePath, line: UInt = #line) -> ModelVersion {
        guard case .success(let version) = registry.register(model: model, lineage: lineage(), metrics: metrics(auc: auc),
                                                             artifact: artifact(registry.versions(model).count + 1), at: at) else {
            XCTFail("register failed", file: file, line: line)
            return ModelVersion(model: model, version: 0, lineage: lineage(), createdAt: at)
        }
        if case .failure(let error) = registry.requestApproval(model: model, version: version.version, at: at) {
            XCTFail("request failed: \(error)", file: file, line: line)
        }
        return registry.version(model, version.version) ?? version
    }

    /// Registers, approves (as `ana`) and promotes a version.
    @discardableResult
    static func champion(_ registry: ModelRegistry, _ model: String = "fraud", auc: Double, at: SimTime,
                         file: StaticString = #filePath, line: UInt = #line) -> Int {
        let version = candidate(registry, model, auc: auc, at: at, file: file, line: line).version
        if registry.version(model, version)?.state == .candidate {
            XCTAssertNoThrow(try registry.decide(model: model, version: version, approve: true, identity: identity("ana"),
                                                 reason: "looks good", at: at).get(), file: file, line: line)
            if registry.spec(model)?.policy == .twoPerson {
                XCTAssertNoThrow(try registry.decide(model: model, version: version, approve: true, identity: identity("bo"),
                                                     reason: "agreed", at: at).get(), file: file, line: line)
            }
        }
        XCTAssertNoThrow(try registry.promote(model: model, version: version, by: "ana", at: at).get(), file: file, line: line)
        return version
    }

    static func error<T>(_ result: Result<T, RegistryError>, file: StaticString = #filePath, line: UInt = #line) -> RegistryError? {
        if case .failure(let error) = result { return error }
        XCTFail("expected an error, got \(result)", file: file, line: line)
        return nil
    }
}

/// An artifact remover that records the paths it was asked to remove and
/// fails for the paths in `failing`.
final class RecordingRemover: ArtifactRemover {
    var removed: [String] = []
    var failing: Set<String> = []

    func remove(path: String) throws {
        if failing.contains(path) { throw ArtifactRemovalError(path: path, reason: "Permission denied") }
        removed.append(path)
    }
}
