import XCTest
@testable import Engine

/// Step keys: the action, retries and backoff, timeout, trigger rule, pool,
/// env, outputs and when.
final class StepValidationTests: XCTestCase {
    /// A project whose pipeline `p` has `steps` (already indented by 6).
    private func project(_ steps: String) -> String {
        "project: demo\npools:\n  cpu: 2\npipelines:\n  p:\n    params:\n      rows: 10\n    steps:\n" + steps + "\n"
    }

    func testEveryStepKey() throws {
        let spec = try XCTUnwrap(ProjectTestSupport.spec(project("""
              a: {builtin: sample}
              train:
                needs: [a]
                simulate: {duration: "lognormal(30s, 0.5)", fail: 0.25}
                retries: 2
                retry_delay: 45s
                backoff: {type: exponential, cap: 10m, jitter: 0.2}
                timeout: 10m
                trigger_rule: one_success
                pool: cpu
                env: {ROWS: "${params.rows}", DEBUG: 1}
                outputs: [data/model.bin]
                when: "auc > champion.auc + 0.005"
        """)))
        let steps = try XCTUnwrap(spec.pipeline("p")).steps
        XCTAssertEqual(steps[0], StepSpec(id: "a", action: .builtin("sample")))
        XCTAssertEqual(steps[1], StepSpec(
            id: "train", needs: ["a"],
            action: .simulate(duration: .lognormal(median: .seconds(30), sigma: 0.5), failureProbability: 0.25),
            retries: 2, retryDelay: .seconds(45), backoff: .exponential(cap: .minutes(10), jitter: 0.2), timeout: .minutes(10),
            triggerRule: .oneSuccess, pool: "cpu",
            env: [EnvironmentEntry(name: "ROWS", value: "${params.rows}"), EnvironmentEntry(name: "DEBUG", value: "1")],
            outputs: ["data/model.bin"], when: "auc > champion.auc + 0.005"))
    }

    func testStepDefaults() throws {
        let spec = try XCTUnwrap(ProjectTestSupport.spec(project("      a: {run: echo hi}")))
        let step = try XCTUnwrap(spec.pipeline("p")?.step("a"))
        XCTAssertEqual(step, StepSpec(id: "a", action: .shell("echo hi")))
        XCTAssertEqual(step.retries, 0)
        XCTAssertEqual(step.retryDelay, .seconds(30))
        XCTAssertEqual(step.backoff, .fixed)
        XCTAssertNil(step.timeout)
        XCTAssertEqual(step.triggerRule, .allSuccess)
    }

    func testStepWithoutAction() {
        XCTAssertEqual(ProjectTestSupport.errors(project("      a: {retries: 1}")),
                       ["9:7: step 'a' has no action; expected one of run (a shell command), builtin (a task name) or simulate (a duration)"])
    }

    func testStepWithSeveralActions() {
        XCTAssertEqual(ProjectTestSupport.errors(project("      a: {run: x, builtin: train, simulate: {duration: 1s}}")), [
            "9:19: builtin: step 'a' already has run (at 9:11); expected exactly one of run, builtin or simulate",
            "9:35: simulate: step 'a' already has run (at 9:11); expected exactly one of run, builtin or simulate",
        ])
    }

    func testUnknownStepKeyWithSuggestion() {
        XCTAssertEqual(ProjectTestSupport.errors(project("      a: {run: x, retires: 2, tiemout: 5m, colour: red}")), [
            "9:19: unknown key 'retires' in step 'a'; did you mean 'retries'?",
            "9:31: unknown key 'tiemout' in step 'a'; did you mean 'timeout'?",
            "9:44: unknown key 'colour' in step 'a'; expected one of: needs, run, builtin, simulate, retries, retry_delay, backoff, timeout, trigger_rule, pool, env, outputs, when",
        ])
    }

    func testNegativeRetries() {
        XCTAssertEqual(ProjectTestSupport.errors(project("      a: {run: x, retries: -1}")),
                       ["9:28: retries: expected an integer >= 0, found -1"])
        XCTAssertEqual(ProjectTestSupport.errors(project("      a: {run: x, retries: 1.5}")),
                       ["9:28: retries: expected an integer >= 0, found '1.5'"])
    }

    func testUnknownBuiltin() {
        XCTAssertEqual(ProjectTestSupport.errors(project("      a: {builtin: trian}")),
                       ["9:20: builtin: unknown builtin task 'trian'; did you mean 'train'?"])
        XCTAssertEqual(ProjectTestSupport.errors(project("      a: {builtin: deploy}")),
                       ["9:20: builtin: unknown builtin task 'deploy'; expected one of: sample, train, evaluate"])
        XCTAssertEqual(ProjectTestSupport.errors(project("      a: {builtin: train}"), builtins: []),
                       ["9:20: builtin: unknown builtin task 'train'; no builtin tasks are registered"])
    }

    func testBackoffForms() throws {
        let spec = try XCTUnwrap(ProjectTestSupport.spec(project("""
              a: {run: x, backoff: exponential}
              b: {run: x, backoff: fixed}
              c: {run: x, backoff: {type: exponential, cap: 2m}}
              d: {run: x, backoff: {type: fixed}}
        """)))
        let steps = try XCTUnwrap(spec.pipeline("p")).steps
        XCTAssertEqual(steps.map(\.backoff), [.exponential(cap: .hours(1), jitter: 0.1), .fixed, .exponential(cap: .minutes(2), jitter: 0.1), .fixed])
    }

    func testBadBackoff() {
        XCTAssertEqual(ProjectTestSupport.errors(project("""
              a: {run: x, backoff: exponental}
              b: {run: x, backoff: {cap: 1m}}
              c: {run: x, backoff: {type: fixed, jitter: 0.5}}
              d: {run: x, backoff: {type: exponential, jitter: 2}}
        """)), [
            "9:28: backoff: unknown backoff 'exponental'; did you mean 'exponential'? expected fixed or exponential",
            "10:28: backoff: missing type; expected type: exponential or type: fixed",
            "11:42: jitter: cap and jitter apply to exponential backoff only; found them with type fixed",
            "12:56: jitter: expected a number from 0 to 1, found 2",
        ])
    }

    func testTimeoutMustBePositive() {
        XCTAssertEqual(ProjectTestSupport.errors(project("      a: {run: x, timeout: 0s}")),
                       ["9:28: timeout: expected a duration above 0s, found '0s'"])
    }

    func testUnknownTriggerRule() {
        XCTAssertEqual(ProjectTestSupport.errors(project("      a: {run: x, trigger_rule: all_sucess}")),
                       ["9:33: trigger_rule: unknown rule 'all_sucess'; did you mean 'all_success'? expected one of: all_success, all_done, all_failed, one_success, one_failed, none_failed, always"])
    }

    func testEveryTriggerRuleIsAccepted() throws {
        for rule in TriggerRule.allCases {
            let spec = try XCTUnwrap(ProjectTestSupport.spec(project("      a: {run: x, trigger_rule: \(rule.rawValue)}")))
            XCTAssertEqual(spec.pipeline("p")?.step("a")?.triggerRule, rule)
        }
    }

    func testUnknownPool() {
        XCTAssertEqual(ProjectTestSupport.errors(project("      a: {run: x, pool: cpus}\n      b: {run: x, pool: memory}")), [
            "9:25: pool: unknown pool 'cpus'; did you mean 'cpu'?",
            "10:25: pool: unknown pool 'memory'; declared pools: cpu",
        ])
        XCTAssertEqual(ProjectTestSupport.errors("project: demo\npipelines:\n  p:\n    steps:\n      a: {run: x, pool: cpu}\n"),
                       ["5:25: pool: unknown pool 'cpu'; no pools are declared (add one under pools:)"])
    }

    func testFailProbabilityOutsideZeroToOne() {
        XCTAssertEqual(ProjectTestSupport.errors(project("      a: {simulate: {duration: 1s, fail: 1.5}}\n      b: {simulate: {duration: 1s, fail: -0.1}}")), [
            "9:42: fail: expected a number from 0 to 1, found 1.5",
            "10:42: fail: expected a number from 0 to 1, found -0.1",
        ])
    }

    func testSimulateNeedsADuration() {
        XCTAssertEqual(ProjectTestSupport.errors(project("      a: {simulate: {fail: 0.5}}")),
                       ["9:21: simulate: missing duration; expected duration: like 45s or \"lognormal(30s, 0.5)\""])
        XCTAssertEqual(ProjectTestSupport.errors(project("      a: {simulate: 30s}")),
                       ["9:21: simulate: expected a mapping like {duration: \"lognormal(30s, 0.5)\", fail: 0.05}, found '30s'"])
    }

    func testEnvironment() {
        XCTAssertEqual(ProjectTestSupport.errors(project("      a: {run: x, env: {1ROWS: a, EMPTY: }}")), [
            "9:25: env: invalid variable name '1ROWS'; expected letters, digits and '_', not starting with a digit",
            "9:42: env.EMPTY: expected a value (text or a number), found nothing",
        ])
    }

    func testOutputsMustBeRelative() {
        XCTAssertEqual(ProjectTestSupport.errors(project("      a: {run: x, outputs: [ok.csv, /etc/passwd]}")),
                       ["9:37: outputs: expected a path relative to the project directory, found '/etc/passwd'"])
    }

    func testNeedsMustBeAList() {
        XCTAssertEqual(ProjectTestSupport.errors(project("      a: {run: x}\n      b: {run: x, needs: a}")),
                       ["10:26: needs: expected a list of step ids like [train], found 'a'"])
    }

    func testInvalidStepID() {
        XCTAssertEqual(ProjectTestSupport.errors(project("      Train: {run: x}")),
                       ["9:7: invalid step id 'Train'; expected lower-case letters, digits, '-' and '_', starting with a letter or digit"])
    }
}
