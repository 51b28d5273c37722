import XCTest
@testable import Engine

/// AUC, accuracy, log loss, calibration error and the confusion matrix on
/// inputs small enough to work out by hand.
final class ClassificationMetricsTests: XCTestCase {
    func testAUCOfPerfectReversedAndMixedRankings() throws {
        XCTAssertEqual(ClassificationMetrics.auc(scores: [0.1, 0.2, 0.8, 0.9], labels: [0, 0, 1, 1]), 1)
        XCTAssertEqual(ClassificationMetrics.auc(scores: [0.9, 0.8, 0.2, 0.1], labels: [0, 0, 1, 1]), 0)
        // Pairs (positive, negative): (0.35, 0.1) yes, (0.35, 0.4) no, (0.8, 0.1) yes, (0.8, 0.4) yes -> 3/4.
        XCTAssertEqual(ClassificationMetrics.auc(scores: [0.1, 0.4, 0.35, 0.8], labels: [0, 0, 1, 1]), 0.75)
    }

    func testAUCCountsTiesAsHalf() throws {
        // All scores tied: every pair counts 1/2.
        XCTAssertEqual(ClassificationMetrics.auc(scores: [0.5, 0.5, 0.5, 0.5, 0.5], labels: [1, 0, 1, 0, 0]), 0.5)
        // Positives {0.3, 0.7}, negatives {0.3, 0.1, 0.7}:
        // 0.3 vs 0.3 half, vs 0.1 one, vs 0.7 zero; 0.7 vs 0.3 one, vs 0.1 one, vs 0.7 half -> 4 / 6.
        let auc = try XCTUnwrap(ClassificationMetrics.auc(scores: [0.3, 0.3, 0.1, 0.7, 0.7], labels: [1, 0, 0, 1, 0]))
        XCTAssertEqual(auc, 4.0 / 6.0, accuracy: 1e-15)
    }

    func testAUCMatchesPairCountingOnARandomSample() throws {
        var random = Xoshiro256StarStar(seed: 11)
        // Coarse scores so there are many ties.
        let scores = (0..<300).map { _ in Double(HoldoutSplit.boundedRandom(20, using: &random)) / 20 }
        let labels = (0..<300).map { _ in UInt8(HoldoutSplit.boundedRandom(2, using: &random)) }
        var wins = 0.0
        var pairs = 0.0
        for i in scores.indices where labels[i] == 1 {
            for j in scores.indices where labels[j] == 0 {
                pairs += 1
                wins += scores[i] > scores[j] ? 1 : (scores[i] == scores[j] ? 0.5 : 0)
            }
        }
        let auc = try XCTUnwrap(ClassificationMetrics.auc(scores: scores, labels: labels))
        XCTAssertEqual(auc, wins / pairs, accuracy: 1e-12)
    }

    func testAUCIsUndefinedWithOneClass() {
        XCTAssertNil(ClassificationMetrics.auc(scores: [0.1, 0.9], labels: [1, 1]))
        XCTAssertNil(ClassificationMetrics.auc(scores: [], labels: []))
    }

    func testLogLossOnKnownValuesAndClipping() throws {
        // -(ln 0.8 + ln 0.6) / 2 for p = 0.8 (y = 1) and p = 0.4 (y = 0).
        let loss = try XCTUnwrap(ClassificationMetrics.logLoss(probabilities: [0.8, 0.4], labels: [1, 0]))
        XCTAssertEqual(loss, -(log(0.8) + log(0.6)) / 2, accuracy: 1e-14)
        // A confident miss is clipped at 1e-15: -ln(1e-15) = 34.538...
        let clipped = try XCTUnwrap(ClassificationMetrics.logLoss(probabilities: [0], labels: [1]))
        XCTAssertEqual(clipped, -log(1e-15), accuracy: 1e-12)
        let other = try XCTUnwrap(ClassificationMetrics.logLoss(probabilities: [1], labels: [0]))
        XCTAssertEqual(other, -log(1e-15), accuracy: 1e-3)
        XCTAssertEqual(ClassificationMetrics.logLoss(probabilities: [0.5, 0.5], labels: [0, 1])!, log(2), accuracy: 1e-15)
    }

    func testExpectedCalibrationErrorOnKnownBins() throws {
        // Bin [0.1, 0.2): p 0.15, 0.15 with labels 0, 1 -> |0.15 - 0.5| = 0.35, weight 2/5.
        // Bin [0.9, 1.0]: p 0.95, 1.0, 0.9 with labels 1, 1, 1 -> |0.95 - 1| = 0.05, weight 3/5.
        let ece = try XCTUnwrap(ClassificationMetrics.expectedCalibrationError(
            probabilities: [0.15, 0.15, 0.95, 1.0, 0.9], labels: [0, 1, 1, 1, 1]))
        XCTAssertEqual(ece, 0.4 * 0.35 + 0.6 * 0.05, accuracy: 1e-12)
        // Perfectly calibrated within each bin.
        let perfect = try XCTUnwrap(ClassificationMetrics.expectedCalibrationError(
            probabilities: [0.25, 0.25, 0.25, 0.25], labels: [1, 0, 0, 0]))
        XCTAssertEqual(perfect, 0, accuracy: 1e-15)
    }

    func testConfusionMatrixAndAccuracyAtHalf() {
        let confusion = ConfusionMatrix(probabilities: [0.9, 0.5, 0.49, 0.1, 0.7], labels: [1, 0, 1, 0, 1])
        XCTAssertEqual(confusion, ConfusionMatrix(threshold: 0.5, truePositives: 2, falsePositives: 1,
                                                  trueNegatives: 1, falseNegatives: 1))
        XCTAssertEqual(confusion.accuracy, 0.6)
        XCTAssertEqual(confusion.precision!, 2.0 / 3.0, accuracy: 1e-15)
        XCTAssertEqual(confusion.recall!, 2.0 / 3.0, accuracy: 1e-15)
        XCTAssertEqual(ClassificationMetrics.accuracy(probabilities: [0.9, 0.5, 0.49, 0.1, 0.7], labels: [1, 0, 1, 0, 1]), 0.6)
    }

    func testMetricSetKeepsItsFixedOrder() throws {
        let metrics = try MetricSet(probabilities: [0.1, 0.4, 0.35, 0.8], labels: [0, 0, 1, 1])
        XCTAssertEqual(metrics.entries.map(\.name), MetricSet.names)
        XCTAssertEqual(MetricSet.names, ["auc", "accuracy", "log_loss", "calibration_error"])
        XCTAssertEqual(metrics.value(named: "auc"), 0.75)
        XCTAssertEqual(metrics.value(named: "accuracy"), 0.75)
        XCTAssertEqual(metrics.value(named: "log_loss"), ClassificationMetrics.logLoss(probabilities: [0.1, 0.4, 0.35, 0.8],
                                                                                         labels: [0, 0, 1, 1]))
        let oneClass = try MetricSet(probabilities: [0.2, 0.7], labels: [1, 1])
        XCTAssertNil(oneClass.auc)
        XCTAssertEqual(oneClass.entries.map(\.name), ["accuracy", "log_loss", "calibration_error"])
        XCTAssertThrowsError(try MetricSet(probabilities: [], labels: []))
    }
}
