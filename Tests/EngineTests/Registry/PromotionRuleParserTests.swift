import XCTest
@testable import Engine

/// The rule language of `auto` policies and `when:` conditions: precedence,
/// references and errors with their column.
final class PromotionRuleParserTests: XCTestCase {
    private func parse(_ text: String) throws -> RuleCondition {
        try PromotionRule(parsing: text).condition
    }

    private func failure(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> RuleParseError? {
        do {
            _ = try PromotionRule(parsing: text)
            XCTFail("'\(text)' parsed", file: file, line: line)
            return nil
        } catch {
            return error
        }
    }

    func testComparisonWithArithmeticOnTheRight() throws {
        let condition = try parse("auc >= champion.auc + 0.005")
        XCTAssertEqual(condition, .compare(
            .metric(MetricReference(subject: .candidate, name: "auc", explicit: false)), .greaterOrEqual,
            .binary(.add, .metric(MetricReference(subject: .champion, name: "auc")), .number(0.005, text: "0.005"))))
    }

    func testMultiplicationBindsTighterThanAdditionAndAndTighterThanOr() throws {
        let condition = try parse("a > 1 + 2 * 3 or b < 1 and c < 2")
        guard case .or(let left, let right) = condition else { return XCTFail("\(condition)") }
        guard case .compare(_, .greater, .binary(.add, .number(1, _), .binary(.multiply, _, _))) = left else { return XCTFail("\(left)") }
        guard case .and = right else { return XCTFail("\(right)") }
    }

    func testParenthesesGroupBothConditionsAndNumbers() throws {
        let condition = try parse("(auc - champion.auc) / 2 > 0.01 and (accuracy > 0.8 or auc > 0.9)")
        guard case .and(.compare(.binary(.divide, .binary(.subtract, _, _), _), .greater, _), .or) = condition else {
            return XCTFail("\(condition)")
        }
    }

    func testReferencesInOrderOfFirstAppearance() throws {
        let rule = try PromotionRule(parsing: "candidate.auc > champion.auc and accuracy > 0.8 and candidate.auc > 0.7")
        XCTAssertEqual(rule.references.map(\.description), ["candidate.auc", "champion.auc", "accuracy"])
    }

    func testUnaryMinusAndExponentNumbers() throws {
        let rule = try PromotionRule(parsing: "-log_loss > -5e-1")
        XCTAssertTrue(rule.evaluate(candidate: [MetricValue(name: "log_loss", value: 0.4)], champion: nil).holds)
        XCTAssertFalse(rule.evaluate(candidate: [MetricValue(name: "log_loss", value: 0.6)], champion: nil).holds)
    }

    func testErrorsCarryTheOffsetOfTheProblem() {
        let cases: [(String, Int, String)] = [
            ("", 0, "the rule is empty"),
            ("auc >= ", 7, "expected a number, a metric"),
            ("auc = 0.8", 4, "write '==' to compare"),
            ("auc > 0.8 && x > 1", 10, "write 'and' / 'or'"),
            ("auc > 0.8 and", 13, "expected a number, a metric"),
            ("auc + 1", 0, "the rule is a number"),
            ("auc > 0.8 and 0.5", 14, "the right side of 'and' is a number"),
            ("(auc > 0.8) + 1 > 2", 0, "the left side of '+' is a comparison"),
            ("0.7 < auc < 0.9", 10, "comparisons cannot be chained"),
            ("baseline.auc > 0.8", 0, "unknown model 'baseline'"),
            ("(auc > 0.8", 10, "expected ')' to close '(' at column 1"),
            ("auc > 0.8)", 9, "unexpected ')'"),
            ("auc > 0.8x", 9, "after the number"),
            ("champion. > 1", 0, "invalid metric"),
        ]
        for (text, offset, message) in cases {
            guard let error = failure(text) else { continue }
            XCTAssertEqual(error.offset, offset, "\(text): \(error.message)")
            XCTAssertTrue(error.message.contains(message), "\(text): \(error.message)")
        }
    }

    func testEvaluationExplainsTheValuesCompared() throws {
        let rule = try PromotionRule(parsing: "auc >= champion.auc + 0.005")
        let held = rule.evaluate(candidate: RT.metrics(auc: 0.912), champion: RT.metrics(auc: 0.905))
        XCTAssertTrue(held.holds)
        XCTAssertEqual(held.explanation, "rule 'auc >= champion.auc + 0.005' holds (auc = 0.912, champion.auc = 0.905)")
        let failed = rule.evaluate(candidate: RT.metrics(auc: 0.909), champion: RT.metrics(auc: 0.905))
        XCTAssertFalse(failed.holds)
        XCTAssertEqual(failed.explanation, "rule 'auc >= champion.auc + 0.005' does not hold (auc = 0.909, champion.auc = 0.905)")
    }

    func testNoChampionMakesChampionComparisonsHoldButMissingMetricsFail() throws {
        let rule = try PromotionRule(parsing: "auc >= champion.auc and f1 > 0.5")
        let first = rule.evaluate(candidate: RT.metrics(auc: 0.7) + [MetricValue(name: "f1", value: 0.6)], champion: nil)
        XCTAssertTrue(first.holds)
        XCTAssertTrue(first.explanation.contains("there is no champion yet"), first.explanation)
        let missing = rule.evaluate(candidate: RT.metrics(auc: 0.7), champion: nil)
        XCTAssertFalse(missing.holds)
        XCTAssertTrue(missing.explanation.hasSuffix("missing: candidate.f1"), missing.explanation)
    }
}
