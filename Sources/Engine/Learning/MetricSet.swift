/// One named metric value, as stored in lineage and shown in comparisons.
public struct Metric: Sendable, Equatable {
    public var name: String
    public var value: Double

    public init(name: String, value: Double) {
        self.name = name
        self.value = value
    }
}

/// The evaluation metrics of a model on one labelled data set: AUC,
/// accuracy at 0.5, log loss and expected calibration error (see
/// ``ClassificationMetrics``), plus the confusion matrix at 0.5.
public struct MetricSet: Sendable, Equatable {
    /// The metric names, in their fixed order.
    public static let names = ["auc", "accuracy", "log_loss", "calibration_error"]

    /// Nil when the data has only one class.
    public var auc: Double?
    public var accuracy: Double
    public var logLoss: Double
    public var calibrationError: Double
    public var confusion: ConfusionMatrix

    public init(auc: Double?, accuracy: Double, logLoss: Double, calibrationError: Double, confusion: ConfusionMatrix) {
        self.auc = auc
        self.accuracy = accuracy
        self.logLoss = logLoss
        self.calibrationError = calibrationError
        self.confusion = confusion
    }

    /// All metrics of `probabilities` against `labels` (same length, at least one row).
    public init(probabilities: [Double], labels: [UInt8]) throws(LearningError) {
        guard !labels.isEmpty else { throw .notEnoughRows(needed: 1, found: 0) }
        guard probabilities.count == labels.count else {
            throw .shapeMismatch("\(probabilities.count) probabilities for \(labels.count) labels")
        }
        let confusion = ConfusionMatrix(probabilities: probabilities, labels: labels)
        self.init(auc: ClassificationMetrics.auc(scores: probabilities, labels: labels),
                  accuracy: confusion.accuracy ?? 0,
                  logLoss: ClassificationMetrics.logLoss(probabilities: probabilities, labels: labels) ?? 0,
                  calibrationError: ClassificationMetrics.expectedCalibrationError(probabilities: probabilities, labels: labels) ?? 0,
                  confusion: confusion)
    }

    /// Scores `matrix` (which must be labelled) with `model`.
    public init(model: TrainedModel, matrix: TrainingMatrix) throws(LearningError) {
        guard !matrix.labels.isEmpty else { throw .missingLabels }
        try self.init(probabilities: model.predictProbability(matrix), labels: matrix.labels)
    }

    /// The metrics in the order of ``names``; an undefined AUC is left out.
    public var entries: [Metric] {
        var result: [Metric] = []
        if let auc { result.append(Metric(name: "auc", value: auc)) }
        result.append(Metric(name: "accuracy", value: accuracy))
        result.append(Metric(name: "log_loss", value: logLoss))
        result.append(Metric(name: "calibration_error", value: calibrationError))
        return result
    }

    /// The value of the metric called `name` (one of ``names``).
    public func value(named name: String) -> Double? {
        entries.first { $0.name == name }?.value
    }
}
