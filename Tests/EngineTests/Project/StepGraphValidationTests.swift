import XCTest
@testable import Engine

/// `needs`: unknown steps, self-dependencies, repeats and cycles.
final class StepGraphValidationTests: XCTestCase {
    private func project(_ steps: String) -> String {
        "project: demo\npipelines:\n  p:\n    steps:\n" + steps + "\n"
    }

    func testUnknownNeedsWithSuggestion() {
        XCTAssertEqual(ProjectTestSupport.errors(project("""
              train: {run: x}
              evaluate: {needs: [trian, deploy], run: x}
        """)), [
            "6:26: needs: unknown step 'trian' in pipeline 'p'; did you mean 'train'?",
            "6:33: needs: unknown step 'deploy' in pipeline 'p'",
        ])
    }

    func testStepNeedingItself() {
        XCTAssertEqual(ProjectTestSupport.errors(project("      a: {needs: [a], run: x}")),
                       ["5:19: needs: step 'a' needs itself; expected other steps of pipeline 'p'"])
    }

    func testStepListedTwice() {
        XCTAssertEqual(ProjectTestSupport.errors(project("      a: {run: x}\n      b: {needs: [a, a], run: x}")),
                       ["6:22: needs: 'a' is listed twice in step 'b'; expected each step once"])
    }

    func testTwoStepCycleIsNamedInOrder() {
        XCTAssertEqual(ProjectTestSupport.errors(project("""
              train: {needs: [evaluate], run: x}
              evaluate: {needs: [train], run: x}
        """)), ["5:23: cycle in needs: train -> evaluate -> train; expected the steps of pipeline 'p' to form a DAG"])
    }

    func testLongerCycleStartsAtTheFirstStepInFileOrder() {
        // c needs b, b needs a, a needs c: downstream order a -> b -> c -> a.
        XCTAssertEqual(ProjectTestSupport.errors(project("""
              setup: {run: x}
              c: {needs: [b], run: x}
              a: {needs: [setup, c], run: x}
              b: {needs: [a], run: x}
        """)), ["6:19: cycle in needs: c -> a -> b -> c; expected the steps of pipeline 'p' to form a DAG"])
    }

    func testEachCycleIsReportedOnce() {
        let text = project("""
              a: {needs: [b], run: x}
              b: {needs: [a], run: x}
              c: {needs: [d], run: x}
              d: {needs: [c, b], run: x}
              e: {needs: [a, b, c, d], run: x}
        """)
        let errors = ProjectTestSupport.errors(text)
        XCTAssertEqual(errors, [
            "5:19: cycle in needs: a -> b -> a; expected the steps of pipeline 'p' to form a DAG",
            "7:19: cycle in needs: c -> d -> c; expected the steps of pipeline 'p' to form a DAG",
        ])
        XCTAssertEqual(ProjectTestSupport.errors(text), errors, "deterministic")
    }

    func testTangledComponentIsReportedOnceWithAShortestCycle() {
        // a, b, c all reach each other through several cycles.
        XCTAssertEqual(ProjectTestSupport.errors(project("""
              a: {needs: [c], run: x}
              b: {needs: [a, c], run: x}
              c: {needs: [b, a], run: x}
        """)), ["5:19: cycle in needs: a -> c -> a; expected the steps of pipeline 'p' to form a DAG"])
    }

    func testValidDiamondHasNoErrors() throws {
        let spec = try XCTUnwrap(ProjectTestSupport.spec(project("""
              a: {run: x}
              b: {needs: [a], run: x}
              c: {needs: [a], run: x}
              d: {needs: [b, c], run: x}
        """)))
        XCTAssertEqual(spec.pipeline("p")?.step("d")?.needs, ["b", "c"])
    }

    func testLongChainNeedsNoRecursion() throws {
        var lines = ["      s0: {run: x}"]
        for index in 1..<2000 { lines.append("      s\(index): {needs: [s\(index - 1)], run: x}") }
        lines.append("      s0b: {needs: [s1999], run: x}")
        let spec = try XCTUnwrap(ProjectTestSupport.spec(project(lines.joined(separator: "\n"))))
        XCTAssertEqual(spec.pipeline("p")?.steps.count, 2001)
    }

    func testStronglyConnectedComponents() {
        // 0 -> 1 -> 2 -> 0, 2 -> 3, 3 -> 4 -> 3
        let components = StepGraphCheck.stronglyConnectedComponents([[1], [2], [0, 3], [4], [3]])
        XCTAssertEqual(components.map { $0.sorted() }.sorted { $0[0] < $1[0] }, [[0, 1, 2], [3, 4]])
    }
}
