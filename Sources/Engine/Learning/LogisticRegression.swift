/// Binary logistic regression on standardised numeric and one-hot encoded
/// categorical features (see ``Preprocessing``), fitted by minimising
/// `mean log loss + (l2 / 2) |w|^2` with L-BFGS or gradient descent (see
/// ``TrainingParameters``). Deterministic: the same matrix and parameters
/// give a bit-identical model on every platform.
public enum LogisticRegression {
    /// Fits a model to the labelled `matrix`, which needs both classes.
    public static func fit(_ matrix: TrainingMatrix,
                           parameters: TrainingParameters = .standard) throws(LearningError) -> TrainedModel {
        guard matrix.rowCount > 0 else { throw .notEnoughRows(needed: 1, found: 0) }
        guard !matrix.labels.isEmpty else { throw .missingLabels }
        let positives = matrix.labels.reduce(0) { $0 + Int($1) }
        if positives == 0 { throw .singleClass(label: 0) }
        if positives == matrix.rowCount { throw .singleClass(label: 1) }

        let preprocessing = Preprocessing(fitting: matrix)
        let design = try preprocessing.designMatrix(for: matrix)
        let objective = LogisticObjective(design: design, labels: matrix.labels, l2: parameters.l2)
        let result: OptimizerResult
        switch parameters.optimizer {
        case .lbfgs:
            result = minimizeLBFGS(objective, maxIterations: parameters.maxIterations, tolerance: parameters.tolerance)
        case .gradientDescent:
            result = try minimizeGradientDescent(objective, maxIterations: parameters.maxIterations,
                                                 tolerance: parameters.tolerance, learningRate: parameters.learningRate)
        }
        let summary = TrainingSummary(rowCount: matrix.rowCount, positiveCount: positives, parameters: parameters,
                                      iterations: result.iterations, evaluations: result.evaluations,
                                      objective: result.objective, gradientMaxNorm: result.gradientMaxNorm,
                                      stopReason: result.stopReason)
        let schema = zip(matrix.featureNames, matrix.kinds).map { ModelFeature(name: $0, kind: $1) }
        return TrainedModel(schema: schema, preprocessing: preprocessing,
                            weights: Array(result.solution[0..<design.columns]),
                            bias: result.solution[design.columns], summary: summary)
    }
}
