import XCTest
@testable import Engine

/// `METRIC OP THRESHOLD` conditions of an analysis.
final class AnalysisConditionParsingTests: XCTestCase {
    private func parse(_ text: String) throws -> AnalysisCondition { try AnalysisCondition(parsing: text) }

    /// `column: message` of the parse error.
    private func error(_ text: String) -> String {
        do {
            let condition = try AnalysisCondition(parsing: text)
            return "parsed: \(condition)"
        } catch {
            return "\(error.offset + 1): \(error.message)"
        }
    }

    func testGoodConditions() throws {
        XCTAssertEqual(try parse("error_rate < 1%"), AnalysisCondition(metric: .errorRate, comparison: .less, threshold: .value(0.01), text: "error_rate < 1%"))
        XCTAssertEqual(try parse("p99_latency_ms < 150").threshold, .value(150))
        XCTAssertEqual(try parse("p50_latency_ms<=20.5").comparison, .lessOrEqual)
        XCTAssertEqual(try parse("p95_latency_ms > 1").comparison, .greater)
        XCTAssertEqual(try parse("accuracy >= stable - 0.02").threshold, .stablePlus(-0.02))
        XCTAssertEqual(try parse("accuracy >= stable - 2%").threshold, .stablePlus(-0.02))
        XCTAssertEqual(try parse("agreement >= 95%").threshold, .value(0.95))
        XCTAssertEqual(try parse("agreement >= .9").threshold, .value(0.9))
        XCTAssertEqual(try parse("error_rate <= stable + 0.005").threshold, .stablePlus(0.005))
        XCTAssertEqual(try parse("p99_latency_ms < stable * 1.2").threshold, .stableTimes(1.2))
        XCTAssertEqual(try parse("  accuracy >= stable  ").threshold, .stablePlus(0))
        XCTAssertEqual(try parse("accuracy >= stable").text, "accuracy >= stable")
        XCTAssertEqual(try parse("error_rate < 1%").description, "error_rate < 1%")
    }

    func testUnknownMetric() {
        XCTAssertEqual(error("eror_rate < 1%"), "1: unknown metric 'eror_rate'; did you mean 'error_rate'? expected one of: error_rate, p50_latency_ms, "
            + "p95_latency_ms, p99_latency_ms, accuracy, agreement")
        XCTAssertEqual(error("< 5"), "1: expected a metric (error_rate, p50_latency_ms, p95_latency_ms, p99_latency_ms, accuracy, agreement), found '< 5'")
        XCTAssertEqual(error(""), "1: expected a metric (error_rate, p50_latency_ms, p95_latency_ms, p99_latency_ms, accuracy, agreement), found the end")
    }

    func testBadOperator() {
        XCTAssertEqual(error("accuracy == 0.9"), "10: expected a comparison <, <=, > or >=, found '=='")
        XCTAssertEqual(error("accuracy 0.9"), "10: expected a comparison <, <=, > or >=, found '0.9'")
        XCTAssertEqual(error("accuracy"), "9: expected a comparison <, <=, > or >=, found the end")
    }

    func testBadThreshold() {
        XCTAssertEqual(error("error_rate < "), "14: expected a number like 0.02 or a percentage like 1% or stable, found the end")
        XCTAssertEqual(error("p99_latency_ms < 150%"), "21: a percentage does not fit p99_latency_ms, which is not a fraction; expected a plain number, found '%'")
        XCTAssertEqual(error("p99_latency_ms < fast"), "18: expected a number like 150 or stable, found 'fast'")
        XCTAssertEqual(error("error_rate < 5"), "14: error_rate is a fraction; expected a threshold from 0 to 1 or a percentage like 1%, found 5")
        XCTAssertEqual(error("error_rate < 1% please"), "17: expected the end of the condition, found 'please'")
        XCTAssertEqual(error("accuracy >= stable / 2"), "20: expected +, - or * after 'stable' (or the end of the condition), found '/'")
        XCTAssertEqual(error("accuracy >= stable -"), "21: expected a number like 0.02 or a percentage like 1%, found the end")
        XCTAssertEqual(error("accuracy >= stable * 0"), "22: expected a factor above 0 after 'stable *', found 0")
        XCTAssertEqual(error("accuracy >= stable * 10%"), "24: a percentage does not fit a factor; expected a plain number, found '%'")
        XCTAssertEqual(error("accuracy >= -0.5"), "13: expected a number like 0.02 or a percentage like 1% or stable, found '-0.5'")
        XCTAssertEqual(error("p99_latency_ms >= 1.2.3"), "22: expected the end of the condition, found '.3'")
    }
}
