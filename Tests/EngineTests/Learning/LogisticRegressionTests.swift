import XCTest
@testable import Engine

/// Fitting logistic regression: the objective's gradient, convergence, a
/// known optimum, and quality on data drawn from a known rule.
final class LogisticRegressionTests: XCTestCase {
    func testTrainedModelRanksAsWellAsTheTrueRuleOnTheHoldout() throws {
        let data = SyntheticLogisticData.make(rows: 20_000, seed: 2024)
        var random = Xoshiro256StarStar(seed: 77)
        let split = try HoldoutSplit(data.matrix, using: &random)
        let model = try LogisticRegression.fit(split.training)
        XCTAssertTrue(model.summary.converged, "\(model.summary)")
        XCTAssertEqual(model.summary.rowCount, 16_000)

        let metrics = try MetricSet(model: model, matrix: split.holdout)
        let trueAUC = try XCTUnwrap(ClassificationMetrics.auc(scores: split.holdoutRows.map { data.trueProbabilities[$0] },
                                                              labels: split.holdout.labels))
        let auc = try XCTUnwrap(metrics.auc)
        XCTAssertEqual(auc, trueAUC, accuracy: 0.01)
        XCTAssertGreaterThan(trueAUC, 0.75, "the rule should carry real signal")
        XCTAssertLessThan(metrics.calibrationError, 0.03)

        // The standardised weights map back to the generating coefficients.
        for (index, coefficient) in SyntheticLogisticData.coefficients.enumerated() {
            guard case .standardize(_, _, let deviation) = model.preprocessing.transforms[index] else {
                return XCTFail("feature \(index) should be standardised")
            }
            XCTAssertEqual(model.weights[index] / deviation, coefficient, accuracy: max(0.15, 0.1 / deviation),
                           "coefficient of n\(index)")
        }
        // Category effects are recovered up to a shared shift.
        let effects = model.weights[5...8].map { $0 - model.weights[5] }
        for (index, effect) in SyntheticLogisticData.categoryEffects.enumerated() {
            XCTAssertEqual(effects[index], effect - SyntheticLogisticData.categoryEffects[0], accuracy: 0.15)
        }
    }

    func testObjectiveGradientMatchesFiniteDifferences() throws {
        let data = SyntheticLogisticData.make(rows: 300, seed: 1)
        let design = try Preprocessing(fitting: data.matrix).designMatrix(for: data.matrix)
        let objective = LogisticObjective(design: design, labels: data.matrix.labels, l2: 0.05)
        var random = Xoshiro256StarStar(seed: 2)
        let theta = (0..<objective.parameterCount).map { _ in Sampling.uniform(-1, 1, using: &random) }
        var gradient = [Double](repeating: 0, count: theta.count)
        let value = objective.evaluate(theta, gradient: &gradient)
        XCTAssertTrue(value.isFinite)
        var scratch = gradient
        for index in theta.indices {
            let h = 1e-6
            var plus = theta
            plus[index] += h
            var minus = theta
            minus[index] -= h
            let numeric = (objective.evaluate(plus, gradient: &scratch) - objective.evaluate(minus, gradient: &scratch)) / (2 * h)
            XCTAssertEqual(gradient[index], numeric, accuracy: 1e-7, "component \(index)")
        }
    }

    func testFitReachesTheKnownOptimumOfGroupedData() throws {
        // Category a: 3 of 4 positive, b: 1 of 4. With (almost) no penalty the
        // maximum-likelihood probabilities are the group shares.
        let matrix = try TrainingMatrix(featureNames: ["g"], kinds: [.categorical(["a", "b"])], numericColumns: [],
                                        categoricalColumns: [[0, 0, 0, 0, 1, 1, 1, 1]], labels: [1, 1, 1, 0, 1, 0, 0, 0])
        let model = try LogisticRegression.fit(matrix, parameters: TrainingParameters(l2: 1e-10, tolerance: 1e-10))
        XCTAssertTrue(model.summary.converged)
        let p = try model.predictProbability(matrix)
        XCTAssertEqual(p[0], 0.75, accuracy: 1e-8)
        XCTAssertEqual(p[4], 0.25, accuracy: 1e-8)
        XCTAssertEqual(model.summary.positiveCount, 4)
    }

    func testLBFGSConvergesOnSeparableButRegularisedData() throws {
        let matrix = try TrainingMatrix(featureNames: ["x"], kinds: [.numeric], numericColumns: [[-3, -2, -1, 1, 2, 3]],
                                        categoricalColumns: [], labels: [0, 0, 0, 1, 1, 1])
        let model = try LogisticRegression.fit(matrix, parameters: TrainingParameters(l2: 1e-2, tolerance: 1e-9))
        XCTAssertEqual(model.summary.stopReason, .converged)
        XCTAssertLessThanOrEqual(model.summary.gradientMaxNorm, 1e-9)
        XCTAssertLessThan(model.summary.iterations, 100)
        XCTAssertTrue(model.weights[0].isFinite && model.weights[0] > 1, "weight \(model.weights[0])")
        XCTAssertEqual(model.bias, 0, accuracy: 1e-8, "the data are symmetric")
        let p = try model.predictProbability(matrix)
        XCTAssertEqual(p, p.sorted())
        // A stronger penalty gives a smaller weight.
        let stronger = try LogisticRegression.fit(matrix, parameters: TrainingParameters(l2: 1e-1))
        XCTAssertLessThan(stronger.weights[0], model.weights[0])
    }

    func testIterationLimitIsReportedAsNotConverged() throws {
        let data = SyntheticLogisticData.make(rows: 500, seed: 3)
        let model = try LogisticRegression.fit(data.matrix, parameters: TrainingParameters(maxIterations: 2))
        XCTAssertEqual(model.summary.iterations, 2)
        XCTAssertEqual(model.summary.stopReason, .iterationLimit)
        XCTAssertFalse(model.summary.converged)
    }

    func testGradientDescentApproachesTheLBFGSSolution() throws {
        let data = SyntheticLogisticData.make(rows: 300, seed: 4)
        let lbfgs = try LogisticRegression.fit(data.matrix, parameters: TrainingParameters(l2: 0.1, tolerance: 1e-9))
        let descent = try LogisticRegression.fit(data.matrix, parameters: TrainingParameters(
            l2: 0.1, maxIterations: 20_000, tolerance: 1e-7, optimizer: .gradientDescent, learningRate: 1))
        XCTAssertTrue(lbfgs.summary.converged, "\(lbfgs.summary)")
        XCTAssertTrue(descent.summary.converged, "\(descent.summary)")
        for (a, b) in zip(lbfgs.weights + [lbfgs.bias], descent.weights + [descent.bias]) {
            XCTAssertEqual(a, b, accuracy: 1e-4)
        }
        XCTAssertThrowsError(try LogisticRegression.fit(data.matrix, parameters: TrainingParameters(
            maxIterations: 200, optimizer: .gradientDescent, learningRate: 1e6))) {
            guard case .diverged = $0 as? LearningError else { return XCTFail("expected divergence, got \($0)") }
        }
    }

    func testSameDataSameModel() throws {
        let data = SyntheticLogisticData.make(rows: 2_000, seed: 5)
        let first = try LogisticRegression.fit(data.matrix)
        let second = try LogisticRegression.fit(data.matrix)
        XCTAssertEqual(first, second)
        XCTAssertEqual(first.contentHash, second.contentHash)
    }

    func testMissingValuesAndUnknownCategoriesAreScored() throws {
        var data = SyntheticLogisticData.make(rows: 2_000, seed: 6).matrix
        // Knock out every 10th numeric value of n0 and every 7th category.
        var n0 = data.numericColumns[0]
        var codes = data.categoricalColumns[0]
        for row in stride(from: 0, to: n0.count, by: 10) { n0[row] = .nan }
        for row in stride(from: 3, to: codes.count, by: 7) { codes[row] = -1 }
        data = try TrainingMatrix(featureNames: data.featureNames, kinds: data.kinds,
                                  numericColumns: [n0] + data.numericColumns[1...], categoricalColumns: [codes],
                                  labels: data.labels)
        let model = try LogisticRegression.fit(data)
        XCTAssertTrue(model.summary.converged)
        let p = try model.predictProbability(data)
        XCTAssertTrue(p.allSatisfy { $0 > 0 && $0 < 1 })

        guard case .standardize(_, let mean, _) = model.preprocessing.transforms[0] else { return XCTFail("n0 not standardised") }
        func row(n0 value: Double, code: Int32, categories: [String] = SyntheticLogisticData.categories) throws -> TrainingMatrix {
            try TrainingMatrix(featureNames: data.featureNames, kinds: Array(data.kinds[0..<5]) + [.categorical(categories)],
                               numericColumns: [[value], [1], [0.5], [0.3], [1]], categoricalColumns: [[code]], labels: [])
        }
        // Missing equals the training mean; a missing category equals an unseen one.
        XCTAssertEqual(try model.predictProbability(row(n0: .nan, code: 1)), try model.predictProbability(row(n0: mean, code: 1)))
        XCTAssertEqual(try model.predictProbability(row(n0: 1, code: -1)),
                       try model.predictProbability(row(n0: 1, code: 4, categories: SyntheticLogisticData.categories + ["enterprise"])))
        XCTAssertNotEqual(try model.predictProbability(row(n0: 1, code: -1)), try model.predictProbability(row(n0: 1, code: 3)))
    }

    func testFitRefusesUnusableData() throws {
        let oneClass = try TrainingMatrix(featureNames: ["x"], kinds: [.numeric], numericColumns: [[1, 2]],
                                          categoricalColumns: [], labels: [1, 1])
        XCTAssertThrowsError(try LogisticRegression.fit(oneClass)) { XCTAssertEqual($0 as? LearningError, .singleClass(label: 1)) }
        XCTAssertThrowsError(try LogisticRegression.fit(oneClass.withoutLabels())) {
            XCTAssertEqual($0 as? LearningError, .missingLabels)
        }
        let empty = try TrainingMatrix(featureNames: ["x"], kinds: [.numeric], numericColumns: [[]], categoricalColumns: [], labels: [])
        XCTAssertThrowsError(try LogisticRegression.fit(empty)) {
            XCTAssertEqual($0 as? LearningError, .notEnoughRows(needed: 1, found: 0))
        }
    }
}
