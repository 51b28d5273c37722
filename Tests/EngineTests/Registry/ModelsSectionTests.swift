import XCTest
@testable import Engine

/// The `models:` section of the project file and its errors with line and column.
final class ModelsSectionTests: XCTestCase {
    func testReadsEveryKey() throws {
        let spec = try XCTUnwrap(ProjectTestSupport.spec("""
            project: p
            models:
              fraud:
                description: Fraud classifier
                policy: {auto: "auc >= champion.auc + 0.005"}
                retention: {keep_last: 5, max_artifact_age: 30d}
                cleanup: {every: 6h}
              churn:
                policy: two_person
                approval_timeout: 24h
                on_timeout: approve
              plain: {}
            """))
        XCTAssertEqual(spec.models.map(\.id), ["fraud", "churn", "plain"])
        let fraud = try XCTUnwrap(spec.model("fraud"))
        XCTAssertEqual(fraud.description, "Fraud classifier")
        XCTAssertEqual(fraud.policy, .auto(try PromotionRule(parsing: "auc >= champion.auc + 0.005")))
        XCTAssertEqual(fraud.policy.description, "auto: auc >= champion.auc + 0.005")
        XCTAssertEqual(fraud.retention, RetentionSpec(keepLast: 5, maxArtifactAge: .days(30)))
        XCTAssertEqual(fraud.cleanupEvery, .hours(6))
        let churn = try XCTUnwrap(spec.model("churn"))
        XCTAssertEqual(churn.policy, .twoPerson)
        XCTAssertEqual(churn.approvalTimeout, .hours(24))
        XCTAssertEqual(churn.onTimeout, .approve)
        XCTAssertEqual(spec.model("plain"), ModelSpec(id: "plain"))
    }

    func testErrorsNameLineAndColumn() {
        let errors = ProjectTestSupport.errors("""
            project: p
            models:
              fraud:
                policy: {auto: "auc >= champion.auc + "}
                retention: {keep_last: 0, max_age: 30d}
              churn:
                policy: two_persons
                on_timeout: later
              Bad:
                polcy: manual
              auto:
                policy: auto
                approval_timeout: 1.5h
              clean:
                cleanup: {every: 6h}
            """)
        XCTAssertEqual(errors, [
            "4:43: auto: invalid rule 'auc >= champion.auc + ': expected a number, a metric (like auc or champion.auc) or '(', found the end of the rule",
            "5:28: keep_last: expected an integer >= 1, found 0",
            "5:31: unknown key 'max_age' in retention; expected one of: keep_last, max_artifact_age",
            "7:13: policy: unknown policy 'two_persons'; did you mean 'two_person'? expected manual, two_person or {auto: RULE}",
            "8:5: on_timeout: model 'churn' has no approval_timeout; expected approval_timeout: DURATION with on_timeout",
            "8:17: on_timeout: unknown decision 'later'; expected reject or approve",
            "9:3: invalid model id 'Bad'; expected lower-case letters, digits, '-' and '_', starting with a letter or digit",
            "10:5: unknown key 'polcy' in model 'Bad'; did you mean 'policy'?",
            "12:13: policy: auto needs a rule; expected policy: {auto: \"auc >= champion.auc + 0.005\"}",
            "13:24: approval_timeout: invalid duration '1.5h': expected a whole number with a unit (write 1h30m, not 1.5h)",
            "15:5: cleanup: model 'clean' has no retention to apply; expected retention: {keep_last: N, max_artifact_age: DURATION} with cleanup",
        ])
    }

    func testRuleErrorColumnPointsInsideAPlainScalar() {
        let errors = ProjectTestSupport.errors("""
            project: p
            models:
              fraud:
                policy:
                  auto: auc => 0.8
            """)
        XCTAssertEqual(errors.count, 1)
        XCTAssertTrue(errors[0].hasPrefix("5:17: auto: invalid rule 'auc => 0.8': unexpected character '='"), errors[0])
    }

    func testAutoWithTimeoutAndDuplicatesAreErrors() {
        let errors = ProjectTestSupport.errors("""
            project: p
            models:
              fraud:
                policy: {auto: "auc > 0.8"}
                approval_timeout: 24h
              fraud:
                policy: manual
            """)
        XCTAssertEqual(errors.count, 2, "\(errors)")
        XCTAssertTrue(errors[0].hasPrefix("5:5: approval_timeout: the auto policy decides at once"), errors[0])
        XCTAssertTrue(errors[1].hasPrefix("6:3: duplicate model 'fraud' in models (first at 3:3)"), errors[1])
    }

    func testDocsHaveARowForEveryModelKey() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let text = try String(contentsOf: root.appendingPathComponent("docs/project-file.md"), encoding: .utf8)
        for key in ["models"] + ModelReader.keys + ModelReader.retentionKeys + ModelReader.cleanupKeys {
            XCTAssertTrue(text.contains("| `\(key)` |"), "docs/project-file.md has no row for '\(key)'")
        }
        for name in ModelReader.policyNames {
            XCTAssertTrue(text.contains("`\(name)`"), name)
        }
    }
}

/// The embedded demo declares a model and explains every model key.
final class EmbeddedDemoModelsTests: XCTestCase {
    func testDemoDeclaresAModelAndExplainsItsKeys() throws {
        let spec = try ProjectLoader.embeddedDemo(builtins: BuiltinRegistry.standard.names).get()
        XCTAssertEqual(spec.models.map(\.id), ["fraud"])
        XCTAssertEqual(spec.model("fraud")?.policy, .manual)
        XCTAssertEqual(spec.model("fraud")?.retention, RetentionSpec(keepLast: 5, maxArtifactAge: .days(7)))
        let comments = EmbeddedDemo.text.split(separator: "\n").compactMap { line -> Substring? in
            guard let hash = line.firstIndex(of: "#") else { return nil }
            return line[line.index(after: hash)...]
        }.joined(separator: "\n")
        for key in ModelReader.keys + ModelReader.retentionKeys {
            XCTAssertTrue(comments.contains("\(key):"), "no comment explains '\(key):'")
        }
    }
}
