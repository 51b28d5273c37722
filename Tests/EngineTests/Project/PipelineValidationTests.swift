import XCTest
@testable import Engine

/// Pipeline-level keys: schedule/every, triggers, limits, params, steps.
final class PipelineValidationTests: XCTestCase {
    func testDefaults() throws {
        let spec = try XCTUnwrap(ProjectTestSupport.spec("""
        project: demo
        pipelines:
          p:
            steps:
              a: {run: "true"}
        """))
        let pipeline = try XCTUnwrap(spec.pipeline("p"))
        XCTAssertNil(pipeline.description)
        XCTAssertNil(pipeline.schedule)
        XCTAssertEqual(pipeline.triggers, [.manual])
        XCTAssertEqual(pipeline.maxActiveRuns, 1)
        XCTAssertFalse(pipeline.catchup)
        XCTAssertEqual(pipeline.params, [])
        XCTAssertEqual(pipeline.steps.map(\.id), ["a"])
    }

    func testAllPipelineKeys() throws {
        let spec = try XCTUnwrap(ProjectTestSupport.spec("""
        project: demo
        pipelines:
          retrain:
            description: Retrain the model
            schedule: "0 */6 * * *"
            triggers: [manual, {on_alert: amount-drift}]
            max_active_runs: 3
            catchup: true
            params:
              rows: 20000
              rate: 0.5
              full: false
              region: eu-west
              quoted: "7"
            steps:
              a: {run: "true"}
        """ + "\n" + MonitorTestSupport.alertSetup("amount-drift")))
        let pipeline = try XCTUnwrap(spec.pipeline("retrain"))
        XCTAssertEqual(pipeline.description, "Retrain the model")
        XCTAssertEqual(pipeline.schedule, .cron(try CronExpression(parsing: "0 */6 * * *")))
        XCTAssertEqual(pipeline.triggers, [.manual, .onAlert("amount-drift"), .cron], "a schedule implies the cron trigger")
        XCTAssertEqual(pipeline.maxActiveRuns, 3)
        XCTAssertTrue(pipeline.catchup)
        XCTAssertEqual(pipeline.params, [
            ParamSpec(name: "rows", defaultValue: .int(20000)),
            ParamSpec(name: "rate", defaultValue: .double(0.5)),
            ParamSpec(name: "full", defaultValue: .bool(false)),
            ParamSpec(name: "region", defaultValue: .string("eu-west")),
            ParamSpec(name: "quoted", defaultValue: .string("7")),
        ])
    }

    func testBothScheduleFormsAreTheSame() throws {
        func schedule(_ line: String) throws -> PipelineSpec {
            let spec = try XCTUnwrap(ProjectTestSupport.spec("project: demo\npipelines:\n  p:\n    \(line)\n    steps:\n      a: {run: \"true\"}\n"))
            return try XCTUnwrap(spec.pipeline("p"))
        }
        let canonical = try schedule("schedule: {every: 6h}")
        let shorthand = try schedule("every: 6h")
        XCTAssertEqual(canonical.schedule, .every(.hours(6)))
        XCTAssertEqual(shorthand, canonical)
        XCTAssertEqual(canonical.triggers, [.manual, .cron])
    }

    func testScheduleAndEveryTogether() {
        XCTAssertEqual(ProjectTestSupport.errors("""
        project: demo
        pipelines:
          p:
            schedule: "0 * * * *"
            every: 1h
            steps:
              a: {run: "true"}
        """), ["5:5: every: pipeline 'p' already has a schedule (schedule at 4:5); expected either schedule or every, not both"])
    }

    func testEveryMustBePositive() {
        XCTAssertEqual(ProjectTestSupport.errors("""
        project: demo
        pipelines:
          p:
            schedule: {every: 0s}
            steps:
              a: {run: "true"}
        """), ["4:23: every: expected a duration above 0s, found '0s'"])
    }

    func testUnknownScheduleKey() {
        XCTAssertEqual(ProjectTestSupport.errors("""
        project: demo
        pipelines:
          p:
            schedule: {evry: 1h}
            steps:
              a: {run: "true"}
        """), ["4:16: unknown key 'evry' in schedule; did you mean 'every'?"])
    }

    func testUnknownPipelineKey() {
        XCTAssertEqual(ProjectTestSupport.errors("""
        project: demo
        pipelines:
          p:
            schedul: "0 * * * *"
            steps:
              a: {run: "true"}
        """), ["4:5: unknown key 'schedul' in pipeline 'p'; did you mean 'schedule'?"])
    }

    func testInvalidPipelineID() {
        XCTAssertEqual(ProjectTestSupport.errors("""
        project: demo
        pipelines:
          Re train:
            steps:
              a: {run: "true"}
        """), ["3:3: invalid pipeline id 'Re train'; expected lower-case letters, digits, '-' and '_', starting with a letter or digit"])
    }

    func testMaxActiveRunsBelowOne() {
        XCTAssertEqual(ProjectTestSupport.errors("""
        project: demo
        pipelines:
          p:
            max_active_runs: 0
            steps:
              a: {run: "true"}
        """), ["4:22: max_active_runs: expected an integer >= 1, found 0"])
    }

    func testCatchupMustBeABoolean() {
        XCTAssertEqual(ProjectTestSupport.errors("""
        project: demo
        pipelines:
          p:
            catchup: sometimes
            steps:
              a: {run: "true"}
        """), ["4:14: catchup: expected true or false, found 'sometimes'"])
    }

    func testMissingAndEmptySteps() {
        XCTAssertEqual(ProjectTestSupport.errors("""
        project: demo
        pipelines:
          p:
            description: nothing to do
          q:
            steps: {}
        """), [
            "3:3: pipeline 'p' has no steps; expected a steps: mapping with at least one step",
            "6:12: steps: pipeline 'q' has no steps; expected at least one step",
        ])
    }

    func testTriggers() {
        XCTAssertEqual(ProjectTestSupport.errors("""
        project: demo
        pipelines:
          p:
            triggers: [manul, cron, manual, manual, {on_alert: Drift}]
            steps:
              a: {run: "true"}
        """), [
            "4:16: triggers: unknown trigger 'manul'; did you mean 'manual'? expected manual, cron or {on_alert: NAME}",
            "4:23: triggers: the cron trigger needs a schedule; expected schedule: (a cron expression or every: DURATION) in pipeline 'p'",
            "4:37: triggers: 'manual' is listed twice; expected each trigger once",
            "4:56: invalid alert id 'Drift'; expected lower-case letters, digits, '-' and '_', starting with a letter or digit",
        ])
        XCTAssertEqual(ProjectTestSupport.errors("""
        project: demo
        pipelines:
          p:
            triggers: manual
            steps:
              a: {run: "true"}
        """), ["4:15: triggers: expected a list of triggers like [manual, cron, {on_alert: NAME}], found 'manual'"])
    }

    func testParamsNeedAScalarDefault() {
        XCTAssertEqual(ProjectTestSupport.errors("""
        project: demo
        pipelines:
          p:
            params:
              rows:
              list: [1, 2]
            steps:
              a: {run: "true"}
        """), [
            "5:12: params.rows: expected a default value (a number, true/false or text), found nothing",
            "6:13: params.list: expected a default value (a number, true/false or text), found a list",
        ])
    }

    func testPipelinesKeepFileOrder() throws {
        let spec = try XCTUnwrap(ProjectTestSupport.spec("""
        project: demo
        pipelines:
          zeta: {steps: {a: {run: "true"}}}
          alpha: {steps: {z: {run: "true"}, b: {run: "true"}, m: {run: "true"}}}
        """))
        XCTAssertEqual(spec.pipelines.map(\.id), ["zeta", "alpha"])
        XCTAssertEqual(spec.pipeline("alpha")?.steps.map(\.id), ["z", "b", "m"])
    }
}
