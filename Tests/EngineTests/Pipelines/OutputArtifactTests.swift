import XCTest
@testable import Engine

final class OutputArtifactTests: XCTestCase {
    private func project() -> ProjectSpec {
        PT.project([PipelineSpec(id: "p", steps: [PT.shell("sample", "make-sample", outputs: ["data/sample.csv", "/abs/meta.json"])])])
    }

    func testOutputsAreHashedAndRecorded() throws {
        let shell = FakeShellLauncher(), hasher = FakeArtifactHasher()
        hasher.add("/proj/data/sample.csv", sha256: "abc123", size: 42)
        hasher.add("/abs/meta.json", sha256: "def456", size: 7)
        let engine = try PT.engine(project(), shell: shell, hasher: hasher)
        let run = engine.triggerRun("p")
        engine.advance(to: PT.t(1))
        XCTAssertEqual(engine.step(run, "sample")?.state, .succeeded)
        let artifacts = try engine.artifacts(run: run)
        XCTAssertEqual(artifacts.map(\.path), ["data/sample.csv", "/abs/meta.json"])
        XCTAssertEqual(artifacts.map(\.sha256), ["abc123", "def456"])
        XCTAssertEqual(artifacts.map(\.size), [42, 7])
        XCTAssertEqual(artifacts.first?.key, AttemptKey(run: run, step: "sample", attempt: 1))
    }

    func testAMissingOutputFailsTheStep() throws {
        let shell = FakeShellLauncher(), hasher = FakeArtifactHasher()
        hasher.add("/abs/meta.json", sha256: "def456", size: 7)
        let engine = try PT.engine(project(), shell: shell, hasher: hasher)
        let run = engine.triggerRun("p")
        engine.advance(to: PT.t(1))
        XCTAssertEqual(engine.step(run, "sample")?.state, .failed)
        XCTAssertEqual(engine.step(run, "sample")?.reason, "output data/sample.csv was not written")
        XCTAssertEqual(engine.run(run)?.reason, "failed: sample failed: output data/sample.csv was not written")
        XCTAssertEqual(try engine.attempts(run: run).first?.exitCode, 0, "the process itself exited 0")
        XCTAssertTrue(try engine.artifacts(run: run).isEmpty)
    }
}
