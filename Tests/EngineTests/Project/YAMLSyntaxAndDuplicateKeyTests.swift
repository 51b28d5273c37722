import XCTest
@testable import Engine

/// YAML syntax errors, duplicate keys, and collecting every error at once.
final class YAMLSyntaxAndDuplicateKeyTests: XCTestCase {
    func testUnclosedFlowMapping() {
        XCTAssertEqual(ProjectTestSupport.errors("project: demo\npipelines:\n  p:\n    steps:\n      a: {run: x\n"),
                       ["6:1: invalid YAML: did not find expected ',' or '}' (while parsing a flow mapping at 5:10)"])
    }

    func testTabIndentation() {
        XCTAssertEqual(ProjectTestSupport.errors("project: demo\npipelines:\n  p:\n\tsteps: {}\n"),
                       ["4:1: invalid YAML: found character that cannot start any token (while scanning for the next token at 4:1)"])
    }

    func testBadIndentation() {
        XCTAssertEqual(ProjectTestSupport.errors("project: demo\n  seed: 1\n"),
                       ["2:7: invalid YAML: mapping values are not allowed in this context"])
    }

    func testUnquotedCronStartingWithStarIsAnAlias() {
        XCTAssertEqual(ProjectTestSupport.errors("project: demo\npipelines:\n  p:\n    schedule: */5 * * * *\n"),
                       ["4:16: invalid YAML: did not find expected alphabetic or numeric character (while scanning an alias at 4:15)"])
    }

    func testDuplicateTopLevelKey() {
        XCTAssertEqual(ProjectTestSupport.errors("project: demo\nseed: 1\nproject: other\n"),
                       ["3:1: duplicate key 'project' in the project file (first at 1:1); expected each key once"])
    }

    func testDuplicateStepIDsAreAllReported() {
        XCTAssertEqual(ProjectTestSupport.errors("""
        project: demo
        pipelines:
          p:
            steps:
              train: {run: x}
              evaluate: {run: x}
              train: {run: y}
              "train": {run: z}
        """), [
            "7:7: duplicate step 'train' in pipeline 'p' (first at 5:7); expected each step once",
            "8:7: duplicate step 'train' in pipeline 'p' (first at 5:7); expected each step once",
        ])
    }

    func testDuplicateKeysInAFlowMappingAndOtherErrorsTogether() {
        XCTAssertEqual(ProjectTestSupport.errors("""
        project: demo
        pipelines:
          p:
            steps:
              a: {run: x, retries: 1, retries: -2}
              b: {needs: [zz], run: x}
        """), [
            "5:31: duplicate key 'retries' in step 'a' (first at 5:19); expected each key once",
            "6:19: needs: unknown step 'zz' in pipeline 'p'",
        ])
    }

    func testTheFirstOfTheDuplicatesIsKept() throws {
        guard case .failure(let errors) = ProjectTestSupport.parse("project: first\nproject: second\nseed: x\n") else {
            return XCTFail("expected errors")
        }
        XCTAssertEqual(errors.errors.map(\.line), [2, 3])
    }

    func testFiveDifferentErrorsGiveFive() {
        XCTAssertEqual(ProjectTestSupport.errors("""
        project: demo
        pools:
          cpu: 2
        pipelines:
          p:
            max_active_runs: 0
            steps:
              a: {run: x, retries: -1}
              b: {needs: [a, c], simulate: {duration: 5q}}
              c: {needs: [b], run: x, pol: cpu}
        """), [
            "6:22: max_active_runs: expected an integer >= 1, found 0",
            "8:28: retries: expected an integer >= 0, found -1",
            "9:22: cycle in needs: b -> c -> b; expected the steps of pipeline 'p' to form a DAG",
            "9:48: duration: invalid duration '5q': expected a unit after the number: d, h, m, s or ms",
            "10:31: unknown key 'pol' in step 'c'; did you mean 'pool'?",
        ])
    }

    func testErrorsAreSortedByPosition() {
        let errors = ProjectErrors([
            ProjectError(file: "f", line: 3, column: 1, message: "c"),
            ProjectError(file: "f", line: 1, column: 9, message: "b"),
            ProjectError(file: "f", line: 1, column: 2, message: "a"),
            ProjectError(file: "f", line: 3, column: 1, message: "d"),
        ])
        XCTAssertEqual(errors.errors.map(\.message), ["a", "b", "c", "d"])
        XCTAssertEqual(errors.count, 4)
    }
}
