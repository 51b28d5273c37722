import Foundation
import XCTest
@testable import Engine

/// `bootstrap: {rows: N}` trains a model's first version at start and makes
/// it the approved champion, once.
final class BootstrapTests: XCTestCase {
    private func yaml(bootstrap: String = "bootstrap: {rows: 3000}", data: Bool = true) -> String {
        var text = BT.yaml().replacingOccurrences(of: "fraud: {policy: manual}", with: "fraud: {policy: manual, \(bootstrap)}")
        if !data, let start = text.range(of: "data:"), let end = text.range(of: "models:") {
            text.removeSubrange(start.lowerBound..<end.lowerBound)
        }
        return text
    }

    private func engine(_ text: String, directory: String, store: InMemoryRegistryStore) throws -> Engine {
        try Engine(configuration: EngineConfiguration(projectName: "bootstrap-test", seed: 7), project: try BT.project(text),
                   workingDirectory: directory, registryStore: store)
    }

    func testTheFirstVersionIsTrainedApprovedByBootstrapAndMadeChampionOnce() throws {
        let directory = try BT.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store = InMemoryRegistryStore()
        let first = try engine(yaml(), directory: directory, store: store)
        let registry = try XCTUnwrap(first.registry)
        let version = try XCTUnwrap(registry.champion("fraud"))
        XCTAssertEqual(version.version, 1)
        XCTAssertEqual(version.state, .production)
        XCTAssertEqual(version.lineage.datasetRows, 3000)
        XCTAssertEqual(registry.decisions("fraud", version: 1).map(\.kind), [.bootstrap])
        XCTAssertGreaterThan(version.metrics.first { $0.name == "auc" }?.value ?? 0, 0.6)
        let artifact = try XCTUnwrap(version.artifact)
        let bytes = try XCTUnwrap(FileManager.default.contents(atPath: directory + "/" + artifact.path))
        XCTAssertEqual(SHA256.hexDigest(of: [UInt8](bytes)), artifact.sha256)
        XCTAssertEqual(try TrainedModel(serialized: [UInt8](bytes)).contentHash.prefix(12),
                       artifact.path.split(separator: "-").last?.prefix(12))

        let restarted = try engine(yaml(), directory: directory, store: store)
        XCTAssertEqual(restarted.registry?.versions("fraud").count, 1, "a restart does not bootstrap again")
    }

    func testBootstrapNeedsADataSection() {
        switch ProjectLoader.parse(text: yaml(data: false), source: "p.yaml", directory: nil, builtins: BuiltinRegistry.standard.names) {
        case .success: XCTFail("expected an error")
        case .failure(let errors):
            XCTAssertTrue(errors.description.contains("p.yaml:"), errors.description)
            XCTAssertTrue(errors.description.contains("no data: section"), errors.description)
        }
    }

    func testBootstrapRowsAreChecked() {
        switch ProjectLoader.parse(text: yaml(bootstrap: "bootstrap: {rows: 10}"), source: "p.yaml", directory: nil,
                                   builtins: BuiltinRegistry.standard.names) {
        case .success: XCTFail("expected an error")
        case .failure(let errors): XCTAssertTrue(errors.description.contains("rows"), errors.description)
        }
    }
}
