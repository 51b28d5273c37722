import XCTest
@testable import Engine

/// Top-level keys: project, seed, pools, and the shape of the file.
final class ProjectTopLevelValidationTests: XCTestCase {
    private let steps = """
    pipelines:
      p:
        steps:
          a: {run: "true"}
    """

    func testMinimalProjectTakesDefaults() throws {
        let spec = try XCTUnwrap(ProjectTestSupport.spec("project: demo\n"))
        XCTAssertEqual(spec.name, "demo")
        XCTAssertEqual(spec.seed, 42)
        XCTAssertEqual(spec.pools, [])
        XCTAssertEqual(spec.pipelines, [])
        XCTAssertEqual(spec.source, "flightdeck.yaml")
        XCTAssertEqual(spec.directory, "/project")
    }

    func testMissingProject() {
        XCTAssertEqual(ProjectTestSupport.errors("seed: 7\n"),
                       ["1:1: missing key 'project'; expected project: NAME at the top level"])
    }

    func testProjectMustBeAString() {
        XCTAssertEqual(ProjectTestSupport.errors("project:\n  name: x\n"),
                       ["2:3: project: expected the project's name, found a mapping"])
        XCTAssertEqual(ProjectTestSupport.errors("project:\n"),
                       ["1:9: project: expected the project's name, found nothing"])
    }

    func testUnknownTopLevelKeyWithSuggestion() {
        XCTAssertEqual(ProjectTestSupport.errors("project: demo\npipeline: {}\n"),
                       ["2:1: unknown key 'pipeline' in the project file; did you mean 'pipelines'?"])
    }

    func testUnknownTopLevelKeyListsTheValidKeys() {
        XCTAssertEqual(ProjectTestSupport.errors("project: demo\nmonitoring: {}\n"),
                       ["2:1: unknown key 'monitoring' in the project file; expected one of: project, seed, pools, data, pipelines, models, deployments, monitors, alerts, access"])
    }

    func testSeed() throws {
        let spec = try XCTUnwrap(ProjectTestSupport.spec("project: demo\nseed: 18446744073709551615\n"))
        XCTAssertEqual(spec.seed, UInt64.max)
        XCTAssertEqual(ProjectTestSupport.errors("project: demo\nseed: -1\n"),
                       ["2:7: seed: expected an integer from 0 to 18446744073709551615, found '-1'"])
        XCTAssertEqual(ProjectTestSupport.errors("project: demo\nseed: \"42\"\n"),
                       ["2:7: seed: expected an integer from 0 to 18446744073709551615, found '42'"])
    }

    func testPools() throws {
        let spec = try XCTUnwrap(ProjectTestSupport.spec("project: demo\npools:\n  cpu: 2\n  gpu: 1\n"))
        XCTAssertEqual(spec.pools, [PoolSpec(id: "cpu", size: 2), PoolSpec(id: "gpu", size: 1)])
        XCTAssertEqual(spec.pool("gpu")?.size, 1)
    }

    func testPoolSmallerThanOne() {
        XCTAssertEqual(ProjectTestSupport.errors("project: demo\npools:\n  cpu: 0\n  gpu: -3\n"), [
            "3:8: pool 'cpu': expected an integer >= 1, found 0",
            "4:8: pool 'gpu': expected an integer >= 1, found -3",
        ])
    }

    func testPoolSizeWrongType() {
        XCTAssertEqual(ProjectTestSupport.errors("project: demo\npools:\n  cpu: two\n"),
                       ["3:8: pool 'cpu': expected an integer >= 1, found 'two'"])
        XCTAssertEqual(ProjectTestSupport.errors("project: demo\npools: [cpu]\n"),
                       ["2:8: pools: expected a mapping of pool ids to sizes (like cpu: 2), found a list"])
    }

    func testBadIDCharacters() {
        XCTAssertEqual(ProjectTestSupport.errors("project: demo\npools:\n  GPU: 1\n  -x: 1\n"), [
            "3:3: invalid pool id 'GPU'; expected lower-case letters, digits, '-' and '_', starting with a letter or digit",
            "4:3: invalid pool id '-x'; expected lower-case letters, digits, '-' and '_', starting with a letter or digit",
        ])
    }

    func testRootMustBeAMapping() {
        XCTAssertEqual(ProjectTestSupport.errors("- a\n- b\n"),
                       ["1:1: expected a mapping of top-level keys (project, seed, pools, data, pipelines, models, deployments, monitors, alerts, access), found a list"])
        XCTAssertEqual(ProjectTestSupport.errors("just text\n"),
                       ["1:1: expected a mapping of top-level keys (project, seed, pools, data, pipelines, models, deployments, monitors, alerts, access), found 'just text'"])
    }

    func testEmptyFile() {
        let expected = ["1:1: the project file is empty; expected a mapping with at least project: NAME"]
        XCTAssertEqual(ProjectTestSupport.errors(""), expected)
        XCTAssertEqual(ProjectTestSupport.errors("# nothing but a comment\n\n"), expected)
    }

    func testErrorDescriptionFormat() {
        guard case .failure(let errors) = ProjectTestSupport.parse("project: demo\nseed: x\n") else { return XCTFail("expected errors") }
        XCTAssertEqual(errors.description, "flightdeck.yaml:2:7: error: seed: expected an integer from 0 to 18446744073709551615, found 'x'")
        XCTAssertEqual(ProjectError(file: "f.yaml", line: 0, column: 0, message: "gone").description, "f.yaml: error: gone")
    }

    func testValidProjectWithPipeline() throws {
        let spec = try XCTUnwrap(ProjectTestSupport.spec("project: demo\n" + steps + "\n"))
        XCTAssertEqual(spec.pipelines.map(\.id), ["p"])
    }
}
